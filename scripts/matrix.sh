#!/usr/bin/env bash
# The conformance matrix: runs the suite on every target usable here, each
# judged against its own known deviations, then writes checks x targets as
# LOGDIR/matrix.md and LOGDIR/matrix.html (LOGDIR defaults to logs/). Each
# target's logs go to LOGDIR/TARGET/, its runner output to
# LOGDIR/TARGET/runner.out. Exits 1 if any target's run failed.
# Usage: scripts/matrix.sh [-g GROUP] [-j N] [--cfg FILE] [TEST...]
#        (./run_tests.sh --matrix and make matrix run it)
set -u

root=$(cd "${0%/*}/.." && pwd)
runner=$root/run_tests.sh
logdir=${LOGDIR:-$root/logs}
# The matrix names each target itself.
unset TARGET

die() {
	printf 'matrix.sh: %s\n' "$1" >&2
	exit 2
}

# Runs target $1 with the run's arguments (after $1) and records the outcome
# as a line of targets.tsv: name, state (ran, failed, error), note.
run_target() {
	local name=$1 dir=$logdir/$1 status note state
	shift
	mkdir -p "$dir" || die "cannot create '$dir'"
	LOGDIR=$dir "$runner" --target "$name" "$@" >"$dir/runner.out" 2>&1
	status=$?
	note=$(tail -n 1 "$dir/runner.out")
	case $status in
	0) state=ran ;;
	1) state=failed ;;
	*) state=error ;;
	esac
	printf 'matrix: %s: %s\n' "$name" "$note"
	printf '%s\t%s\t%s\n' "$name" "$state" "${note//$'\t'/ }" >>"$targets_file"
	[[ $state == ran ]]
}

# Prints one line per check of the targets that ran: id, ref, target, test,
# status, detail, sorted by check ID (target and cfg order kept within one).
check_rows() {
	local name state note test files
	while IFS=$'\t' read -r name state note; do
		[[ $state == ran || $state == failed ]] || continue
		files=()
		for test in "${tests[@]}"; do
			[[ -f $logdir/$name/$test.checks ]] && files+=("$logdir/$name/$test.checks")
		done
		((${#files[@]})) || continue
		awk -F '\t' -v target="$name" '{
			test = FILENAME
			sub(/.*\//, "", test)
			sub(/\.checks$/, "", test)
			print $2 FS $3 FS target FS test FS $1 FS $4
		}' "${files[@]}"
	done <"$targets_file" | LC_ALL=C sort -s -t $'\t' -k 1,1
}

main() {
	local line name rest all_ran=1 columns=() list=() generated format
	mkdir -p "$logdir" || die "cannot create '$logdir'"
	# Lists the tests first: a bad option, test or group stops here, once.
	mapfile -t tests < <("$runner" -l "$@")
	wait $! || exit 2
	mapfile -t list < <("$runner" --target list)
	targets_file=$logdir/matrix-targets.tsv
	: >"$targets_file"
	for line in "${list[@]}"; do
		read -r name rest <<<"$line"
		if [[ $rest == "usable "* ]]; then
			columns+=("$name")
			run_target "$name" "$@" </dev/null || all_ran=0
		else
			rest=${rest#not usable}
			rest=${rest#"${rest%%[! ]*}"}
			printf 'matrix: %s: not usable: %s\n' "$name" "$rest"
			printf '%s\tunusable\t%s\n' "$name" "$rest" >>"$targets_file"
		fi
	done
	generated=$(date -u '+%Y-%m-%d %H:%M UTC')
	check_rows >"$logdir/matrix-checks.tsv"
	for format in md html; do
		awk -v columns="${columns[*]}" -v generated="$generated" \
			-f "$root/scripts/matrix-cells.awk" -f "$root/scripts/matrix-$format.awk" \
			"$targets_file" "$logdir/matrix-checks.tsv" >"$logdir/matrix.$format" ||
			die "writing $logdir/matrix.$format failed"
		printf 'matrix: wrote %s\n' "$logdir/matrix.$format"
	done
	((all_ran))
}

main "$@"
