#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus to fuzz/seeds/<target>/: our own fixtures and small inputs
of the shapes that broke or nearly broke intake (entities before Chinese, cut characters,
BOM-less UTF-16, mixed UTF-8/GBK, GB18030 four-byte characters, hostile docx). Built here so
that no binary seed is committed; run by scripts/fuzz.sh, idempotent."""
import io
import os
import pathlib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT.parent / "tests" / "fixtures"

REPORT = "一、2024年工作回顾\n全年立案提案286件，办复率100%。开展专题协商6次，组织委员视察30余次。\n二、2025年工作安排\n"


def write(target, name, data):
    d = SEEDS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def docx(document_xml, styles_xml=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", document_xml)
        if styles_xml:
            z.writestr("word/styles.xml", styles_xml)
    return buf.getvalue()


def para(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document(body, prolog=""):
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>'


STYLES = ('<w:styles><w:style w:styleId="1"><w:name w:val="heading 1"/></w:style>'
          '<w:style w:styleId="a3"><w:name w:val="Title"/></w:style>'
          '<w:style w:styleId="x"><w:name w:val="自定义"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>')

XMLS = {
    "headings": document(para("政协工作报告", "a3") + para("一、工作回顾", "1") + para("立案提案286件。") + para("做好提案", "x")),
    "entities": document(para("&amp;委员会工作报告 &gt; 政务公开 &gt; &#25919;&#x534F; R&amp;D委员会")),
    "bare-amp": document(para("R&D委员会工作 & 政协")),
    "dtd": document(para("政协&xxe;&lol3;"), '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
                    '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]>'),
    "textbox": document('<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>'
                        + para("文本框") + '</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>' + para("文本框")
                        + '</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:tab/><w:br/><w:t>后</w:t></w:r></w:p>'),
    "table": document('<w:tbl><w:tr><w:tc>' + para("单元格") + '<w:tbl><w:tr><w:tc>' + para("嵌套") + '</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>'),
    "cdata": document('<w:p><w:r><w:t><![CDATA[政协<委员>]]></w:t></w:r></w:p><!-- 注释 --><?pi x?>'),
}

HTML = {
    "entities": "<p>&amp;委员会 R&D委员会工作 &gt; 政务公开 &gt; &#25919;&#x534F; &nbsp;&copy &amp</p>",
    "hostile": '<html><head><title>t</title><script>alert("<p>x</p>")</script><style>p{}</style></head><body>'
               '<h1>政协工作报告</h1><p onclick="x()">立案<b>286</b>件<img src=x onerror="alert(1)">'
               '<a href="javascript:steal()">链接</a></p><svg><script>y()</script></svg><h2>二、安排</h2></body></html>',
    "no-head-end": "<html><head><title>标题</title><p>正文<br>第二行<li>条目</li><textarea>文本</textarea><plaintext>rest<p>",
    "gbk-meta": None,  # below: GBK bytes
}


def main():
    for f in sorted(FIXTURES.glob("*.*")):
        write("text", f.name, f.read_bytes())
        write("analyze", "txt-" + f.name, b"\x00" + f.read_bytes())
    raw = REPORT.encode("utf-8")
    gbk = REPORT.encode("gb18030")
    shapes = {
        "cut-utf8": raw[:-1],
        "utf16le-nobom": REPORT.encode("utf-16-le"),
        "utf16be-nobom": REPORT.encode("utf-16-be"),
        "utf16le-bom": b"\xff\xfe" + REPORT.encode("utf-16-le"),
        "utf16-odd": REPORT.encode("utf-16-le")[:-1],
        "mixed": raw + gbk + "三、民主监督\n".encode("utf-8"),
        "gb18030-4byte": "𠀀字、㐀字与€：提案12件\n".encode("gb18030"),
        "garbled": "政协委员???提出\ufffd\ufffd建议？？？".encode("utf-8"),
        "bom-utf8": b"\xef\xbb\xbf" + raw,
    }
    for name, data in shapes.items():
        write("text", name, data)
        write("analyze", "txt-" + name, b"\x00" + data)
    for name, h in HTML.items():
        data = h.encode("utf-8") if h else ('<meta charset="gbk"><h1>报告</h1><p>' + REPORT + "</p>").encode("gbk")
        write("html", name, data)
        write("analyze", "html-" + name, b"\x01" + data)
    for name, xml in XMLS.items():
        write("wordml", name, xml)
        d = docx(xml, STYLES)
        write("docx", name, d)
        write("analyze", "docx-" + name, b"\x02" + d)
    write("wordml", "styles", STYLES)
    for name, text in {"plain": REPORT, "astral": "𠀀政协😀委员会\n𠀀政协😀委员会提案", "empty-term": "\n" + REPORT}.items():
        for width in (0, 3, 40, 255):
            write("concordance", f"{name}-{width}", bytes([width]) + ("政协\n" + text).encode("utf-8"))


if __name__ == "__main__":
    main()
