#!/usr/bin/env python3
"""Makes the PDF and .odt fixtures of tests/fixtures/pdf/ from plain-text reports and laws.

Each source becomes a flat ODT laid out like a published report (WenQuanYi Micro Hei, first-line
indent of two characters, justified, a running header with the title, a footer `- N -`), then
LibreOffice exports it as PDF (embedded TrueType subsets with ToUnicode maps, as Word and
LibreOffice exports have) and as .odt. For each fixture it also writes:
  NAME.txt    the text version (laws: markdown marks and the info block removed);
  NAME.pages  `page<TAB>phrase` lines: phrases found on exactly one page by `pdftotext -f N -l N`,
              so tests check a hit's page without poppler.
It also writes scanned.pdf (one image-only page, no text layer) and encrypted.pdf (a short
report with an open password, `secret`).

Needs LibreOffice (libreoffice-writer-nogui, fonts-wqy-microhei) and poppler-utils; CI does not.
Usage: tools/make_pdf_fixtures.py OUT_DIR NAME=SOURCE.txt ...
       tools/make_pdf_fixtures.py --set OUT_DIR SOURCE.txt ...   (a larger set for speed and
       tools/pdf_check.py: NAMEnn.txt and NAMEnn.pdf only, one LibreOffice run)
       (tests/fixtures/pdf was made with the arguments in tests/fixtures/pdf/README.md)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import zlib
from xml.sax.saxutils import escape

HEADING = re.compile(r"^[\s\u3000]*(#+\s*)?([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百千零〇]+[编章节条])")


def clean_law(text):
    """The law's text as a publisher would print it: no markdown marks, no info block."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^<!-- INFO END -->.*$", "", text, flags=re.M)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^#+\s*", "", line).rstrip()
        if line.startswith("<") or not line.strip():
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def fodt(title, lines):
    paras = []
    for i, line in enumerate(lines):
        style = "T" if i == 0 else ("H" if HEADING.match(line) else "P")
        # ODF collapses runs of spaces; text:s keeps them as the text version has them.
        body = re.sub(r"  +", lambda m: ' <text:s text:c="%d"/>' % (len(m.group()) - 1), escape(line.strip()))
        paras.append(f'<text:p text:style-name="{style}">{body}</text:p>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="WenQuanYi Micro Hei" svg:font-family="'WenQuanYi Micro Hei'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="WenQuanYi Micro Hei" style:font-name-asian="WenQuanYi Micro Hei" fo:font-size="14pt" style:font-size-asian="14pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="P" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="28pt" fo:text-align="justify" fo:line-height="150%"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-top="6pt" fo:line-height="150%"/>
 </style:style>
 <style:style style:name="T" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/>
  <style:text-properties fo:font-size="18pt" style:font-size-asian="18pt"/>
 </style:style>
 <style:style style:name="HF" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="HF">{escape(title)}</text:p></style:header>
  <style:footer><text:p text:style-name="HF">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(paras)}
</office:text></office:body></office:document>
"""


def squash(s):
    return re.sub(r"\s+", "", s)


def page_phrases(pdf, txt_lines, per_page=3):
    """Phrases of the text found on exactly one page of the PDF, by poppler's pdftotext."""
    pages = []
    n = 1
    while True:
        r = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True, text=True)
        if r.returncode != 0 or n > 500:
            break
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        pages.append(squash(r.stdout))
        n += 1
        if n > count:
            break
    clauses = []
    for line in txt_lines[1:]:
        for c in re.split(r"[。；！？：]", line):
            c = c.strip().strip("\u3000")
            if 10 <= len(c) <= 30 and " " not in c:
                clauses.append(c)
    out = []
    for p, text in enumerate(pages, 1):
        found = [c for c in clauses if c in text and sum(c in t for t in pages) == 1]
        # Spread over the page: first, middle, last.
        picks = [found[0], found[len(found) // 2], found[-1]] if len(found) >= 3 else found
        for c in dict.fromkeys(picks[:per_page]):
            out.append(f"{p}\t{c}")
    return out


def scanned_pdf(path):
    """A one-page PDF whose only content is an image: what a scanner writes."""
    w = h = 64
    pixels = bytes((x * 4 + y) % 256 for y in range(h) for x in range(w))
    img = zlib.compress(pixels)
    content = b"q 400 0 0 400 100 300 cm /Im1 Do Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(img)) + img + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def make_set(out_dir, sources):
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fodts = []
        for i, src in enumerate(sources):
            with open(src, encoding="utf-8") as f:
                lines = [l for l in clean_law(f.read()).splitlines() if l.strip()]
            name = f"doc{i:03}"
            with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            fodts.append(os.path.join(tmp, name + ".fodt"))
            with open(fodts[-1], "w", encoding="utf-8") as f:
                f.write(fodt(lines[0].strip(), lines))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out_dir] + fodts,
                       check=True, capture_output=True)


def encrypted_pdf(out_dir):
    """A short report that needs a password to open."""
    options = json.dumps({"EncryptFile": {"type": "boolean", "value": "true"},
                          "DocumentOpenPassword": {"type": "string", "value": "secret"}})
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "encrypted.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fodt("加密文件", ["加密文件", "一、总体情况", "本文件设有打开密码。"]))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export:" + options,
                        "--outdir", out_dir, src], check=True, capture_output=True)


def main():
    if sys.argv[1] == "--set":
        return make_set(sys.argv[2], sys.argv[3:])
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for arg in sys.argv[2:]:
        name, src = arg.split("=", 1)
        with open(src, encoding="utf-8") as f:
            text = f.read()
        if "<!--" in text or text.startswith("#"):
            text = clean_law(text)
        lines = [l for l in text.splitlines() if l.strip()]
        with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        with tempfile.TemporaryDirectory() as tmp:
            src_fodt = os.path.join(tmp, name + ".fodt")
            with open(src_fodt, "w", encoding="utf-8") as f:
                f.write(fodt(lines[0].strip(), lines))
            for fmt in ("pdf", "odt"):
                subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", out_dir, src_fodt],
                               check=True, capture_output=True)
        pdf = os.path.join(out_dir, name + ".pdf")
        with open(os.path.join(out_dir, name + ".pages"), "w", encoding="utf-8") as f:
            f.write("\n".join(page_phrases(pdf, lines)) + "\n")
    scanned_pdf(os.path.join(out_dir, "scanned.pdf"))
    encrypted_pdf(out_dir)


if __name__ == "__main__":
    main()
