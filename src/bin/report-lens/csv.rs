//! CSV as pandas, R, DuckDB, Spark and spreadsheets read it: RFC 4180 quoting, a header row,
//! and for files a UTF-8 byte-order mark (without it Excel reads Chinese as mojibake; the
//! readers above skip it, pandas with `encoding="utf-8-sig"` or by default in read_csv).

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub const BOM: &str = "\u{feff}";

pub fn field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields.iter().map(|f| field(f.as_ref())).collect::<Vec<_>>().join(",");
    out.push('\n');
    out
}

/// A table in memory (the comparison's, printed or written whole).
pub struct Table {
    pub name: &'static str,
    pub header: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(name: &'static str, header: &'static [&'static str]) -> Self {
        Table { name, header, rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.header.len(), "{}: a row as wide as the header", self.name);
        self.rows.push(row);
    }

    pub fn text(&self) -> String {
        let mut out = line(self.header);
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out
    }

    pub fn write(&self, dir: &Path) -> Result<(), String> {
        let mut w = Writer::create(dir, self.name, self.header)?;
        for r in &self.rows {
            w.row(r)?;
        }
        w.finish()
    }
}

/// A table streamed to `DIR/NAME.csv` row by row (the corpus's, which may not fit in memory).
pub struct Writer {
    out: BufWriter<File>,
    path: PathBuf,
}

impl Writer {
    pub fn create(dir: &Path, name: &str, header: &[&str]) -> Result<Self, String> {
        let path = dir.join(format!("{name}.csv"));
        let file = File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut w = Writer { out: BufWriter::new(file), path };
        w.put(BOM)?;
        w.row(header)?;
        Ok(w)
    }

    fn put(&mut self, s: &str) -> Result<(), String> {
        self.out.write_all(s.as_bytes()).map_err(|e| format!("{}: {e}", self.path.display()))
    }

    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) -> Result<(), String> {
        self.put(&line(fields))
    }

    pub fn finish(mut self) -> Result<(), String> {
        self.out.flush().map_err(|e| format!("{}: {e}", self.path.display()))
    }
}

/// A number as people and parsers read it: `230`, `0.114`, nothing for none.
pub fn num(x: f64) -> String {
    x.to_string()
}

pub fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_it() {
        assert_eq!(line(&["a", "b,c", "say \"hi\"", "two\nlines"]), "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
        assert_eq!(num(230.0), "230");
        assert_eq!(num(0.114), "0.114");
    }
}
