#!/usr/bin/env python3
"""Every location `govsearch search` prints holds its match.

For each query of a query file (recall_check.py's format: `category<TAB>query`), runs
`search --all --json` over an index of the corpus and checks, for every hit, that source line
`line` of `path` holds a match of one of the query's terms starting at character `column`
(after folding full-width/half-width forms and case, and traditional to simplified characters
when the `opencc` Python package is installed). Text files only (.txt/.md), read as UTF-8.

Usage:
  location_check.py --bin target/release/govsearch --corpus DIR --queries FILE [--index DIR]
Exit status 0 only when every hit's location holds its match.
"""
import argparse, json, subprocess, sys, tempfile, unicodedata

try:
    import opencc
    _t2s = opencc.OpenCC('t2s').convert
except Exception:
    _t2s = None


def fold(s):
    s = unicodedata.normalize('NFKC', s).casefold()
    return _t2s(s) if _t2s else s


def source_lines(path, cache={}):
    if path not in cache:
        text = open(path, 'rb').read().decode('utf-8', 'replace').lstrip('\ufeff')
        cache[path] = text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    return cache[path]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--corpus', required=True)
    ap.add_argument('--queries', required=True)
    ap.add_argument('--index')
    a = ap.parse_args()
    index = a.index or tempfile.mkdtemp(prefix='govsearch-loc-')
    subprocess.run([a.bin, 'index', a.corpus, '--index', index], check=True,
                   stderr=subprocess.DEVNULL)
    bad = total = 0
    for line in open(a.queries, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        category, _, query = line.rpartition('\t')
        if category == 'norm' and _t2s is None:
            continue
        terms = [fold(t) for t in query.split()]
        out = subprocess.run([a.bin, 'search', '--index', index, '--all', '--json', '--', query],
                             capture_output=True, text=True)
        for hit_line in out.stdout.splitlines():
            hit = json.loads(hit_line)
            if not hit['path'].endswith(('.txt', '.md')):
                continue
            total += 1
            src = source_lines(hit['path'])[hit['line'] - 1]
            tail = fold(src[hit['column'] - 1:])
            if not any(tail.startswith(t) for t in terms):
                bad += 1
                if bad <= 10:
                    print(f"{query}: {hit['path']}:{hit['line']}:{hit['column']} is {src[:80]!r}")
    print(f"locations: {total - bad} of {total} hits hold their match")
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
