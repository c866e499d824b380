#!/usr/bin/env python3
"""Regenerate src/domain_dict.txt, govsearch's government-domain dictionary, from a corpus.

Usage: tools/domain_dict.py ../shared/corpus > src/domain_dict.txt   (needs `pip install jieba`)

A term is included when the corpus puts it in quotation marks (“放管服”) at least MIN_QUOTED times
and jieba's default dictionary does not know it, or when it is one of the terms named in EXTRA
and occurs at all. The frequency column is the term's number of occurrences in
the corpus, its justification; jieba uses it as the word's frequency. Sorted by frequency.
"""
import collections
import glob
import re
import sys

import jieba

MIN_QUOTED = 8
EXTRA = ["一规划两纲要", "三统一", "科技特派员", "法治政府建设", "合法性审查", "规范性文件",
         "放管服", "一网通办", "最多跑一次", "营商环境", "数字政府", "法律顾问", "科研诚信"]


def main() -> int:
    root = sys.argv[1]
    texts = [open(p, encoding="utf-8", errors="replace").read()
             for p in sorted(glob.glob(root + "/**/*.txt", recursive=True))]
    quoted = collections.Counter()
    for t in texts:
        for m in re.finditer(r'[“"]([\u4e00-\u9fff]{3,8})[”"]', t):
            quoted[m.group(1)] += 1
    jieba.initialize()
    terms = {w for w, c in quoted.items() if c >= MIN_QUOTED and w not in jieba.dt.FREQ}
    terms |= set(EXTRA)
    counts = {w: sum(t.count(w) for t in texts) for w in terms}
    for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        if c >= MIN_QUOTED or (w in EXTRA and c >= 1):
            print(f"{w} {c} n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
