# Targets: selection, --target list, unusable targets, each target's command
# line, cfg keys a target cannot honour, deviations per target, the batch hook
# and the console filter.

# Sets words to the single line of $work/out split as a shell would.
read_command_words() {
	[[ $(wc -l <"$work/out") == 1 ]] || fail "not one line: $(<"$work/out")"
	eval "words=($(<"$work/out"))"
}

# $1 is a word the command in words must hold, $2 (optional) the word after it.
expect_word() {
	local i
	for i in "${!words[@]}"; do
		[[ ${words[i]} == "$1" ]] && { (($# < 2)) || [[ ${words[i + 1]-} == "$2" ]]; } && return 0
	done
	fail "the command lacks '$*': ${words[*]}"
}

expect_no_word() {
	local word
	for word in "${words[@]}"; do
		[[ $word != "$1" ]] || fail "the command holds '$1': ${words[*]}"
	done
}

test_default_target_is_qemu_at_el1() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	run_runner -n
	expect_status 0
	read_command_words
	expect_word -machine virt
	expect_word -accel tcg
	expect_word -kernel "$work/t.flat"
}

test_target_option_and_variable_select_qemu_el2() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	run_runner --target qemu-el2 -n
	expect_status 0
	read_command_words
	expect_word -machine virt,virtualization=on
	TARGET=qemu-el2 run_runner -n
	read_command_words
	expect_word -machine virt,virtualization=on
	TARGET=qemu-el2 run_runner --target=qemu -n
	read_command_words
	expect_word -machine virt
}

test_logs_go_to_a_directory_per_target() {
	copy_runner_tree
	printf '[t]\nfile = t.flat\n' >"$work/tree/unittests.cfg"
	write_passing_image tree/arm/t.flat
	: >"$work/tree/config.mak"
	run_script "$work/tree/run_tests.sh" --target qemu-el2
	expect_status 0
	[[ -f $work/tree/logs/qemu-el2/t.checks ]] || fail "no logs/qemu-el2/t.checks"
}

test_unknown_target_exits_2_with_one_line() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	run_runner --target bochs -l
	expect_error "run_tests.sh: unknown target 'bochs'; ./run_tests.sh --target list lists them"
}

test_target_list_says_what_is_usable_and_the_fix() {
	HOSTTYPE=x86_64 run_script "$root/run_tests.sh" --target list
	expect_status 0
	[[ ! -s $work/err ]] || fail "stderr: $(<"$work/err")"
	[[ $(head -2 "$work/out") == "qemu       usable      QEMU's own PSCI over HVC, image at EL1"*$'\n'"qemu-el2   usable      QEMU's own PSCI over SMC, image at EL2"* ]] ||
		fail "qemu and qemu-el2 are not the first two, usable: $(<"$work/out")"
	expect_line out "kvm        not usable  KVM for arm64 guests needs an arm64 host, this one is x86_64; fix: none on this host; run on an arm64 host with KVM"
	expect_line out "firmware   not usable  Trusted Firmware-A build default is not in the cache; fix: scripts/targets/firmware/fetch.sh"
	local name
	for name in "$root"/scripts/targets/*.bash; do
		name=${name##*/}
		grep -q "^${name%.bash} " "$work/out" || fail "no line for ${name%.bash}"
	done
	[[ $(wc -l <"$work/out") == $(find "$root/scripts/targets" -maxdepth 1 -name '*.bash' | wc -l) ]] ||
		fail "not one line per target"
}

test_target_list_with_broken_qemu_names_the_fix() {
	QEMU=/nonexistent/qemu TARGET=list run_script "$root/run_tests.sh"
	expect_status 0
	expect_line out "qemu       not usable  QEMU '/nonexistent/qemu' is not an executable file; fix: set QEMU=/path/to/qemu-system-aarch64"
}

test_unusable_target_run_exits_2_with_one_line() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	write_passing_image t.flat
	FIRMWARE=$work/no-flash.bin run_runner --target firmware
	expect_error "run_tests.sh: target 'firmware' is not usable: FIRMWARE '$work/no-flash.bin' is not a readable file; fix: set FIRMWARE=/path/to/flash.bin"
	[[ ! -e $work/logs ]] || fail "an unusable target wrote logs"
}

