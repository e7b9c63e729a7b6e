# The runtime's guard rails on the real selftest image under QEMU TCG: a
# crash, a hang, a wrong configuration and malformed protocol lines each end
# in the right verdict.

# Runs run_tests.sh on the cfg in $work with the real QEMU and images.
run_guest() {
	QEMU=$(sed -n 's/^QEMU=//p' "$root/config.mak") TESTDIR=$root/arm LOGDIR=$work/logs \
		run_script "$root/run_tests.sh" --cfg "$work/cfg" "$@"
}

test_unexpected_exception_fails_the_running_check_with_a_dump() {
	write_cfg <<'CFG'
[crash]
file = selftest.flat
test_args = crash=exception
timeout = 10
CFG
	run_guest
	expect_status 1
	expect_text out "FAIL crash"
	expect_no_text out "TIMEOUT"
	grep -q '^FAIL: selftest.crash.on_purpose \[runtime\] unexpected exception .*EC 0x25 (data abort, same EL), ESR 0x.*FAR 0x10000000000' "$work/logs/crash.log" ||
		fail "log lacks the FAIL line naming the running check with EC, ESR and FAR"
	grep -q '^ *x30 [0-9a-f]\{16\}  sp ' "$work/logs/crash.log" || fail "log lacks the register dump"
	grep -q '^END: FAIL' "$work/logs/crash.log" || fail "log lacks END: FAIL"
}

test_hang_is_a_timeout_with_the_last_lines() {
	write_cfg <<'CFG'
[hang]
file = selftest.flat
test_args = crash=hang
timeout = 2
CFG
	SECONDS=0
	run_guest
	expect_status 1
	expect_text out "TIMEOUT hang"
	expect_text out "selftest: EL1"
	((SECONDS < 8)) || fail "the 2 s timeout took ${SECONDS} s"
}

test_wrong_cpu_count_fails_the_dt_check() {
	write_cfg <<'CFG'
[cpus]
file = selftest.flat
smp = 2
test_args = cpus=3
CFG
	run_guest
	expect_status 1
	expect_text out "selftest.dt.cpus"
}

test_malformed_protocol_lines_fail_naming_the_first() {
	write_cfg <<'CFG'
[garbage]
file = selftest.flat
test_args = crash=garbage
CFG
	run_guest
	expect_status 1
	grep -aq '^END: PASS' "$work/logs/garbage.log" || fail "the image did not end with END: PASS"
	local log_line
	log_line=$(grep -an -m1 '^PASS: selftest.garbage.unclosed' "$work/logs/garbage.log") ||
		fail "log lacks the unclosed PASS line"
	# Console lines are counted without the log's first line, the command.
	expect_text out "FAIL garbage (parse error at console line $((${log_line%%:*} - 1)): PASS: selftest.garbage.unclosed [runtime; 1 check: 1 pass)"
}
