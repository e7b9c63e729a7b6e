#!/usr/bin/env bash
# Measures what run_tests.sh costs on top of QEMU itself: for each test, the
# median wall time of ./run_tests.sh TEST against the bare QEMU command it
# runs (from ./run_tests.sh -n), as a Markdown table; then the wall time of
# the whole suite on each target asked for. The project's target is a ratio
# of at most 1.3. The bare command writes the console to a file, as the
# runner does to its log: QEMU writes the console a byte at a time, which
# costs more into a file than into /dev/null, and that cost is QEMU's.
set -u

root=$(cd "${0%/*}/.." && pwd)
runner=$root/run_tests.sh
repeats=5
suite_targets=(qemu)
# Bare QEMU has no cfg timeout; this only keeps a hung image from hanging the bench.
bare_timeout=300

usage() {
	cat <<EOF
Usage: scripts/bench.sh [-r N] [-T TARGET,...] [TEST...]
Times each TEST (default: every test run_tests.sh would not skip) N times
(default $repeats) bare and through run_tests.sh on the default target, and
prints the medians; then the whole suite's wall time on each TARGET
(default: qemu).
EOF
}

die() {
	printf 'bench.sh: %s\n' "$1" >&2
	exit 2
}

# Prints the median of the millisecond counts given as arguments.
median() {
	local sorted
	mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
	local middle=$((${#sorted[@]} / 2))
	if ((${#sorted[@]} % 2)); then
		printf '%d' "${sorted[middle]}"
	else
		printf '%d' $(((sorted[middle - 1] + sorted[middle]) / 2))
	fi
}

# Prints the wall time in ms of the command in "$@", its output discarded
# (run_bare keeps the console in a file).
time_ms() {
	local start=${EPOCHREALTIME/./}
	"$@" </dev/null >/dev/null 2>&1
	printf '%d' $(((${EPOCHREALTIME/./} - start) / 1000))
}

run_bare() {
	eval "timeout -k 2 $bare_timeout $1" >"$bare_log" 2>&1
}

# Prints one table row for test $1 whose bare QEMU command line is $2.
bench_test() {
	local name=$1 command=$2 bare=() wrapped=() i bare_ms runner_ms ratio
	for ((i = 0; i < repeats; i++)); do
		bare+=("$(time_ms run_bare "$command")")
		wrapped+=("$(time_ms "$runner" "$name")")
	done
	bare_ms=$(median "${bare[@]}")
	runner_ms=$(median "${wrapped[@]}")
	ratio=n/a
	((bare_ms == 0)) || printf -v ratio '%d.%02d' $((runner_ms / bare_ms)) $((runner_ms * 100 / bare_ms % 100))
	printf '| %s | %d | %d | %s |\n' "$name" "$bare_ms" "$runner_ms" "$ratio"
}

main() {
	local names commands i
	while getopts hr:T: option; do
		case $option in
		T) IFS=, read -ra suite_targets <<<"$OPTARG" ;;
		r) [[ $OPTARG =~ ^[1-9][0-9]*$ ]] || die "-r needs a positive integer, got '$OPTARG'"
			repeats=$OPTARG ;;
		h) usage; exit 0 ;;
		*) die "unknown option; scripts/bench.sh -h shows the usage" ;;
		esac
	done
	shift $((OPTIND - 1))
	mapfile -t names < <("$runner" -l "$@")
	((${#names[@]})) || die "run_tests.sh -l selected no test"
	mapfile -t commands < <("$runner" -n "$@")
	((${#commands[@]} == ${#names[@]})) || die "run_tests.sh -n failed; run it to see why"
	# Beside the runner's logs, on the same file system.
	mkdir -p "$root/logs" || die "cannot create $root/logs"
	bare_log=$(mktemp "$root/logs/bench-bare.XXXXXX") || die "cannot write in $root/logs"
	trap 'rm -f "$bare_log"' EXIT
	printf '| test | bare QEMU median (ms) | run_tests.sh median (ms) | ratio |\n'
	printf '|---|---:|---:|---:|\n'
	for i in "${!names[@]}"; do
		# run_tests.sh -n marks tests it would skip with a # comment.
		[[ ${commands[i]} == "#"* ]] || bench_test "${names[i]}" "${commands[i]}"
	done
	print_suite_times
}

# One row per target: the whole suite through run_tests.sh -j $(nproc).
print_suite_times() {
	local target ms
	printf '\n| target | whole suite, ./run_tests.sh -j %d (s) |\n|---|---:|\n' "$(nproc)"
	for target in "${suite_targets[@]}"; do
		ms=$(time_ms "$runner" --target "$target" -j "$(nproc)")
		printf '| %s | %d.%d |\n' "$target" $((ms / 1000)) $((ms % 1000 / 100))
	done
}

main "$@"
