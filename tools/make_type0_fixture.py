#!/usr/bin/env python3
"""A PDF in the font encoding Word and WPS exports use: a Type0 (CID) font, Identity-H
encoding, glyph ids in the content stream and a ToUnicode map. LibreOffice, which made the
other fixtures, writes simple TrueType subsets instead.

Usage: tools/make_type0_fixture.py OUT_DIR NAME TEXT_FILE
Writes NAME.pdf (fpdf2, WenQuanYi Micro Hei, plain A4 pages, lines wrapped by fpdf2), NAME.txt
(a copy of TEXT_FILE) and NAME.pages (phrases and the page pdftotext finds each on).
Needs `pip install fpdf2`, fonts-wqy-microhei and poppler-utils; tests need none of them.
"""
import os
import shutil
import sys

from fpdf import FPDF

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_pdf_fixtures import page_phrases  # noqa: E402

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def main(out_dir, name, text_file):
    lines = open(text_file, encoding="utf-8").read().splitlines()
    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", FONT)
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 6, line if line.strip() else " ", new_x="LMARGIN", new_y="NEXT")
    out = os.path.join(out_dir, name)
    pdf.output(out + ".pdf")
    shutil.copyfile(text_file, out + ".txt")
    with open(out + ".pages", "w", encoding="utf-8") as f:
        f.write("\n".join(page_phrases(out + ".pdf", lines)) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
