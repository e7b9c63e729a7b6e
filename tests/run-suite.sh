#!/usr/bin/env bash
# Runs every test_* function of DIR/*.test.bash, each in its own subshell with
# an empty $work directory; the last line is "NAME: N passed, N failed".
# Usage: tests/run-suite.sh NAME DIR
set -u
# shellcheck source-path=SCRIPTDIR/..

suite=$1
suite_dir=$(cd "$2" && pwd)
root=$(cd "${0%/*}/.." && pwd)
# The runner reads these; a test sets the ones it needs.
unset ACCEL QEMU MAX_SMP LOGDIR TESTDIR

# shellcheck source=tests/lib.bash
source "$root/tests/lib.bash"
for file in "$suite_dir"/*.test.bash; do
	# shellcheck disable=SC1090
	source "$file"
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Which targets are usable must not depend on what this machine has cached.
unset XEN KVM_NESTED_KERNEL
export XEN_CACHE_DIR=$scratch/xen-cache KVM_NESTED_CACHE_DIR=$scratch/kvm-nested-cache FIRMWARE_CACHE_DIR=$scratch/firmware-cache
passed=0 failed=0
for test in $(compgen -A function test_); do
	work=$scratch/$test
	mkdir "$work"
	if (cd "$work" && "$test") >"$work/test.out" 2>&1; then
		passed=$((passed + 1))
		printf 'ok   %s\n' "$test"
	else
		failed=$((failed + 1))
		printf 'FAIL %s\n' "$test"
		sed 's/^/     /' "$work/test.out"
		for stream in out err; do
			[[ -s $work/$stream ]] && sed "s/^/     $stream| /" "$work/$stream"
		done
	fi
done
printf '%s: %d passed, %d failed\n' "$suite" "$passed" "$failed"
((failed == 0))
