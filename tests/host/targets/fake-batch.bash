# A batch target: one process (fake-batch-vmm, copied beside run_tests.sh)
# runs every image and streams their consoles back between marker lines
#   @@ begin NAME      the console of test NAME follows
#   @@ end NAME STATUS it is complete; STATUS is exited or timeout
# which this target turns into one log per test.
target_summary="fake boot-once-run-many target"
target_keys="test_args"

target_probe() { accel=tcg; }

target_command() {
	test_command=(fake-batch-vmm -smp "${cfg_smp[$1]}" "$test_dir/${cfg_file[$1]}" "${cfg_test_args[$1]}")
}

target_run_batch() {
	local name line stream log="" words=()
	for name; do
		words+=("$name" "$test_dir/${cfg_file[$name]}")
	done
	exec {stream}< <("$srcdir/fake-batch-vmm" "${words[@]}")
	batch_pids+=("$!")
	while IFS= read -r line <&"$stream"; do
		case $line in
		"@@ begin "*)
			name=${line#@@ begin }
			log=$log_dir/$name.log
			target_command "$name"
			quote_test_command
			printf '%s\n' "$test_command_line" >"$log" ;;
		"@@ end "*)
			name=${line#@@ end }
			batch_test_done "${name%% *}" "$([[ $name == *" timeout" ]] && echo 1 || echo 0)" ;;
		*) printf '%s\n' "$line" >>"$log" ;;
		esac
	done
	exec {stream}<&-
	wait "${batch_pids[@]}"
}