test_firmware_command_places_the_image_for_the_firmware() {
	printf '[t]\nfile = t,1.flat\nsmp = 2\n' | write_cfg
	: >"$work/flash.bin"
	FIRMWARE=$work/flash.bin run_runner --target firmware -n
	expect_status 0
	read_command_words
	local expected=("$fake_qemu" -nodefaults -machine "virt,secure=on,virtualization=on" -accel tcg -cpu max
		-m 1024 -smp 2 -display none -serial stdio -no-reboot -bios "$work/flash.bin"
		-device "loader,file=$work/t,,1.flat,addr=0x60000000,force-raw=on")
	[[ ${words[*]@Q} == "${expected[*]@Q}" ]] || fail "command words: ${words[*]@Q}"
}

test_firmware_el1_and_bl33_address_settings() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	: >"$work/flash.bin"
	FIRMWARE=$work/flash.bin FIRMWARE_EL=1 FIRMWARE_BL33_ADDR=0x40200000 run_runner --target firmware -n
	read_command_words
	expect_word -machine virt,secure=on
	expect_word -device "loader,file=$work/t.flat,addr=0x40200000,force-raw=on"
	FIRMWARE=$work/flash.bin FIRMWARE_EL=3 run_runner --target firmware -n
	expect_error "target 'firmware' is not usable: FIRMWARE_EL must be 1 or 2, got '3'; fix: unset FIRMWARE_EL"
	FIRMWARE=$work/absent.bin run_runner --target firmware -n
	expect_error "FIRMWARE '$work/absent.bin' is not a readable file"
}

test_firmware_skips_args_for_an_image_without_an_argument_block() {
	printf '[args]\nfile = t.flat\ntest_args = action=off\n[plain]\nfile = t.flat\nsmp = 9\n' | write_cfg
	write_passing_image t.flat
	: >"$work/flash.bin"
	FIRMWARE=$work/flash.bin run_runner --target firmware -n
	expect_status 0
	[[ $(<"$work/out") == "# SKIP args (the image has 0 argument blocks (psci-suite-args), not one: no way to pass test_args)"$'\n'"# SKIP plain (needs 9 vCPUs, MAX_SMP=8)" ]] ||
		fail "-n printed: $(<"$work/out")"
}

# The firmware passes no command line: test_args go into a copy of the image,
# NUL-terminated, right after its one argument block's 16-byte magic.
test_firmware_writes_test_args_into_a_copy_of_the_image() {
	printf '[args]\nfile = t.flat\ntest_args = action=off cpus=2\n' | write_cfg
	{ printf 'psci-suite-args\0'; head -c 40 /dev/zero; printf '\n'; } >"$work/t.flat"
	write_passing_image passing
	cat "$work/passing" >>"$work/t.flat"
	: >"$work/flash.bin"
	FIRMWARE=$work/flash.bin run_runner --target firmware
	expect_status 0
	[[ $(head -c 34 "$work/logs/args.bl33" | tr '\0' '|') == "psci-suite-args|action=off cpus=2|" ]] ||
		fail "the copy starts: $(head -c 40 "$work/logs/args.bl33" | od -c | head -3)"
	[[ $(head -c 56 "$work/t.flat" | tr -d '\0') == psci-suite-args ]] || fail "the cfg's image was written to"
}

# A Trusted Firmware-A build of fetch.sh in the cache: its vCPU limit, its
# deviations list, and its own console lines, padded to 9 characters, kept
# out of parsing while the image's INFO lines are judged.
test_firmware_tf_a_build_sets_limit_and_console() {
	local cache=$work/firmware-cache
	mkdir -p "$cache/default"
	: >"$cache/default/flash.bin"
	echo 4 >"$cache/default/max-smp"
	echo 2.8.0+dfsg-1 >"$cache/default/version"
	echo "make CROSS_COMPILE=aarch64-linux-gnu- PLAT=qemu ARM_LINUX_KERNEL_AS_BL33=1 PRELOADED_BL33_BASE=0x60000000 all fip (TF_LDFLAGS=--no-warn-rwx-segments)" >"$cache/default/options"
	printf '[t]\nfile = t.flat\n[wide]\nfile = t.flat\nsmp = 8\n' | write_cfg
	write_image t.flat <<'IMAGE'
NOTICE:  BL1: v2.8(release)
INFO: demo.noted [DEN0022F.b 5.1] fine
SUMMARY: pass=0 fail=0 skip=0 info=1
END: PASS
ERROR:   QEMU System Power off: with GPIO.
IMAGE
	unset FIRMWARE
	FIRMWARE_CACHE_DIR=$cache run_runner --target firmware
	expect_status 0
	expect_line out "PASS t (1 check: 1 info)"
	expect_line out "SKIP wide (needs 8 vCPUs, MAX_SMP=4)"
}

