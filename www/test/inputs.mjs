// Bad and awkward inputs, built in the test (no binary fixtures): a minimal .docx writer
// (a zip of deflated entries) and the encodings the page must read.
import { deflateRawSync, crc32 } from 'node:zlib';

/** A zip archive of { name: string | Buffer } entries, deflated unless `store`. Sizes as given
 * by `declare` (to lie about an entry's size, as a crafted archive may). */
export function zip(entries, { store = false } = {}) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = store ? data : deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(store ? 0 : 8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(head, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx whose paragraphs are `paragraphs` (raw XML inside <w:t> when `raw`). */
export function docx(paragraphs, { raw = false, doctype = '' } = {}) {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${raw ? p : escapeXml(p)}</w:t></w:r></w:p>`).join('');
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  });
}

/** UTF-16 bytes of a string without a BOM, little or big endian. */
export function utf16(text, endian) {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

// 㐀 U+3400 (CJK Extension A) and 𠀀 U+20000 (Extension B) take four bytes in GB18030
const FOUR_BYTE = { '㐀': [0x81, 0x39, 0xee, 0x39], '𠀀': [0x95, 0x32, 0x82, 0x36] };

let gbkTable = null;
/** GB18030 bytes of a string: ASCII, the two-byte (GBK) range found by decoding every
 * two-byte code once (TextEncoder only writes UTF-8), and the four-byte characters above. */
export function gb18030(text) {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const c = dec.decode(new Uint8Array([a, b]));
        if (c.length === 1 && c !== '\ufffd' && !gbkTable.has(c)) gbkTable.set(c, [a, b]);
      }
  }
  const out = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else if (FOUR_BYTE[c]) out.push(...FOUR_BYTE[c]);
    else if (gbkTable.has(c)) out.push(...gbkTable.get(c));
    else throw new Error(`gb18030(): no code for ${c}`);
  }
  return Buffer.from(out);
}

/** A PNG's first bytes: the signature and an IHDR chunk. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ff9f0100050001ff5ccc7f0000000049454e44ae426082', 'hex');
