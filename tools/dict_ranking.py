#!/usr/bin/env python3
"""Does the domain dictionary improve ranking? Compares two indexes of the same corpus, one built
with the domain dictionary and one with `--no-domain-dict`.

Usage: tools/dict_ranking.py --bin target/release/govsearch --with IDX1 --without IDX2 [--n 30]
(needs `pip install jieba` to pick the queries)

Queries: the words (2+ characters) that jieba's default dictionary cuts out of the domain
terms (规划 from 一规划两纲要, 工程 from 百千万工程, …), the N that occur most often inside domain
terms. Measure, per query: the share of the top 10 hits in which the query occurs only inside
domain terms (remove every domain term from the section's text and the query is gone). Those hits
match the query only as part of a longer word; a better ranking puts sections where it stands as a
word of its own first, so lower is better. Recall must not change: `--count` is compared too.
"""
import argparse, collections, json, subprocess, sys
from pathlib import Path

import jieba


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--with", dest="with_", required=True)
    ap.add_argument("--without", required=True)
    ap.add_argument("--dict", default=str(Path(__file__).parent.parent / "src/domain_dict.txt"))
    ap.add_argument("--n", type=int, default=30)
    a = ap.parse_args()
    terms = [l.split()[0] for l in open(a.dict, encoding="utf-8") if l.strip()]
    jieba.initialize()
    inside = collections.Counter()
    for t in terms:
        for w in jieba.cut(t, HMM=False):
            if len(w) >= 2 and w != t:
                inside[w] += 1
    queries = [w for w, _ in inside.most_common(a.n)]
    terms_by_len = sorted(terms, key=len, reverse=True)

    def only_inside(q, text):
        for t in terms_by_len:
            if q in t:
                text = text.replace(t, "")
        return q not in text

    def run(idx, q, *extra):
        r = subprocess.run([a.bin, "search", "--index", idx, *extra, "--", q], capture_output=True)
        return r.stdout.decode()

    def section_text(h):
        lines = Path(h["path"]).read_text(encoding="utf-8", errors="replace").splitlines()
        return "".join(lines[h["line_start"] - 1:h["line_end"]])

    tot = {"with": 0, "without": 0}
    hits_total = {"with": 0, "without": 0}
    print(f"{'query':10} {'count':>7} {'with':>6} {'without':>8}")
    for q in queries:
        counts = {k: run(idx, q, "--count").strip() for k, idx in (("with", a.with_), ("without", a.without))}
        if counts["with"] != counts["without"]:
            print(f"recall changed for {q}: {counts}")
            return 1
        row = {}
        for k, idx in (("with", a.with_), ("without", a.without)):
            hits = [json.loads(l) for l in run(idx, q, "--json", "-n", "10", "--no-collapse").splitlines() if l.strip()]
            bad = sum(only_inside(q, section_text(h)) for h in hits)
            row[k] = bad
            tot[k] += bad
            hits_total[k] += len(hits)
        print(f"{q:10} {counts['with']:>7} {row['with']:>6} {row['without']:>8}")
    print(f"top-10 hits matching only inside a domain term: with dictionary {tot['with']}/{hits_total['with']}"
          f" ({tot['with'] / max(1, hits_total['with']):.1%}), without {tot['without']}/{hits_total['without']}"
          f" ({tot['without'] / max(1, hits_total['without']):.1%}); recall unchanged for {len(queries)} queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