test_firmware_runs_the_image_the_loader_places() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	write_passing_image t.flat
	: >"$work/flash.bin"
	FIRMWARE=$work/flash.bin run_runner --target firmware
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

# The kvm target needs an arm64 host with /dev/kvm; HOSTTYPE stands in for
# the first, the second has to be there.
host_kvm_device_usable() { [[ -r /dev/kvm && -w /dev/kvm ]]; }

# A runner tree with a stand-in for the built monitor: $work/monitor.flat
# if the test wrote one (fake-qemu plays the -kernel file as the console).
# The spec's facts as make writes them, with versions of the test's own
# (default: the published ones), so that a test sees where they come from.
run_monitor_runner() {
	copy_runner_tree
	mkdir -p "$work/tree/monitor" "$work/tree/build"
	printf 'spec_psci_versions=(%s)\n' "${spec_versions:-0.2 1.0 1.1 1.2 1.3}" >"$work/tree/build/spec.bash"
	if [[ -f $work/monitor.flat ]]; then
		cp "$work/monitor.flat" "$work/tree/monitor/"
	else
		: >"$work/tree/monitor/monitor.flat"
	fi
	run_tree_runner --target monitor "$@"
}

test_monitor_boots_the_image_as_its_guest_loader_module() {
	printf '[t]\nfile = t,1.flat\nsmp = 2\ntest_args = a=1,2 b\n' | write_cfg
	MONITOR_PSCI=0.2 MONITOR_OPTIONAL=SYSTEM_SUSPEND MONITOR_FAULT=cpu_off_returns run_monitor_runner -n
	expect_status 0
	read_command_words
	expect_word -machine virt,virtualization=on
	expect_word -smp 2
	expect_word -kernel "$work/tree/monitor/monitor.flat"
	expect_word -append "psci=0.2 optional=SYSTEM_SUSPEND fault=cpu_off_returns"
	expect_word -device "guest-loader,addr=0x44000000,kernel=$work/t,,1.flat,bootargs=a=1,,2 b"
}

test_monitor_defaults_to_psci_1_3() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	run_monitor_runner -n
	read_command_words
	expect_word -append "psci=1.3"
	expect_word -device "guest-loader,addr=0x44000000,kernel=$work/t.flat"
}

test_monitor_settings_it_cannot_take_name_the_fix() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	MONITOR_PSCI=0.1 run_monitor_runner -n
	expect_error "target 'monitor' is not usable: MONITOR_PSCI must be 0.2, 1.0, 1.1, 1.2 or 1.3, got '0.1'; fix: unset MONITOR_PSCI"
	MONITOR_OPTIONAL="system off" run_monitor_runner -n
	expect_error "MONITOR_OPTIONAL must be all, none or names like SYSTEM_RESET2,SYSTEM_OFF2, got 'system off'"
	MONITOR_FAULT="No Such" run_monitor_runner -n
	expect_error "MONITOR_FAULT must be a fault name like none, got 'No Such'"
}

test_monitor_versions_come_from_the_spec_facts() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	MONITOR_PSCI=1.7 spec_versions="0.2 1.7" run_monitor_runner -n
	expect_status 0
	MONITOR_PSCI=1.3 spec_versions="0.2 1.7" run_monitor_runner -n
	expect_error "MONITOR_PSCI must be 0.2 or 1.7, got '1.3'; fix: unset MONITOR_PSCI"
}

test_monitor_lines_stay_out_of_the_verdict_and_power_lines_are_judged() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	: >"$work/t.flat"
	printf '%s\n' "monitor: PSCI 1.3" "END: PASS" "EXPECT: poweroff sys.off [R 5.10] call=SYSTEM_OFF cpu=0" \
		"POWER: call=SYSTEM_OFF" "monitor: done" | write_image monitor.flat
	run_monitor_runner
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
	printf '%s\n' "END: PASS" "EXPECT: poweroff sys.off [R 5.10] call=SYSTEM_OFF cpu=0" "POWER: call=SYSTEM_RESET" |
		write_image monitor.flat
	run_monitor_runner
	expect_status 1
	grep -q $'^FAIL\tsys.off\t.*: the platform performed call=SYSTEM_RESET; the image asked for call=SYSTEM_OFF cpu=0$' \
		"$work/logs/t.checks" || fail "sys.off is not judged by the POWER line: $(<"$work/logs/t.checks")"
}

