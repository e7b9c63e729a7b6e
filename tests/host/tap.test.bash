# -t output checked with a real TAP parser.

# Five tests covering every verdict: pass, fail, runner skip, expected
# failure, timeout.
write_every_verdict_fixture() {
	write_cfg <<'CFG'
[passes]
file = pass.flat
[fails]
file = fail.flat
[skipped]
file = pass.flat
smp = 4
[xfails]
file = xfail.flat
[hangs]
file = hang.flat
timeout = 1
CFG
	write_passing_image pass.flat
	printf 'FAIL: a.broken [R 1] "quoted" \\ back\nEND: FAIL\n' | write_image fail.flat
	printf 'FAIL: a.known [R 2]\nEND: FAIL\n' | write_image xfail.flat
	printf 'tab\there # not a directive\n@sleep 10\n' | write_image hang.flat
	mkdir "$work/deviations"
	printf 'a.known | "QEMU" does\\not | R 2\n' >"$work/deviations/qemu.txt"
}

test_tap_output_parses_as_tap13() {
	write_every_verdict_fixture
	MAX_SMP=2 run_runner -t -j 2
	expect_status 1
	local parsed
	parsed=$(perl "$root/tests/host/tap-summary.pl" <"$work/out")
	[[ $parsed == "version=13 plan=1..5 passed=1,3,4 failed=2,5 skipped=3 yaml=3 with_log=3 unknown=0 errors=none" ]] ||
		fail "TAP::Parser saw: $parsed"
	[[ $(head -2 "$work/out") == $'TAP version 13\n1..5' ]] || fail "output does not start with version and plan"
	expect_line out "ok 3 - skipped # SKIP needs 4 vCPUs, MAX_SMP=2"
	expect_line out "    - a.broken"
	expect_line out '    a.known: "\"QEMU\" does\\not"'
	expect_line out "# summary: 2 passed, 2 failed, 1 skipped"
}

test_tap_verbose_output_stays_tap() {
	write_every_verdict_fixture
	MAX_SMP=2 run_runner -t -v passes fails
	local parsed
	parsed=$(perl "$root/tests/host/tap-summary.pl" <"$work/out")
	[[ $parsed == "version=13 plan=1..2 passed=1 failed=2 skipped= yaml=1 with_log=1 unknown=0 errors=none" ]] ||
		fail "TAP::Parser saw: $parsed"
}

test_tap_last_lines_with_colons_parse() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	printf 'PASS: a.b [R 1] key: value\n' | write_image t.flat
	run_runner -t
	expect_status 1
	expect_line out '    - "PASS\x3a a.b [R 1] key\x3a value"'
	local parsed
	parsed=$(perl "$root/tests/host/tap-summary.pl" <"$work/out")
	[[ $parsed == "version=13 plan=1..1 passed= failed=1 skipped= yaml=1 with_log=1 unknown=0 errors=none" ]] ||
		fail "TAP::Parser saw: $parsed"
}
