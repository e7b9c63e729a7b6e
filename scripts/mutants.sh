#!/usr/bin/env bash
# Shows that the suite catches each fault planted in the reference monitor
# (monitor/faults.h): for every fault, the monitor boots with fault=NAME at
# the PSCI version and with the optional functions the fault's rule needs,
# and ./run_tests.sh --target monitor runs the cfg tests the monitor's own
# table names for it (logs in logs/mutants/NAME/). A fault is caught when
# one of the checks the table expects to catch it has status FAIL in the
# tests' .checks files; a test that timed out or stopped early catches
# nothing by itself. The same tests first run without a fault (a baseline,
# logs in logs/mutants/baseline-*), where every one must PASS, or no score
# means anything. Prints the table (also written to logs/mutants.md), then
# "mutation score: N/M (P%)" and "mutants: N passed, M failed", where a
# missed fault or a baseline that did not pass counts as failed; exits 1
# unless every fault is caught and every baseline passes.
set -u
shopt -s extglob

root=$(cd "${0%/*}/.." && pwd)
lister=$root/build/host/monitor-faults
log_root=$root/logs/mutants
report=$root/logs/mutants.md
jobs=$(nproc)
# How many failing checks the table names per fault.
shown_failures=3

usage() {
	cat <<EOF
Usage: scripts/mutants.sh [-j N] [-l] [FAULT...]
Runs the suite's tests against each fault planted in the reference monitor
(every fault, or the ones named) and prints which the suite catches.
  -j N  faults run at once (default: $jobs, the number of CPUs)
  -l    list the faults with their version, optional functions, tests and
        expected checks, and exit
EOF
}

die() {
	printf 'mutants.sh: %s\n' "$1" >&2
	exit 2
}

