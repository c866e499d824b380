#!/usr/bin/env bash
# Whole-process search latency (`govsearch search --limit 10`, warm page cache) over a query list.
# Usage: tools/process_latency.sh INDEX_DIR [QUERIES_TSV] [RUNS]
# Needs hyperfine (Debian package). Prints the median, p95 and p90 over all runs of all queries.
# GOVSEARCH_ARGS adds flags to each search, to time a view: GOVSEARCH_ARGS="-l",
# GOVSEARCH_ARGS="--count-by year" (which takes no --limit: use GOVSEARCH_LIMIT=""),
# GOVSEARCH_ARGS="--per-report 1".
set -euo pipefail
index=$1
queries=${2:-../shared/queries/dev.tsv}
runs=${3:-10}
bin=${GOVSEARCH_BIN:-target/release/govsearch}
extra=${GOVSEARCH_ARGS:-}
limit=${GOVSEARCH_LIMIT---limit 10}
out=$(mktemp -d)
i=0
grep -v '^#' "$queries" | grep -v '^[[:space:]]*$' | cut -f2 | while IFS= read -r q; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  hyperfine -N -i -w 2 -r "$runs" --export-json "$out/$i.json" \
    "$bin search --index $index $limit $extra -- $q" >/dev/null 2>&1
done
python3 - "$out" <<'PY'
import json, sys, glob, statistics
times = []
for f in glob.glob(sys.argv[1] + "/*.json"):
    for r in json.load(open(f))["results"]:
        times += r["times"]
times.sort()
print(f"{len(times)} runs: median {statistics.median(times)*1e3:.1f} ms, "
      f"p95 {times[int(len(times)*0.95)]*1e3:.1f} ms, "
      f"p90 {times[int(len(times)*0.9)]*1e3:.1f} ms, max {times[-1]*1e3:.1f} ms")
PY
rm -rf "$out"
