# Run environment: QEMU lookup, accelerator, vCPU limit, configure and make.

test_missing_qemu_exits_2_with_one_line() {
	write_passing_image t.flat
	printf '[t]\nfile = t.flat\n' | write_cfg
	QEMU=/nonexistent/qemu-system-aarch64 run_runner
	expect_error "run_tests.sh: target 'qemu' is not usable: QEMU '/nonexistent/qemu-system-aarch64' is not an executable file; fix: set QEMU=/path/to/qemu-system-aarch64"
}

test_bad_accel_exits_2_with_one_line() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	ACCEL=hvf run_runner -n
	expect_error "ACCEL must be tcg or kvm, got 'hvf'"
}

test_kvm_without_usable_dev_kvm_exits_2() {
	[[ -r /dev/kvm && -w /dev/kvm && $(uname -m) == aarch64 ]] && return 0
	printf '[t]\nfile = t.flat\n' | write_cfg
	ACCEL=kvm run_runner -n
	expect_error "ACCEL=kvm needs an aarch64 host with read-write /dev/kvm"
}

test_bad_max_smp_exits_2() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	MAX_SMP=many run_runner -n
	expect_error "MAX_SMP must be a positive integer, got 'many'"
}

test_smp_above_max_smp_is_skipped() {
	printf '[small]\nfile = t.flat\nsmp = 2\n[big]\nfile = t.flat\nsmp = 8\n' | write_cfg
	write_passing_image t.flat
	MAX_SMP=2 run_runner
	expect_status 0
	expect_line out "PASS small (1 check: 1 pass)"
	expect_line out "SKIP big (needs 8 vCPUs, MAX_SMP=2)"
	expect_line out "summary: 1 passed, 0 failed, 1 skipped"
	expect_line logs/big.log "not run: needs 8 vCPUs, MAX_SMP=2"
}

test_accel_mismatch_is_skipped() {
	printf '[t]\nfile = t.flat\naccel = kvm\n' | write_cfg
	write_passing_image t.flat
	run_runner
	expect_status 0
	expect_line out "SKIP t (runs only with accel=kvm, this run uses tcg)"
}

test_dry_run_marks_skipped_tests_as_comments() {
	printf '[t]\nfile = t.flat\nsmp = 4\n' | write_cfg
	MAX_SMP=1 run_runner -n
	expect_status 0
	[[ $(<"$work/out") == "# SKIP t (needs 4 vCPUs, MAX_SMP=1)" ]] || fail "-n printed: $(<"$work/out")"
}

# A copy of the runner in $work/tree with a one-test cfg, whose configure
# and Makefile the test writes.
copy_runner_tree_with_cfg() {
	copy_runner_tree
	printf '[t]\nfile = t.flat\n' >"$work/tree/unittests.cfg"
}

test_missing_config_runs_configure_for_qemu() {
	copy_runner_tree_with_cfg
	printf '#!/bin/sh\necho "QEMU=%s" >config.mak\n' "$fake_qemu" >"$work/tree/configure"
	chmod +x "$work/tree/configure"
	write_passing_image tree/arm/t.flat
	QEMU="" run_script "$work/tree/run_tests.sh"
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
}

test_configure_failure_exits_2_with_one_line() {
	copy_runner_tree_with_cfg
	printf '#!/bin/sh\necho "configure: no cross compiler" >&2\nexit 2\n' >"$work/tree/configure"
	chmod +x "$work/tree/configure"
	QEMU="" run_script "$work/tree/run_tests.sh"
	expect_error "run_tests.sh: ./configure failed: configure: no cross compiler"
}

test_missing_image_runs_make_once() {
	copy_runner_tree_with_cfg
	: >"$work/tree/config.mak"
	printf 'arm/t.flat:\n\techo built >>make-runs\n\tprintf "PASS: a.b [R 1]\\nEND: PASS\\n" >$@\n' >"$work/tree/Makefile"
	run_script "$work/tree/run_tests.sh"
	expect_status 0
	expect_line out "PASS t (1 check: 1 pass)"
	run_script "$work/tree/run_tests.sh"
	[[ $(wc -l <"$work/tree/make-runs") == 1 ]] || fail "make ran again with the image present"
}

test_build_failure_exits_2() {
	copy_runner_tree_with_cfg
	: >"$work/tree/config.mak"
	printf 'arm/t.flat:\n\t@echo "t.c:1: error: broken" >&2; false\n' >"$work/tree/Makefile"
	run_script "$work/tree/run_tests.sh"
	expect_status 2
	expect_text err "t.c:1: error: broken"
	[[ $(tail -1 "$work/err") == "run_tests.sh: make failed (errors above); fix the build and rerun" ]] ||
		fail "last stderr line: $(tail -1 "$work/err")"
}
