#!/usr/bin/env python3
"""Checks PDFs against their text versions, as tests/pdf.rs does for the fixtures, on any set.

Usage: tools/pdf_check.py GOVSEARCH DIR [EVERY]
DIR holds NAME.pdf and NAME.txt pairs (e.g. made by tools/make_pdf_fixtures.py). Indexes the PDFs,
then reports the clauses (lines cut at 。；！？：, 4+ characters; every EVERY-th, default 1) of each
text not found in its PDF, and the files whose section paths (`inspect --json`) differ.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

exe, folder = sys.argv[1], sys.argv[2]
every = int(sys.argv[3]) if len(sys.argv) > 3 else 1
names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".pdf") and os.path.exists(os.path.join(folder, f[:-4] + ".txt")))
tmp = tempfile.mkdtemp()
corpus = os.path.join(tmp, "c")
os.makedirs(corpus)
for n in names:
    os.symlink(os.path.abspath(os.path.join(folder, n + ".pdf")), os.path.join(corpus, n + ".pdf"))
idx = os.path.join(tmp, "idx")
r = subprocess.run([exe, "index", corpus, "--index", idx], capture_output=True, text=True)
print(r.stderr.strip().splitlines()[-1])
clauses = found = 0
section_diffs = []
for n in names:
    text = open(os.path.join(folder, n + ".txt"), encoding="utf-8").read()
    cs = [c.strip(" \u3000") for l in text.splitlines() for c in re.split("[。；！？：]", l)]
    cs = [c for c in cs if len(c) >= 4 and '"' not in c][::every]
    for c in cs:
        out = subprocess.run([exe, "search", "--index", idx, "--json", "--all", f'"{c}"'], capture_output=True, text=True).stdout
        clauses += 1
        if any(json.loads(l)["path"].endswith(n + ".pdf") for l in out.splitlines()):
            found += 1
        else:
            print(f"missing {n}: {c}")
    secs = []
    for ext in ("txt", "pdf"):
        out = subprocess.run([exe, "inspect", "--json", os.path.join(folder, f"{n}.{ext}")], capture_output=True, text=True).stdout
        secs.append([s["section"] for s in json.loads(out)["sections"]] if out else None)
    if secs[0] != secs[1]:
        section_diffs.append(n)
print(f"{found}/{clauses} clauses found; section paths differ in {len(section_diffs)}/{len(names)}: {section_diffs}")