# The fault table, as the monitor has it: one fault a line, fields separated by tabs.
declare -a fault_names=() fault_psci=() fault_optional=() fault_tests=() fault_checks=() fault_rule=()
load_faults() {
	local name psci optional tests checks rule
	make -s -C "$root" all build/host/monitor-faults >/dev/null || die "the build failed: make all build/host/monitor-faults"
	while IFS=$'\t' read -r name psci optional tests checks rule; do
		fault_names+=("$name") fault_psci+=("$psci") fault_optional+=("$optional") fault_tests+=("$tests")
		fault_checks+=("$checks") fault_rule+=("$rule")
	done < <("$lister") || die "$lister failed"
	((${#fault_names[@]})) || die "$lister listed no fault"
}

list_faults() {
	local i
	for i in "${!fault_names[@]}"; do
		printf '%s\tPSCI %s, optional %s\ttests: %s\tchecks: %s\n' "${fault_names[i]}" "${fault_psci[i]}" \
			"${fault_optional[i]}" "${fault_tests[i]}" "${fault_checks[i]}"
	done
}

# Sets selected to the indexes of the faults named in "$@", all when none is.
select_faults() {
	local name i found
	selected=()
	if (($# == 0)); then
		selected=("${!fault_names[@]}")
		return
	fi
	for name in "$@"; do
		found=""
		for i in "${!fault_names[@]}"; do
			[[ ${fault_names[i]} == "$name" ]] && found=$i
		done
		[[ -n $found ]] || die "no fault '$name' (scripts/mutants.sh -l lists them)"
		selected+=("$found")
	done
}

# Runs tests $5... on the monitor with fault $1 at PSCI $2, optional $3, with
# logs in directory $4, where run.txt keeps run_tests.sh's own output.
run_monitor() {
	local fault=$1 psci=$2 optional=$3 dir=$4
	shift 4
	rm -rf "$dir"
	mkdir -p "$dir"
	MONITOR_FAULT=$fault MONITOR_PSCI=$psci MONITOR_OPTIONAL=$optional LOGDIR=$dir \
		"$root/run_tests.sh" --target monitor -j 1 "$@" >"$dir/run.txt" 2>&1 </dev/null
}

# One baseline per version and optional set the selected faults use: the
# union of their tests, without a fault.
declare -A baseline_tests=()
plan_baselines() {
	local i key test
	for i in "${selected[@]}"; do
		key=${fault_psci[i]}/${fault_optional[i]}
		for test in ${fault_tests[i]}; do
			[[ " ${baseline_tests[$key]-} " == *" $test "* ]] || baseline_tests[$key]+=" $test"
		done
	done
}

baseline_dir() {
	local key=$1
	printf '%s/baseline-psci%s-optional-%s' "$log_root" "${key%%/*}" "${key#*/}"
}

# Runs every baseline and fault, $jobs at a time.
run_all() {
	local key i running=0
	for key in "${!baseline_tests[@]}"; do
		# shellcheck disable=SC2086
		run_monitor none "${key%%/*}" "${key#*/}" "$(baseline_dir "$key")" ${baseline_tests[$key]} &
		((++running < jobs)) || { wait -n; running=$((running - 1)); }
	done
	for i in "${selected[@]}"; do
		# shellcheck disable=SC2086
		run_monitor "${fault_names[i]}" "${fault_psci[i]}" "${fault_optional[i]}" \
			"$log_root/${fault_names[i]}" ${fault_tests[i]} &
		((++running < jobs)) || { wait -n; running=$((running - 1)); }
	done
	wait
}

# Sets baseline_text to one line per baseline, and baseline_failures. A
# baseline passes when run_tests.sh printed a PASS line for each of its tests.
judge_baselines() {
	local key dir tests passed bad what
	baseline_text="" baseline_failures=0
	for key in $(printf '%s\n' "${!baseline_tests[@]}" | sort); do
		dir=$(baseline_dir "$key")
		read -ra tests <<<"${baseline_tests[$key]}"
		passed=$(grep -c '^PASS ' "$dir/run.txt" 2>/dev/null)
		bad=$(grep -E '^(FAIL|SKIP|TIMEOUT) ' "$dir/run.txt" 2>/dev/null | cut -d' ' -f1,2 | paste -sd, -)
		what="Baseline (fault none), PSCI ${key%%/*}, optional ${key#*/}"
		if [[ -z $bad && ${passed:-0} -eq ${#tests[@]} ]]; then
			baseline_text+="$what: ${#tests[@]} test(s) (${baseline_tests[$key]# }), all PASS."$'\n'
		else
			baseline_failures=$((baseline_failures + 1))
			baseline_text+="$what: NOT all PASS (${bad:-see $dir/run.txt}): the score below means nothing."$'\n'
		fi
	done
}

# Prints the IDs of the FAIL checks in fault $2's tests (logs of fault $1),
# each once, in the order they failed.
failing_checks() {
	local dir=$log_root/$1 test
	for test in ${fault_tests[$2]}; do
		[[ -f $dir/$test.checks ]] && awk -F'\t' '$1 == "FAIL" && !seen[$2]++ { print $2 }' "$dir/$test.checks"
	done | awk '!seen[$0]++'
}

# The spec reference of the rule fault $1 (an index) breaks: what the first
# of its expected checks that FAILed under it cites (from lib/spec), else the
# first the baseline reported.
rule_ref() {
	local i=$1
	{
		expected_check_refs "$log_root/${fault_names[i]}" "$i" FAIL
		expected_check_refs "$(baseline_dir "${fault_psci[i]}/${fault_optional[i]}")" "$i" ""
	} | head -n 1
}

# Prints the references of fault $2's expected checks in logs directory $1,
# of status $3 only unless it is empty.
expected_check_refs() {
	local test
	for test in ${fault_tests[$2]}; do
		[[ -f $1/$test.checks ]] &&
			awk -F'\t' -v ids=" ${fault_checks[$2]} " -v status="$3" \
				'index(ids, " " $2 " ") && (status == "" || $1 == status) { print $3 }' "$1/$test.checks"
	done
}

# Sets row to fault $1's table row and caught to 1 if an expected check
# failed. The failing checks shown start with the expected ones.
judge_fault() {
	local i=$1 name=${fault_names[$1]} failing=() expected=() others=() id verdicts seen
	mapfile -t failing < <(failing_checks "$name" "$i")
	for id in "${failing[@]}"; do
		if [[ " ${fault_checks[i]} " == *" $id "* ]]; then
			expected+=("$id")
		else
			others+=("$id")
		fi
	done
	caught=$((${#expected[@]} > 0))
	failing=("${expected[@]}" "${others[@]}")
	if ((${#failing[@]})); then
		seen=$(printf '%s, ' "${failing[@]:0:shown_failures}")
		seen=${seen%, }
		((${#failing[@]} <= shown_failures)) || seen+=", +$((${#failing[@]} - shown_failures)) more"
	else
		verdicts=$(grep -E '^(PASS|FAIL|SKIP|TIMEOUT) ' "$log_root/$name/run.txt" |
			sed -E 's/^([A-Z]+ [^ ]+) \(([^;)]*).*/\1: \2/' | paste -sd, -)
		seen="none (${verdicts:-no test ran})"
	fi
	row="| $name | ${fault_rule[i]} ($(rule_ref "$i")) | ${fault_checks[i]// /, } | $seen | $( ((caught)) && echo caught || echo MISSED) |"
}

write_report() {
	local i rows=() caught_count=0 total=${#selected[@]} percent
	for i in "${selected[@]}"; do
		judge_fault "$i"
		rows+=("$row")
		caught_count=$((caught_count + caught))
	done
	percent=$((caught_count * 100 / total))
	{
		printf '# Planted faults in the reference monitor\n\n%s\n' "$baseline_text"
		printf '| fault | rule (ref) | expected check(s) | failing checks seen | result |\n'
		printf '|---|---|---|---|---|\n'
		printf '%s\n' "${rows[@]}"
		printf '\nmutation score: %d/%d (%d%%)\n' "$caught_count" "$total" "$percent"
	} | tee "$report"
	printf 'time: %d s\n' "$SECONDS"
	printf 'mutants: %d passed, %d failed\n' "$caught_count" $((total - caught_count + baseline_failures))
	((caught_count == total && baseline_failures == 0))
}

main() {
	local list=0 opt
	while getopts "j:lh" opt; do
		case $opt in
		j) [[ $OPTARG == +([0-9]) && $OPTARG -ge 1 ]] || die "-j wants a positive number, got '$OPTARG'"; jobs=$OPTARG ;;
		l) list=1 ;;
		h) usage; exit 0 ;;
		*) usage >&2; exit 2 ;;
		esac
	done
	shift $((OPTIND - 1))
	load_faults
	if ((list)); then
		list_faults
		exit 0
	fi
	select_faults "$@"
	plan_baselines
	mkdir -p "$log_root"
	run_all
	judge_baselines
	write_report
}

main "$@"
