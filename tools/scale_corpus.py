#!/usr/bin/env python3
"""Make a large corpus for scale runs by varied repetition of a corpus folder.

Usage: tools/scale_corpus.py SRC DEST --mb 1000

Copy k (k = 0, 1, ...) of every .txt/.md file goes to DEST/copy-k/<its path in SRC>. So that
copies are not byte-identical (no index or cache can deduplicate them), copy k > 0 rotates the
file's lines after the first by k positions (so sections and their neighbours differ) and adds
"（第k版）" to its first line. Files are written until DEST holds at least --mb megabytes.
Deterministic: the same SRC and --mb give the same DEST. Never write DEST inside the repository.
"""
import argparse
import os
import sys
from pathlib import Path


def variant(text: str, k: int) -> str:
    if k == 0:
        return text
    lines = text.split("\n")
    head, body = lines[:1], lines[1:]
    if body:
        r = k % len(body)
        body = body[r:] + body[:r]
    if head:
        head = [head[0] + f"（第{k}版）"]
    return "\n".join(head + body)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dest")
    ap.add_argument("--mb", type=float, default=1000)
    a = ap.parse_args()
    src, dest = Path(a.src), Path(a.dest)
    files = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".md"))
    if not files:
        print(f"no .txt/.md files under {src}", file=sys.stderr)
        return 2
    target = a.mb * 1e6
    written = 0
    k = 0
    while written < target:
        for p in files:
            text = p.read_text(encoding="utf-8", errors="replace")
            out = dest / f"copy-{k}" / p.relative_to(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            data = variant(text, k).encode("utf-8")
            out.write_bytes(data)
            written += len(data)
            if written >= target:
                break
        k += 1
    print(f"wrote {written / 1e6:.1f} MB in {k} copies to {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