test_kvm_on_another_architecture_is_not_usable() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	HOSTTYPE=x86_64 run_runner --target kvm -n
	expect_error "target 'kvm' is not usable: KVM for arm64 guests needs an arm64 host, this one is x86_64; fix: none on this host"
}

test_kvm_runs_qemu_with_the_host_cpu() {
	host_kvm_device_usable || return 0
	printf '[t]\nfile = t.flat\nsmp = 2\n' | write_cfg
	HOSTTYPE=aarch64 run_runner --target kvm -n
	expect_status 0
	read_command_words
	expect_word -accel kvm
	expect_word -cpu host
	expect_word -machine gic-version=host
}

test_kvm_with_lkvm_runs_kvmtool() {
	host_kvm_device_usable || return 0
	printf '[t]\nfile = t.flat\nsmp = 2\ntest_args = a b\n[r]\nfile = t.flat\nreboot = yes\n' | write_cfg
	HOSTTYPE=aarch64 LKVM=$root/tests/host/fake-lkvm run_runner --target kvm -n
	expect_status 0
	[[ $(tail -1 "$work/out") == "# SKIP r (target kvm cannot honour reboot)" ]] || fail "-n printed: $(<"$work/out")"
	head -1 "$work/out" >"$work/first"
	mv "$work/first" "$work/out"
	read_command_words
	local expected=("$root/tests/host/fake-lkvm" run --kernel "$work/t.flat" -c 2 -m 256 --console serial
		--nodefaults --network mode=none --params "a b")
	[[ ${words[*]@Q} == "${expected[*]@Q}" ]] || fail "command words: ${words[*]@Q}"
}

test_kvm_with_lkvm_keeps_kvmtool_lines_out_of_the_verdict() {
	host_kvm_device_usable || return 0
	printf '[t]\nfile = t.flat\n' | write_cfg
	printf 'PASS: a.b [R 1]\nEND: PASS\nEXPECT: poweroff sys.off [R 5.10] off\n' | write_image t.flat
	HOSTTYPE=aarch64 LKVM=$root/tests/host/fake-lkvm run_runner --target kvm
	expect_status 0
	expect_line out "PASS t (2 checks: 2 pass)"
	expect_text logs/t.log "# KVM session ended normally."
}

test_lkvm_that_is_not_executable_names_the_fix() {
	host_kvm_device_usable || return 0
	printf '[t]\nfile = t.flat\n' | write_cfg
	HOSTTYPE=aarch64 LKVM=/nonexistent/lkvm run_runner --target kvm -n
	expect_error "target 'kvm' is not usable: LKVM '/nonexistent/lkvm' is not an executable file; fix: set LKVM=/path/to/lkvm"
}

test_target_skips_entries_with_keys_it_cannot_honour() {
	copy_runner_tree
	printf '[params]\nfile = t.flat\nextra_params = -s\n[reboot]\nfile = t.flat\nreboot = yes\n[args]\nfile = t.flat\ntest_args = x=1\n' |
		write_cfg
	write_passing_image t.flat
	run_tree_runner --target fake-xen
	expect_status 0
	expect_line out "SKIP params (target fake-xen cannot honour extra_params)"
	expect_line out "SKIP reboot (target fake-xen cannot honour reboot)"
	expect_line out "PASS args (1 check: 1 pass)"
	expect_line logs/params.log "not run: target fake-xen cannot honour extra_params"
}

# Image t.flat failing check x.known, and deviations/$1.txt listing it.
write_known_failure() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	printf 'FAIL: x.known [R 1]\nEND: FAIL\n' | write_image t.flat
	mkdir -p "$work/deviations"
	printf 'x.known | known | R 1\n' >"$work/deviations/$1.txt"
}

test_qemu_el2_is_judged_against_the_qemu_list() {
	write_known_failure qemu
	run_runner --target qemu-el2
	expect_status 0
	expect_line out "PASS t (1 check: 1 xfail)"
}

