#!/usr/bin/env bash
# Summarises the last run of the cfg's tests on each target as Markdown: results
# per target, then every distinct check ID with its spec reference. A target's
# run is LOGDIR/TARGET/TEST.checks (LOGDIR: logs/ by default, where
# ./run_tests.sh --target TARGET and the matrix write); a target counts when
# every selected test has its .checks file there.
# Usage: scripts/summarize.sh [RUN_TESTS_OPTIONS]   (after ./run_tests.sh)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
logdir=${LOGDIR:-$top/logs}
mapfile -t tests < <("$top/run_tests.sh" -l "$@")
wait $! || exit 2

files=()
for dir in "$logdir"/*/; do
	target=$(basename "$dir")
	[[ -f $top/scripts/targets/$target.bash ]] || continue
	complete=1
	for test in "${tests[@]}"; do
		[[ -f $dir$test.checks ]] || complete=0
	done
	((complete)) || continue
	for test in "${tests[@]}"; do
		files+=("$dir$test.checks")
	done
done
if ((${#files[@]} == 0)); then
	echo "summarize.sh: no target has a .checks file for every selected test in $logdir/TARGET/; run ./run_tests.sh first" >&2
	exit 2
fi

# LOGDIR/TARGET/TEST.checks counts under TARGET.
awk -F'\t' '
function target_of(file,   parts, n) {
	n = split(file, parts, "/")
	return parts[n - 1]
}
# Empty .checks files (tests the runner skipped) are runs too, with no lines.
BEGIN {
	for (i = 1; i < ARGC; i++) {
		k = target_of(ARGV[i])
		targets[k] = 1
		runs[k]++
	}
}
{
	k = target_of(FILENAME)
	count[k, $1]++
	total[k]++
	ids[$2] = $3
}
END {
	print "| target | test runs | checks run | pass | fail | xfail | xpass | skip | info |"
	print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for (k in targets)
		printf "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", k, runs[k], total[k],
		       count[k, "PASS"], count[k, "FAIL"], count[k, "XFAIL"], count[k, "XPASS"],
		       count[k, "SKIP"], count[k, "INFO"] | "sort"
	close("sort")
	distinct = 0
	for (id in ids) distinct++
	printf "\n%d distinct checks.\n\n| check | reference |\n| --- | --- |\n", distinct
	for (id in ids) printf "| `%s` | %s |\n", id, ids[id] | "sort"
}' "${files[@]}"
