# Console protocol to verdicts, .checks files, parse errors and known
# deviations.

# One test "t" booting image t.flat with the optional extra cfg line $1.
write_single_test_cfg() {
	printf '[t]\nfile = t.flat\n%s\n' "${1-}" | write_cfg
}

test_all_pass_image_passes() {
	write_single_test_cfg
	write_image t.flat <<'IMAGE'
booting
PASS: psci.version.major [DEN0022F.b 5.1.1] 1.1
PASS: psci.version.minor [DEN0022F.b 5.1.1]
INFO: psci.features.count [DEN0022F.b 5.1.14] 9 functions
SKIP: psci.cpu_off.last [DEN0022F.b 5.1.3] single CPU
END: PASS
IMAGE
	run_runner
	expect_status 0
	expect_line out "PASS t (4 checks: 2 pass, 1 skip, 1 info)"
	expect_line out "summary: 1 passed, 0 failed, 0 skipped"
}

test_fail_line_fails_naming_the_check() {
	write_single_test_cfg
	write_image t.flat <<'IMAGE'
PASS: cpu_on.basic.runs [DEN0022F.b 5.1.4]
FAIL: cpu_on.race.one_success [DEN0022F.b 5.6] 2 winners
FAIL: cpu_on.race.one_success [DEN0022F.b 5.6] 2 winners again
FAIL: cpu_on.already_on [DEN0022F.b 5.1.4]
END: FAIL
IMAGE
	run_runner
	expect_status 1
	expect_line out "FAIL t (2 unexpected: cpu_on.race.one_success, cpu_on.already_on; 4 checks: 1 pass, 3 fail)"
	expect_line out "summary: 0 passed, 1 failed, 0 skipped"
}

test_no_end_line_fails_with_last_console_lines() {
	write_single_test_cfg
	write_image t.flat <<'IMAGE'
line 1
line 2
PASS: a.b [R 1]
line 4
line 5
line 6
IMAGE
	run_runner
	expect_status 1
	expect_line out "FAIL t (no END line: image stopped early; 1 check: 1 pass; last lines: line 2 | PASS: a.b [R 1] | line 4 | line 5 | line 6)"
}

