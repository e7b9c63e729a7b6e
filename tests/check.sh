#!/usr/bin/env bash
# The project's own tests: the judges and the runner on the host, the runtime's guard rails
# under QEMU, the selftest image and the PSCI suite on QEMU TCG, on both the qemu (HVC at
# EL1) and qemu-el2 (SMC at EL2) targets, under Xen and under nested KVM (where the known
# deviations are XFAIL and anything else that fails is a regression), against the reference
# monitor at PSCI 0.2, 1.0, 1.1 and 1.3, and against each of its planted faults, under Trusted
# Firmware-A at NS-EL2 and NS-EL1, and under nested KVM pinned to PSCI 1.0. Ends with the line
# "check: N passed, N failed" and exits 1 if anything failed.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
# The lines that failed, again at the end: CI shows a run's tail.
failures=()

# Runs one suite and adds the counts of its closing "N passed, N failed" line.
run_suite() {
	local name=$1 out line p f
	shift
	echo "== $name"
	out=$("$@" 2>&1)
	local status=$?
	printf '%s\n' "$out"
	mapfile -t -O "${#failures[@]}" failures < <(printf '%s\n' "$out" | grep -E '^FAIL|\| MISSED \|$' | sed "s/^/$name: /")
	line=$(printf '%s\n' "$out" | grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
	p=$(sed -E 's/^[a-z]+: ([0-9]+) passed.*/\1/' <<<"$line")
	f=$(sed -E 's/^[a-z]+: [0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$line")
	if [ -z "$line" ]; then
		echo "$name: no closing 'N passed, N failed' line (exit $status)"
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: exit status $status with no failure counted"
		failed=$((failed + 1))
	fi
}

run_suite judges build/host/judge-tests
run_suite host tests/host/run.sh
run_suite guest tests/guest/run.sh
run_suite selftest ./run_tests.sh -j "$(nproc)" -g selftest
run_suite selftest-el2 ./run_tests.sh --target qemu-el2 -j "$(nproc)" -g selftest
run_suite psci ./run_tests.sh -j "$(nproc)" -g psci
run_suite psci-el2 ./run_tests.sh --target qemu-el2 -j "$(nproc)" -g psci
# The reference monitor at the versions CI covers: every version-gated check
# meets a version QEMU never speaks, and with no deviations list any FAIL is
# a bug of the monitor or of a check. 1.3 runs with SYSTEM_RESET2 and
# SYSTEM_OFF2 among its optional functions (the default, all, has them).
for version in 0.2 1.0 1.1 1.3; do
	run_suite "monitor-$version" env MONITOR_PSCI=$version MONITOR_OPTIONAL=all \
		./run_tests.sh --target monitor -j "$(nproc)"
done
# Every planted fault of the monitor must be caught by the check meant to.
run_suite mutants scripts/mutants.sh
# Xen and the L1 kernel for nested KVM come from Debian's archive into a cache:
# the first run fetches them (a fetch that fails stops it with one line and
# exit 2, counted as a failure), later runs find them.
for target in xen kvm-nested; do
	run_suite "$target" ./run_tests.sh --target "$target" -j "$(nproc)"
done
# Trusted Firmware-A's QEMU port, built from Debian's source on first use
# (scripts/targets/firmware/fetch.sh), with the image as its BL33 at NS-EL2
# and at NS-EL1.
run_suite firmware ./run_tests.sh --target firmware -j "$(nproc)"
run_suite firmware-el1 env FIRMWARE_EL=1 LOGDIR=logs/firmware-el1 ./run_tests.sh --target firmware -j "$(nproc)"
# Real KVM with its PSCI version pinned below its latest, as a VMM pins a
# guest's ABI (KVM_REG_ARM_PSCI_VERSION): the version-gated checks meet KVM's
# own 1.0. Its logs go beside the default run's.
run_suite kvm-nested-1.0 env KVM_NESTED_PSCI_VERSION=1.0 LOGDIR=logs/kvm-nested-psci-1.0 \
	./run_tests.sh --target kvm-nested -j "$(nproc)"

if ((${#failures[@]})); then
	echo "== what failed"
	printf '%s\n' "${failures[@]}"
fi
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