test_a_list_named_after_qemu_el2_is_not_read() {
	write_known_failure qemu-el2
	run_runner --target qemu-el2
	expect_status 1
	expect_line out "FAIL t (1 unexpected: x.known; 1 check: 1 fail)"
}

test_firmware_has_its_own_list() {
	write_known_failure firmware
	: >"$work/flash.bin"
	FIRMWARE=$work/flash.bin run_runner --target firmware
	expect_status 0
	expect_line out "PASS t (1 check: 1 xfail)"
	run_runner
	expect_status 1
}

test_a_list_named_by_the_probe_is_checked_and_applies() {
	copy_runner_tree
	write_known_failure probed
	# The list named after the target is neither read nor checked.
	printf 'not a deviation line\n' >"$work/deviations/fake-probed-list.txt"
	run_tree_runner --target fake-probed-list
	expect_status 0
	expect_line out "PASS t (1 check: 1 xfail)"
	printf 'x.known | no reference\n' >"$work/deviations/probed.txt"
	run_tree_runner --target fake-probed-list
	expect_error "deviations/probed.txt:1: expected '<check-id> | <reason> | <reference>', got 'x.known | no reference'"
}

test_console_filter_keeps_hypervisor_lines_out_of_parsing() {
	copy_runner_tree
	printf '[t]\nfile = t.flat\n' | write_cfg
	write_image t.flat <<'IMAGE'
(XEN) Xen version 4.17
(XEN) PASS: x.hypervisor [R 1] a hypervisor line that looks like a result
PASS: a.b [R 1]
PASS: a.c [R 1] cut (XEN) d0v1 CPU_ON
(XEN) another message
in two
END: PASS
EXPECT: poweroff sys.off [R 5.10] off
(XEN) Hardware Dom0 halted: halting machine
IMAGE
	run_tree_runner --target fake-xen
	expect_status 0
	expect_line out "PASS t (3 checks: 3 pass)"
	expect_no_text logs/t.checks "x.hypervisor"
	expect_line logs/t.checks $'PASS\ta.c\tR 1\tcut in two'
	expect_text logs/t.log "(XEN) Hardware Dom0 halted: halting machine"
	# Without the filter the hypervisor's line is output after SYSTEM_OFF.
	run_tree_runner --target qemu
	expect_status 1
	expect_text logs/t.checks "output after the call: (XEN) Hardware Dom0 halted"
}

# Console line numbers count every line of the console, the platform's too,
# so that they lead to the line in the log; a cut line counts from its start.
test_parse_error_line_numbers_count_the_platforms_lines() {
	copy_runner_tree
	printf '[t]\nfile = t.flat\n' | write_cfg
	printf '(XEN) one\n(XEN) two\nPASS: a.b [R 1]\nEND: PASS\nFAIL: a.b [R (XEN) three\n1\n' | write_image t.flat
	run_tree_runner --target fake-xen
	expect_status 1
	expect_line out "FAIL t (parse error at console line 5: FAIL: a.b [R 1; 1 check: 1 pass)"
}

# scripts/targets/xen/run-image.sh -f prints dom0's console with the filter alone.
test_console_filter_alone_prints_the_image_lines() {
	local out
	out=$(printf '(XEN) boot\r\nfirst\r\nsec(XEN) msg\r\n(XEN) more\r\nond\r\nlast piece(XEN) end\r\n' |
		console_print=1 console_interjection="(XEN) " awk -f "$root/scripts/console-filter.awk")
	[[ $out == $'first\nsecond\nlast piece' ]] || fail "the filter printed: $out"
}

# Tests pass (two checks), fail, a runner skip, a timeout the batch saw, and
# a test after the batch died.
write_batch_fixture() {
	copy_runner_tree
	write_cfg <<'CFG'
[pass]
file = pass.flat
[fail]
file = fail.flat
test_args = x=1
[skipped]
file = pass.flat
smp = 4
[hangs]
file = hang.flat
[crash]
file = crash.flat
[never]
file = pass.flat
CFG
	printf 'PASS: a.one [R 1]\nPASS: a.two [R 1]\nEND: PASS\n' | write_image pass.flat
	printf 'FAIL: a.known [R 1]\nFAIL: a.broken [R 1]\nEND: FAIL\n' | write_image fail.flat
	printf 'waiting\n@timeout\n' | write_image hang.flat
	printf 'PASS: a.one [R 1]\n@crash\n' | write_image crash.flat
	mkdir "$work/deviations"
	printf 'a.known | known | R 1\n' >"$work/deviations/fake-batch.txt"
}

