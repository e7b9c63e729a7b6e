# Runs the selected tests, at most $jobs QEMU processes at a time, and
# reports each one in cfg order as soon as it and all before it are done.

declare -A running_tests=() # pid of a test's timeout process -> index in selected
finished=() exit_status=() started_at=() elapsed_us=() skip_reasons=()
next_to_report=0

run_selected_tests() {
	local index
	for index in "${!selected[@]}"; do
		while ((${#running_tests[@]} >= jobs)); do
			reap_one_test
			report_finished_tests
		done
		start_test "$index"
		report_finished_tests
	done
	while ((${#running_tests[@]})); do
		reap_one_test
		report_finished_tests
	done
}

start_test() {
	local index=$1 name=${selected[$1]} log=$log_dir/${selected[$1]}.log
	if runner_skips "$name"; then
		printf 'not run: %s\n' "$skip_reason" >"$log"
		: >"$log_dir/$name.checks"
		skip_reasons[index]=$skip_reason finished[index]=1
		return
	fi
	build_qemu_command "$name"
	quote_qemu_command
	printf '%s\n' "$qemu_command_line" >"$log"
	started_at[index]=${EPOCHREALTIME//[!0-9]/}
	timeout -k 2 "${cfg_timeout[$name]}" "${qemu_command[@]}" </dev/null >>"$log" 2>&1 &
	running_tests[$!]=$index
}

reap_one_test() {
	local pid status index
	wait -n -p pid
	status=$?
	index=${running_tests[$pid]}
	unset "running_tests[$pid]"
	exit_status[index]=$status
	elapsed_us[index]=$((${EPOCHREALTIME//[!0-9]/} - started_at[index]))
	finished[index]=1
}

report_finished_tests() {
	while ((next_to_report < ${#selected[@]})) && [[ -n ${finished[next_to_report]-} ]]; do
		judge_test "$next_to_report"
		report_result "$((next_to_report + 1))" "${selected[next_to_report]}"
		next_to_report=$((next_to_report + 1))
	done
}

# Sets the verdict variables for the test at index $1.
judge_test() {
	local index=$1 name=${selected[$1]} seconds timed_out=0
	if [[ -n ${skip_reasons[index]-} ]]; then
		verdict=SKIP reason=${skip_reasons[index]} counts_text="" tail_text=""
		unexpected_ids=() xfail_ids=()
		return
	fi
	seconds=${cfg_timeout[$name]}
	# timeout(1) answers 124 on expiry; a VMM that exits 124 by itself
	# before the deadline has not timed out.
	((exit_status[index] == 124 && elapsed_us[index] >= seconds * 1000000)) && timed_out=1
	parse_console "$log_dir/$name.log" "$timed_out" "$seconds"
	write_checks "$log_dir/$name.checks"
	decide_verdict "$timed_out" "$seconds"
}

# Stops the QEMU runs still going when the runner itself is interrupted.
stop_running_tests() {
	((${#running_tests[@]} == 0)) || kill -TERM "${!running_tests[@]}" 2>/dev/null
}