test_vmm_exit_status_is_ignored() {
	write_single_test_cfg
	printf 'PASS: a.b [R 1]\nEND: PASS\n@exit 124\n' | write_image t.flat
	run_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

test_end_fail_without_fail_line_fails() {
	write_single_test_cfg
	printf 'PASS: a.b [R 1]\nEND: FAIL\n' | write_image t.flat
	run_runner
	expect_status 1
	expect_line out "FAIL t (END: FAIL without a FAIL check; 1 check: 1 pass)"
}

test_skip_only_image_is_skipped() {
	write_single_test_cfg
	printf 'SKIP: psci.migrate.tos [R 5.1.7] no trusted OS\nEND: SKIP\n' | write_image t.flat
	run_runner
	expect_status 0
	expect_line out "SKIP t (image skipped: psci.migrate.tos (no trusted OS); 1 check: 1 skip)"
	expect_line out "summary: 0 passed, 0 failed, 1 skipped"
}

test_listed_fail_becomes_xfail_and_exits_0() {
	write_single_test_cfg
	mkdir "$work/deviations"
	printf '# known\n\ncpu_on.race.one_success | QEMU serialises CPU_ON | DEN0022F.b 5.6\n' >"$work/deviations/qemu.txt"
	printf 'PASS: a.b [R 1]\nFAIL: cpu_on.race.one_success [R 5.6]\nEND: FAIL\n' | write_image t.flat
	run_runner
	expect_status 0
	expect_line out "PASS t (2 checks: 1 pass, 1 xfail)"
}

test_listed_pass_becomes_xpass_and_exits_1() {
	write_single_test_cfg
	mkdir "$work/deviations"
	printf 'a.b | stale entry | R 1\n' >"$work/deviations/qemu.txt"
	printf 'PASS: a.b [R 1]\nEND: PASS\n' | write_image t.flat
	run_runner
	expect_status 1
	expect_line out "FAIL t (1 unexpected: a.b (xpass); 1 check: 1 xpass)"
}

test_intermittent_deviation_xfails_a_fail_and_leaves_a_pass() {
	write_single_test_cfg
	mkdir "$work/deviations"
	printf 'a.b | intermittent: unlocked race | R 1\n' >"$work/deviations/qemu.txt"
	printf 'FAIL: a.b [R 1]\nEND: FAIL\n' | write_image t.flat
	run_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 xfail)"
	printf 'PASS: a.b [R 1]\nEND: PASS\n' | write_image t.flat
	run_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

test_kvm_deviations_do_not_apply_under_tcg() {
	write_single_test_cfg
	mkdir "$work/deviations"
	printf 'a.b | kvm only | R 1\n' >"$work/deviations/kvm.txt"
	printf 'FAIL: a.b [R 1]\nEND: FAIL\n' | write_image t.flat
	run_runner
	expect_status 1
	expect_line out "FAIL t (1 unexpected: a.b; 1 check: 1 fail)"
}

test_malformed_deviation_line_names_file_and_line() {
	write_single_test_cfg
	write_passing_image t.flat
	mkdir "$work/deviations"
	printf '# header\na.b | reason without reference\n' >"$work/deviations/qemu.txt"
	run_runner
	expect_error "deviations/qemu.txt:2: expected '<check-id> | <reason> | <reference>'"
}

test_deviation_with_a_bad_check_id_names_file_and_line() {
	write_single_test_cfg
	write_passing_image t.flat
	mkdir "$work/deviations"
	printf 'a.b | r | R 1\n\n  # indented comment\ncpu_on..x | r | R 1\n' >"$work/deviations/qemu.txt"
	run_runner
	expect_error "deviations/qemu.txt:4: 'cpu_on..x' is not a check ID like cpu_on.race.one_success"
}

test_deviation_listed_twice_names_file_and_line() {
	write_single_test_cfg
	write_passing_image t.flat
	mkdir "$work/deviations"
	printf 'a.c | r | R 1\na.c | again | R 1' >"$work/deviations/qemu.txt"
	run_runner
	expect_error "deviations/qemu.txt:2: 'a.c' is listed twice; keep one line"
}

test_lines_not_starting_with_a_keyword_are_free_text() {
	write_single_test_cfg
	write_image t.flat <<'IMAGE'
 FAIL: a.b [R 1]
fail: a.b [R 1]
FAILED: a.b [R 1]
ENDED
EXPECTED: reset a.b [R 1]
SUMMARY: pass=0 fail=1 skip=0 info=0
POWER: SYSTEM_OFF
PASS: a.b [R 1]
END: PASS
IMAGE
	run_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

# Each line, starting with a protocol keyword but not a whole protocol line,
# is console line 2 of its own test.
malformed_lines=(
	"FAIL:a.b [R 1]"
	"FAIL: a.b[R 1]"
	"FAIL: ab [R 1]"
	"FAIL: A.b [R 1]"
	"FAIL: a..b [R 1]"
	"FAIL: a.b. [R 1]"
	"FAIL: a.b [] empty ref"
	"FAIL: a.b [R 1"
	"FAIL: a.b R 1"
	"INFO: a.b [R 1]detail"
	"SKIP:"
	"END: FAIL trailing"
	"END: FAILED"
	"END: "
	"EXPECT: shutdown sys.off [R 5.10]"
	"EXPECT: poweroff Sys.off [R 5.10]"
	"EXPECT: reset sys.reset R 5.12"
	"EXPECT:poweroff sys.off [R 5.10]"
	"EXPECT: poweroff"
)

test_malformed_protocol_lines_are_parse_errors() {
	local i
	for i in "${!malformed_lines[@]}"; do
		printf '[t%d]\nfile = t%d.flat\n' "$i" "$i"
		printf 'PASS: a.b [R 1]\n%s\nEND: PASS\n' "${malformed_lines[i]}" | write_image "t$i.flat"
	done | write_cfg
	run_runner -j 2
	expect_status 1
	for i in "${!malformed_lines[@]}"; do
		expect_line out "FAIL t$i (parse error at console line 2: ${malformed_lines[i]}; 1 check: 1 pass)"
	done
}

test_parse_error_names_the_first_bad_line_and_outranks_other_failures() {
	write_single_test_cfg
	write_image t.flat <<'IMAGE'
booting
FAIL: a.fails [R 1] a real failure
PASS: a.b
END: maybe
IMAGE
	run_runner
	expect_status 1
	expect_line out "FAIL t (parse error at console line 3: PASS: a.b; 1 check: 1 fail)"
}

test_parse_error_shows_control_characters_as_question_marks() {
	write_single_test_cfg
	printf 'PASS: a.b\001\033[R 1]\nEND: PASS\n' | write_image t.flat
	run_runner
	expect_line out "FAIL t (parse error at console line 1: PASS: a.b??[R 1]; 0 checks)"
}

test_parse_error_shows_the_first_80_characters_of_a_long_line() {
	write_single_test_cfg
	local long
	printf -v long 'END: %0100d' 0
	printf '%s\nEND: PASS\n' "$long" | write_image t.flat
	run_runner
	expect_line out "FAIL t (parse error at console line 1: ${long:0:80}...; 0 checks)"
}

test_timeout_outranks_a_parse_error() {
	write_single_test_cfg "timeout = 1"
	printf 'END: what\n@sleep 10\n' | write_image t.flat
	run_runner
	expect_status 1
	expect_line out "TIMEOUT t (timed out after 1 s; 0 checks; last lines: END: what)"
}

test_checks_file_holds_one_tsv_line_per_check() {
	write_single_test_cfg
	mkdir "$work/deviations"
	printf 'x.fails | known | R 2\n' >"$work/deviations/qemu.txt"
	printf 'PASS: x.ok [R 1] fine\tdetail\nFAIL: x.fails [R 2]\nINFO: x.note [R 3] n=4\nEND: FAIL\n' |
		write_image t.flat
	run_runner
	expect_status 0
	[[ $(<"$work/logs/t.checks") == $'PASS\tx.ok\tR 1\tfine detail\nXFAIL\tx.fails\tR 2\t\nINFO\tx.note\tR 3\tn=4' ]] ||
		fail "t.checks is: $(<"$work/logs/t.checks")"
}

test_log_holds_command_then_console() {
	write_single_test_cfg
	printf 'hello\nEND: PASS\n' | write_image t.flat
	run_runner
	run_runner -n
	[[ $(<"$work/logs/t.log") == "$(<"$work/out")"$'\nhello\r\nEND: PASS\r' ]] ||
		fail "t.log is: $(<"$work/logs/t.log")"
}

test_timeout_reports_last_console_lines() {
	write_single_test_cfg "timeout = 1"
	printf 'booting\nwaiting for CPU 1\n@sleep 10\nEND: PASS\n' | write_image t.flat
	SECONDS=0
	run_runner
	((SECONDS <= 4)) || fail "a 1 s timeout took $SECONDS s"
	expect_status 1
	expect_line out "TIMEOUT t (timed out after 1 s; 0 checks; last lines: booting | waiting for CPU 1)"
	expect_line out "summary: 0 passed, 1 failed, 0 skipped"
}