test_batch_target_runs_every_test_in_one_process() {
	write_batch_fixture
	MAX_SMP=2 run_tree_runner --target fake-batch
	expect_status 1
	[[ $(<"$work/out") == "PASS pass (2 checks: 2 pass)
FAIL fail (1 unexpected: a.broken; 2 checks: 1 fail, 1 xfail)
SKIP skipped (needs 4 vCPUs, MAX_SMP=2)
TIMEOUT hangs (timed out after 30 s; 0 checks; last lines: waiting)
FAIL crash (no END line: image stopped early; 1 check: 1 pass; last lines: PASS: a.one [R 1])
FAIL never (the batch ended before this test ran; 0 checks)
summary: 1 passed, 4 failed, 1 skipped" ]] || fail "output is: $(<"$work/out")"
	[[ $(wc -l <"$work/tree/boots") == 1 ]] || fail "the batch VMM started $(wc -l <"$work/tree/boots") times"
}

test_batch_target_writes_one_log_per_test() {
	write_batch_fixture
	MAX_SMP=2 run_tree_runner --target fake-batch pass fail
	[[ $(<"$work/logs/fail.log") == "fake-batch-vmm -smp 1 $work/fail.flat x=1"$'\nFAIL: a.known [R 1]\r\nFAIL: a.broken [R 1]\r\nEND: FAIL\r' ]] ||
		fail "fail.log is: $(<"$work/logs/fail.log")"
	[[ $(<"$work/logs/pass.checks") == $'PASS\ta.one\tR 1\t\nPASS\ta.two\tR 1\t' ]] ||
		fail "pass.checks is: $(<"$work/logs/pass.checks")"
}

test_batch_target_dry_run_prints_each_image_command() {
	write_batch_fixture
	run_tree_runner --target fake-batch -n pass
	expect_status 0
	[[ $(<"$work/out") == "fake-batch-vmm -smp 1 $work/pass.flat ''" ]] || fail "-n printed: $(<"$work/out")"
}

test_batch_target_output_is_valid_tap() {
	write_batch_fixture
	MAX_SMP=2 run_tree_runner --target fake-batch -t
	local parsed
	parsed=$(perl "$root/tests/host/tap-summary.pl" <"$work/out")
	[[ $parsed == "version=13 plan=1..6 passed=1,3 failed=2,4,5,6 skipped=3 yaml=4 with_log=4 unknown=0 errors=none" ]] ||
		fail "TAP::Parser saw: $parsed"
}

test_batch_results_print_while_the_batch_runs() {
	copy_runner_tree
	printf '[first]\nfile = pass.flat\n[second]\nfile = slow.flat\n' | write_cfg
	write_passing_image pass.flat
	printf '@sleep 3\nEND: PASS\n' | write_image slow.flat
	TESTDIR=$work LOGDIR=$work/logs QEMU=$fake_qemu \
		timeout 20 "$work/tree/run_tests.sh" --cfg "$work/cfg" --target fake-batch >"$work/out" 2>"$work/err" &
	local runner=$! seen=0
	while kill -0 "$runner" 2>/dev/null; do
		grep -q '^PASS first' "$work/out" && { seen=1; break; }
		sleep 0.1
	done
	wait "$runner"
	((seen)) || fail "the first result came only after the batch ended"
	expect_line out "PASS second (0 checks)"
}

test_terminated_run_stops_the_batch() {
	copy_runner_tree
	printf '[t]\nfile = hang.flat\n' | write_cfg
	printf 'booting\n@sleep 20\n' | write_image hang.flat
	TESTDIR=$work LOGDIR=$work/logs QEMU=$fake_qemu expect_term_stops_all "$work/tree/fake-batch-vmm" \
		timeout 20 "$work/tree/run_tests.sh" --cfg "$work/cfg" --target fake-batch
}

test_batch_that_cannot_be_set_up_stops_the_run_with_its_line() {
	write_batch_fixture
	FAKE_BATCH_SET_UP_ERROR="fake-batch-vmm: no initramfs; fix: make it" MAX_SMP=2 run_tree_runner --target fake-batch
	expect_error "fake-batch-vmm: no initramfs; fix: make it"
	expect_no_text out "FAIL"
}
