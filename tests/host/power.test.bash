# Power events an image announces with EXPECT lines: the runner judges a
# power-off, the next boot's result line a reset, the image's own result line
# a call that had to return, and the POWER line of a
# platform that reports what it performed; the reboot cfg key.

# One test "t" booting image t.flat with the optional extra cfg lines $1.
write_power_test_cfg() {
	printf '[t]\nfile = t.flat\n%s\n' "${1-}" | write_cfg
}

# t.checks has a line with status $1 and check ID $2 whose detail holds $3.
expect_check() {
	local line
	while IFS= read -r line; do
		[[ $line == "$1"$'\t'"$2"$'\t'* && ${line##*$'\t'} == *"$3"* ]] && return 0
	done <"$work/logs/t.checks"
	fail "t.checks has no $1 $2 line with: $3; it holds: $(<"$work/logs/t.checks")"
}

test_poweroff_after_end_passes() {
	write_power_test_cfg
	write_image t.flat <<'IMAGE'
PASS: a.b [R 1]
SUMMARY: pass=1 fail=0 skip=0 info=0
END: PASS
EXPECT: poweroff sys.off [R 5.10] SYSTEM_OFF from CPU 1

IMAGE
	run_runner
	expect_status 0
	expect_line out "PASS t (2 checks: 2 pass)"
	expect_check PASS sys.off "SYSTEM_OFF from CPU 1: nothing after the call, and the VMM exited by itself"
}

test_poweroff_with_output_after_fails() {
	write_power_test_cfg
	write_image t.flat <<'IMAGE'
END: SKIP
EXPECT: poweroff sys.off [R 5.10] SYSTEM_OFF from CPU 0

SYSTEM_OFF returned -1
FAIL: sys.off [R 5.10] returned
END: FAIL
IMAGE
	run_runner
	expect_status 1
	expect_line out "FAIL t (1 unexpected: sys.off; 2 checks: 2 fail)"
	expect_check FAIL sys.off "output after the call: SYSTEM_OFF returned -1 | FAIL: sys.off [R 5.10] returned | END: FAIL"
}

test_poweroff_without_vmm_exit_fails() {
	write_power_test_cfg "timeout = 1"
	printf 'END: PASS\nEXPECT: poweroff sys.off [R 5.10] off\n@sleep 10\n' | write_image t.flat
	run_runner
	expect_status 1
	expect_line out "TIMEOUT t (timed out after 1 s; 1 check: 1 fail; last lines: END: PASS | EXPECT: poweroff sys.off [R 5.10] off)"
	expect_check FAIL sys.off "off: the VMM did not exit within 1 s"
}

test_poweroff_check_follows_deviations() {
	write_power_test_cfg
	mkdir "$work/deviations"
	printf 'sys.off | resets instead | R 5.10\n' >"$work/deviations/qemu.txt"
	printf 'PASS: a.b [R 1]\nEND: PASS\nEXPECT: poweroff sys.off [R 5.10] off\nbooting again\n' | write_image t.flat
	run_runner
	expect_status 0
	expect_line out "PASS t (2 checks: 1 pass, 1 xfail)"
	expect_check XFAIL sys.off "output after the call: booting again"
}

test_reset_reported_by_next_boot_passes() {
	write_power_test_cfg "reboot = yes"
	write_image t.flat <<'IMAGE'
t: boot banner
SKIP: a.b [R 1] absent
EXPECT: reset sys.reset [R 5.12] SYSTEM_RESET from CPU 0
@reset
t: boot banner
PASS: sys.reset [R 5.12] booted again
SUMMARY: pass=1 fail=0 skip=0 info=0
END: PASS
IMAGE
	run_runner
	expect_status 0
	expect_line out "PASS t (2 checks: 1 pass, 1 skip)"
	expect_check PASS sys.reset "booted again"
}

test_reset_without_next_boot_fails() {
	write_power_test_cfg
	printf 'PASS: a.b [R 1]\nEXPECT: reset sys.reset [R 5.12] SYSTEM_RESET\n@reset\nEND: PASS\n' | write_image t.flat
	run_runner
	expect_status 1
	expect_text out "FAIL t (no END line: image stopped early; 2 checks: 1 pass, 1 fail; last lines: "
	expect_check FAIL sys.reset "SYSTEM_RESET: no boot after the reset reported it"
}

test_end_before_announced_reset_does_not_count() {
	write_power_test_cfg
	printf 'PASS: a.b [R 1]\nEND: PASS\nEXPECT: reset sys.reset [R 5.12] reset\n@reset\n' | write_image t.flat
	run_runner
	expect_status 1
	expect_text out "FAIL t (no END line: image stopped early; "
}

test_reset_announced_again_by_next_boot_fails() {
	write_power_test_cfg "reboot = yes"
	write_image t.flat <<'IMAGE'
EXPECT: reset sys.reset [R 5.12] reset
@reset
EXPECT: reset sys.reset [R 5.12] reset
@reset
PASS: sys.reset [R 5.12] booted again
END: PASS
IMAGE
	run_runner
	expect_status 1
	expect_line out "FAIL t (1 unexpected: sys.reset; 2 checks: 1 pass, 1 fail)"
	expect_check FAIL sys.reset "reset: no boot after the reset reported it"
}

# The images below run on tests/host/targets/fake-power.bash, whose platform
# reports power events, unless they say otherwise.
run_power_runner() {
	copy_runner_tree
	run_tree_runner --target "${target:-fake-power}"
}

test_power_line_naming_the_call_passes_and_is_no_output_after_it() {
	write_power_test_cfg
	write_image t.flat <<'IMAGE'
PASS: a.b [R 1]
END: PASS
EXPECT: poweroff sys.off2 [R 5.26] call=SYSTEM_OFF2 fid=0xc4000015 type=0x1 cookie=0x0 cpu=1 mpidr=0x1
platform: hibernating
POWER: call=SYSTEM_OFF2 fid=0xc4000015 type=0x1 cookie=0x0
platform: off
IMAGE
	run_power_runner
	expect_status 0
	expect_line out "PASS t (2 checks: 2 pass)"
	expect_check PASS sys.off2 "mpidr=0x1: nothing after the call, and the VMM exited by itself"
}

# A VMM may know only which call it was: the fields it gives must match.
test_power_line_with_fewer_fields_passes_when_they_match() {
	write_power_test_cfg
	printf 'END: PASS\nEXPECT: poweroff sys.off2 [R 5.11] call=SYSTEM_OFF2 fid=0x84000015 type=0x1 cookie=0x0 cpu=0 mpidr=0x0\nPOWER: call=SYSTEM_OFF2\n' |
		write_image t.flat
	run_power_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

test_power_line_naming_another_call_fails() {
	write_power_test_cfg
	printf 'END: PASS\nEXPECT: poweroff sys.off2 [R 5.11] call=SYSTEM_OFF2 fid=0x84000015 type=0x1 cookie=0x0 cpu=0 mpidr=0x0\nPOWER: call=SYSTEM_OFF fid=0x84000008\n' |
		write_image t.flat
	run_power_runner
	expect_status 1
	expect_line out "FAIL t (1 unexpected: sys.off2; 1 check: 1 fail)"
	expect_check FAIL sys.off2 "the platform performed call=SYSTEM_OFF fid=0x84000008; the image asked for call=SYSTEM_OFF2 fid=0x84000015 type=0x1 cookie=0x0 cpu=0 mpidr=0x0"
}

test_power_line_with_another_argument_fails() {
	write_power_test_cfg
	printf 'END: PASS\nEXPECT: poweroff sys.off2 [R 5.11] call=SYSTEM_OFF2 fid=0x84000015 type=0x1 cookie=0x0 cpu=0 mpidr=0x0\nPOWER: call=SYSTEM_OFF2 fid=0x84000015 type=0x0 cookie=0x0\n' |
		write_image t.flat
	run_power_runner
	expect_status 1
	expect_check FAIL sys.off2 "the platform performed call=SYSTEM_OFF2 fid=0x84000015 type=0x0 cookie=0x0; the image asked for"
}

test_power_line_without_a_call_field_fails() {
	write_power_test_cfg
	printf 'END: PASS\nEXPECT: poweroff sys.off [R 5.10] call=SYSTEM_OFF fid=0x84000008 cpu=0 mpidr=0x0\nPOWER: SYSTEM_OFF\n' |
		write_image t.flat
	run_power_runner
	expect_status 1
	expect_check FAIL sys.off "the platform's POWER line names no call=: SYSTEM_OFF"
}

# A reset's POWER line must come before the boot after it announces anything.
test_missing_power_line_fails_even_when_the_next_boot_reports() {
	write_power_test_cfg "reboot = yes"
	write_image t.flat <<'IMAGE'
EXPECT: reset sys.reset [R 5.12] call=SYSTEM_RESET fid=0x84000009 cpu=0 mpidr=0x0
@reset
PASS: sys.reset [R 5.12] booted again
END: PASS
EXPECT: poweroff sys.off [R 5.10] call=SYSTEM_OFF fid=0x84000008 cpu=0 mpidr=0x0
POWER: call=SYSTEM_RESET fid=0x84000009
IMAGE
	run_power_runner
	expect_status 1
	expect_check FAIL sys.reset "call=SYSTEM_RESET fid=0x84000009 cpu=0 mpidr=0x0: the platform reported no power event"
	expect_check FAIL sys.off "the platform performed call=SYSTEM_RESET fid=0x84000009; the image asked for call=SYSTEM_OFF"
}

test_reset_with_its_power_line_passes() {
	write_power_test_cfg "reboot = yes"
	write_image t.flat <<'IMAGE'
EXPECT: reset sys.reset2 [R 5.16] call=SYSTEM_RESET2 fid=0x84000012 reset_type=0x0 cookie=0x1234 cpu=1 mpidr=0x1
POWER: call=SYSTEM_RESET2 fid=0x84000012 reset_type=0x0 cookie=0x1234
@reset
PASS: sys.reset2 [R 5.16] booted again
END: PASS
IMAGE
	run_power_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

test_power_lines_are_ignored_where_the_platform_does_not_report_them() {
	write_power_test_cfg
	printf 'END: PASS\nEXPECT: poweroff sys.off [R 5.10] call=SYSTEM_OFF cpu=0\nPOWER: call=SYSTEM_RESET\n' |
		write_image t.flat
	target=qemu run_power_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
	printf 'END: PASS\nEXPECT: poweroff sys.off [R 5.10] SYSTEM_OFF from CPU 0\n' | write_image t.flat
	target=qemu run_power_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

test_call_that_returned_as_announced_adds_no_check() {
	write_power_test_cfg
	write_image t.flat <<'IMAGE'
EXPECT: return sys.off2.cookie [R 5.11] each call must return
PASS: sys.off2.cookie [R 5.11] INVALID_PARAMETERS
END: PASS
IMAGE
	run_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

test_call_that_had_to_return_and_powered_off_fails() {
	write_power_test_cfg
	write_image t.flat <<'IMAGE'
PASS: a.b [R 1]
EXPECT: return sys.off2.cookie [R 5.11] each call must return
POWER: call=SYSTEM_OFF2 fid=0x84000015 type=0x1 cookie=0x1
IMAGE
	run_power_runner
	expect_status 1
	expect_check FAIL sys.off2.cookie "each call must return: the call did not come back: the platform performed call=SYSTEM_OFF2 fid=0x84000015 type=0x1 cookie=0x1"
	printf 'EXPECT: return sys.off2.cookie [R 5.11] must return\n' | write_image t.flat
	target=qemu run_power_runner
	expect_status 1
	expect_check FAIL sys.off2.cookie "must return: the call did not come back: the console ended before the check's result"
}

test_reboot_defaults_to_no() {
	write_power_test_cfg
	run_runner -n
	expect_status 0
	expect_text out " -serial stdio -no-reboot -kernel "
}

test_reboot_yes_lets_the_guest_reboot() {
	write_power_test_cfg "reboot = yes"
	run_runner -n
	expect_status 0
	expect_no_text out "-no-reboot"
	expect_text out " -serial stdio -kernel "
}

test_reboot_bad_value_names_its_line() {
	write_power_test_cfg "reboot = sometimes"
	run_runner -l
	expect_error "cfg:3: 'reboot' must be yes or no, got 'sometimes'"
}
