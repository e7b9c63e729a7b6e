#!/usr/bin/env bash
# Summarises the last run of the cfg's tests (logs/TEST.checks) as Markdown:
# results per conduit, then every distinct check ID with its spec reference.
# Usage: scripts/summarize.sh [RUN_TESTS_OPTIONS]   (after ./run_tests.sh)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
logdir=${LOGDIR:-$top/logs}
files=()
while read -r test; do
	if [[ ! -f $logdir/$test.checks ]]; then
		echo "summarize.sh: no $logdir/$test.checks; run ./run_tests.sh first" >&2
		exit 2
	fi
	files+=("$logdir/$test.checks")
done < <("$top/run_tests.sh" -l "$@")

# A test named AREA-CONDUIT-smpN counts under AREA and CONDUIT.
awk -F'\t' '
function key(file,   name, n, parts) {
	name = file
	sub(/.*\//, "", name)
	sub(/\.checks$/, "", name)
	n = split(name, parts, "-")
	return n >= 3 ? parts[n - 1] : "-"
}
{
	k = key(FILENAME)
	conduits[k] = 1
	count[k, $1]++
	total[k]++
	ids[$2] = $3
	runs[k, FILENAME] = 1
}
END {
	print "| conduit | test runs | checks run | pass | fail | xfail | xpass | skip | info |"
	print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for (k in conduits) {
		n = 0
		for (r in runs) { split(r, p, SUBSEP); if (p[1] == k) n++ }
		printf "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", k, n, total[k],
		       count[k, "PASS"], count[k, "FAIL"], count[k, "XFAIL"], count[k, "XPASS"],
		       count[k, "SKIP"], count[k, "INFO"] | "sort"
	}
	close("sort")
	distinct = 0
	for (id in ids) distinct++
	printf "\n%d distinct checks.\n\n| check | reference |\n| --- | --- |\n", distinct
	for (id in ids) printf "| `%s` | %s |\n", id, ids[id] | "sort"
}' "${files[@]}"
