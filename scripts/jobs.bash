# Runs the selected tests and reports each one in cfg order as soon as it and
# all before it are done. A per-test target runs one process per test, at
# most $jobs at a time. A batch target runs them all in its target_run_batch,
# which must, for each test NAME it was given:
#   - write $log_dir/NAME.log: a first line saying how the image ran (not
#     parsed), then the image's console;
#   - call batch_test_done NAME TIMED_OUT (1 if the test's cfg timeout fired,
#     else 0) once that log is complete, so results print while it runs;
#   - bound each image by its cfg timeout itself;
#   - start its processes in the background, add their PIDs to batch_pids and
#     wait on them only with builtins (wait, read from their output), never
#     with a command in the foreground, so an interrupted run stops them;
#   - return 2 when the batch could not be set up, having said why in one
#     line on stderr: the run then stops with exit 2 and reports no test.
# A test the batch never reported fails: judged from its log as it stands,
# or, without a log, as not run.

declare -A running_tests=() # pid of a test's timeout process -> index in selected
declare -A selected_index=() # test name -> index in selected
finished=() timed_out=() started_at=() skip_reasons=() lost=() batch_pids=() batch_status=0
next_to_report=0

run_selected_tests() {
	if declare -F target_run_batch >/dev/null; then
		run_batch
	else
		run_each_test
	fi
}

run_each_test() {
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

# Sets the skip reason of test $1 (an index) and succeeds if it is skipped.
skip_if_runner_skips() {
	local index=$1 name=${selected[$1]}
	runner_skips "$name" || return 1
	printf 'not run: %s\n' "$skip_reason" >"$log_dir/$name.log"
	skip_reasons[index]=$skip_reason finished[index]=1
}

start_test() {
	local index=$1 name=${selected[$1]} log=$log_dir/${selected[$1]}.log
	skip_if_runner_skips "$index" && return
	target_command "$name"
	quote_test_command
	printf '%s\n' "$test_command_line" >"$log"
	started_at[index]=${EPOCHREALTIME//[!0-9]/}
	timeout -k 2 "${cfg_timeout[$name]}" "${test_command[@]}" </dev/null >>"$log" 2>&1 &
	running_tests[$!]=$index
}

reap_one_test() {
	local pid status index elapsed_us
	wait -n -p pid
	status=$?
	index=${running_tests[$pid]}
	unset "running_tests[$pid]"
	elapsed_us=$((${EPOCHREALTIME//[!0-9]/} - started_at[index]))
	# timeout(1) answers 124 on expiry; a VMM that exits 124 by itself
	# before the deadline has not timed out.
	timed_out[index]=0
	((status == 124 && elapsed_us >= cfg_timeout[${selected[index]}] * 1000000)) && timed_out[index]=1
	finished[index]=1
}

run_batch() {
	local index name batch=()
	for index in "${!selected[@]}"; do
		selected_index[${selected[index]}]=$index
		skip_if_runner_skips "$index" || batch+=("${selected[index]}")
	done
	report_finished_tests
	((${#batch[@]} == 0)) || target_run_batch "${batch[@]}" || batch_status=$?
	batch_pids=()
	stop_if_batch_set_up_failed "${batch[@]}"
	for name in "${batch[@]}"; do
		index=${selected_index[$name]}
		[[ -n ${finished[index]-} ]] && continue
		if [[ ! -f $log_dir/$name.log ]]; then
			printf 'not run: the batch ended before this test\n' >"$log_dir/$name.log"
			lost[index]=1
		fi
		timed_out[index]=0 finished[index]=1
	done
	report_finished_tests
}

# A batch that exits 2 having finished none of tests $@ could not be set up:
# it said why in one line on stderr, and none of them is a FAIL of the
# implementation.
stop_if_batch_set_up_failed() {
	local name
	((batch_status == 2)) || return 0
	for name; do
		[[ -z ${finished[${selected_index[$name]}]-} ]] || return 0
	done
	exit 2
}

# The batch target's report that test $1's log is complete; $2 is 1 if its
# timeout fired.
batch_test_done() {
	local index=${selected_index[$1]}
	timed_out[index]=$2 finished[index]=1
	report_finished_tests
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
	local index=$1 name=${selected[$1]}
	if [[ -n ${skip_reasons[index]-} || -n ${lost[index]-} ]]; then
		verdict=SKIP reason=${skip_reasons[index]-} counts_text="" tail_text=""
		[[ -z ${lost[index]-} ]] || verdict=FAIL reason="the batch ended before this test ran" counts_text="0 checks"
		: >"$log_dir/$name.checks"
		unexpected_ids=() xfail_ids=()
		return
	fi
	judge_console "$log_dir/$name.log" "$log_dir/$name.checks" "${timed_out[index]}" "${cfg_timeout[$name]}"
}

# Stops the processes still running when the runner itself is interrupted.
stop_running_tests() {
	local pids=("${!running_tests[@]}" "${batch_pids[@]}")
	((${#pids[@]} == 0)) || kill -TERM "${pids[@]}" 2>/dev/null
}
