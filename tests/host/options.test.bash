# Command line: test selection, listing, dry run, parallel order, verbose,
# usage errors and exit codes.

# Tests a (group fast), b (groups fast slow), c (group slow), all passing.
write_three_test_cfg() {
	write_cfg <<'CFG'
[a]
file = pass.flat
groups = fast
[b]
file = pass.flat
groups = fast slow
[c]
file = pass.flat
groups = slow
CFG
	write_passing_image pass.flat
}

test_no_argument_runs_every_test() {
	write_three_test_cfg
	run_runner
	expect_status 0
	[[ $(<"$work/out") == $'PASS a (1 check: 1 pass)\nPASS b (1 check: 1 pass)\nPASS c (1 check: 1 pass)\nsummary: 3 passed, 0 failed, 0 skipped' ]] ||
		fail "output is: $(<"$work/out")"
}

test_named_tests_run_in_cfg_order() {
	write_three_test_cfg
	run_runner c a
	expect_status 0
	[[ $(grep -c '^PASS' "$work/out") == 2 ]] || fail "not 2 tests run"
	[[ $(head -1 "$work/out") == "PASS a (1 check: 1 pass)" ]] || fail "a is not first"
}

test_unknown_test_name_exits_2_with_one_line() {
	write_three_test_cfg
	run_runner a foo
	expect_error "run_tests.sh: unknown test 'foo'; ./run_tests.sh -l lists the tests"
}

test_unknown_option_exits_2_with_one_line() {
	write_three_test_cfg
	run_runner -x
	expect_error "run_tests.sh: unknown option '-x'"
}

test_option_without_value_exits_2() {
	write_three_test_cfg
	run_runner -j
	expect_error "-j needs a value"
}

test_bad_job_count_exits_2() {
	write_three_test_cfg
	run_runner -j 0
	expect_error "-j needs a positive integer, got '0'"
}

test_help_exits_0() {
	run_script "$root/run_tests.sh" -h
	expect_status 0
	expect_text out "Usage: ./run_tests.sh [options] [TEST...]"
}

test_group_option_selects_group_members() {
	write_three_test_cfg
	run_runner -l -g slow
	[[ $(<"$work/out") == $'b\nc' ]] || fail "-g slow listed: $(<"$work/out")"
	run_runner -l -g fast -g slow
	[[ $(<"$work/out") == $'a\nb\nc' ]] || fail "-g fast -g slow listed: $(<"$work/out")"
	run_runner -l -gslow,fast b
	[[ $(<"$work/out") == b ]] || fail "-gslow,fast b listed: $(<"$work/out")"
}

test_unknown_group_exits_2() {
	write_three_test_cfg
	run_runner -g nosuch
	expect_error "no test is in group 'nosuch'"
}

test_list_prints_names_and_runs_nothing() {
	write_three_test_cfg
	QEMU=/nonexistent run_runner -l a c
	expect_status 0
	[[ $(<"$work/out") == $'a\nc' ]] || fail "-l printed: $(<"$work/out")"
	[[ ! -e $work/logs ]] || fail "-l wrote logs"
}

test_parallel_run_keeps_cfg_order() {
	write_cfg <<'CFG'
[slow]
file = slow.flat
[fast]
file = pass.flat
CFG
	printf '@sleep 0.5\nPASS: s.s [R 1]\nEND: PASS\n' | write_image slow.flat
	write_passing_image pass.flat
	run_runner -j 2
	expect_status 0
	[[ $(<"$work/out") == $'PASS slow (1 check: 1 pass)\nPASS fast (1 check: 1 pass)\nsummary: 2 passed, 0 failed, 0 skipped' ]] ||
		fail "output is: $(<"$work/out")"
}

test_dry_run_prints_shell_quoted_command() {
	write_cfg <<'CFG'
[t]
file = t.flat
smp = 3
test_args = psci.only=cpu_on verbose
extra_params = -device "virtio rng" -global 'a=b c'
CFG
	run_runner -n
	expect_status 0
	[[ $(wc -l <"$work/out") == 1 ]] || fail "not one line"
	local -a words
	eval "words=($(<"$work/out"))"
	local expected=("$fake_qemu" -nodefaults -machine virt -accel tcg -cpu max -m 256 -smp 3
		-display none -serial stdio -no-reboot -kernel "$work/t.flat"
		-append "psci.only=cpu_on verbose" -device "virtio rng" -global "a=b c")
	[[ ${words[*]@Q} == "${expected[*]@Q}" ]] || fail "command words: ${words[*]@Q}"
}

test_dry_run_adds_gicv3_above_8_vcpus() {
	printf '[t]\nfile = t.flat\nsmp = 9\n' | write_cfg
	run_runner -n
	expect_text out " -machine gic-version=3 "
}

test_extra_params_reach_qemu_as_shell_words() {
	write_cfg <<'CFG'
[t]
file = t.flat
extra_params = -name "a b" $HOME
CFG
	printf '@argv\nEND: PASS\n' | write_image t.flat
	run_runner
	expect_status 0
	expect_line "logs/t.log" $'argv: a b\r'
	expect_line "logs/t.log" $'argv: $HOME\r'
}

test_verbose_prints_command_and_console_after_result() {
	write_three_test_cfg
	run_runner -v a b
	expect_status 0
	[[ $(sed -n 2p "$work/out") == "$fake_qemu -nodefaults"* ]] || fail "line 2 is not the command"
	expect_line out "PASS: demo.ok [DEN0022F.b 5.1] fine"
	[[ $(grep -c '^END: PASS$' "$work/out") == 2 ]] || fail "not both consoles printed"
}

test_terminated_run_stops_its_qemu_processes() {
	printf '[a]\nfile = hang.flat\n[b]\nfile = hang.flat\n' | write_cfg
	printf 'booting\n@sleep 20\n' | write_image hang.flat
	TESTDIR=$work LOGDIR=$work/logs QEMU=$fake_qemu ACCEL=tcg expect_term_stops_all "$work/hang.flat" \
		timeout 20 "$root/run_tests.sh" --cfg "$work/cfg" -j 2
}
