# Fixtures and expectations shared by the host and guest tests (tests/run-suite.sh
# runs each test in its own subshell with an empty $work directory, so fixtures
# and exported variables never leak between tests).

fake_qemu=$root/tests/host/fake-qemu
# The runner reads these too; a test sets the ones it needs.
unset TARGET LKVM FIRMWARE FIRMWARE_EL FIRMWARE_BL33_ADDR

# The cfg text comes on stdin.
write_cfg() { cat >"$work/cfg"; }

# $1 is the image name; its fake-qemu script comes on stdin.
write_image() { cat >"$work/$1"; }

# Runs run_tests.sh on the fixture in $work with the given arguments.
run_runner() {
	TESTDIR=$work LOGDIR=$work/logs run_script "$root/run_tests.sh" --cfg "$work/cfg" "$@"
}

# A copy of the runner in $work/tree, with the fake targets of
# tests/host/targets and the fake batch VMM added.
copy_runner_tree() {
	mkdir -p "$work/tree/arm"
	cp -r "$root/run_tests.sh" "$root/scripts" "$work/tree/"
	cp "$root"/tests/host/targets/*.bash "$work/tree/scripts/targets/"
	cp "$root/tests/host/fake-batch-vmm" "$work/tree/"
}

# Runs the copy's run_tests.sh on the fixture in $work.
run_tree_runner() {
	TESTDIR=$work LOGDIR=$work/logs run_script "$work/tree/run_tests.sh" --cfg "$work/cfg" "$@"
}

# Runs script $1 with the remaining arguments, bounded in time; sets status
# and leaves stdout in $work/out, stderr in $work/err.
run_script() {
	QEMU=${QEMU-$fake_qemu} ACCEL=${ACCEL-tcg} timeout 20 "$@" >"$work/out" 2>"$work/err"
	status=$?
}

fail() {
	printf '%s\n' "$1"
	exit 1
}

expect_status() {
	[[ $status == "$1" ]] || fail "exit status $status, expected $1"
}

# $1 is out or err; $2 an exact line it must hold.
expect_line() {
	grep -Fxq -- "$2" "$work/$1" || fail "$1 lacks the line: $2"
}

# $1 is out or err; $2 text some line of it must contain.
expect_text() {
	grep -Fq -- "$2" "$work/$1" || fail "$1 lacks: $2"
}

expect_no_text() {
	! grep -Fq -- "$2" "$work/$1" || fail "$1 unexpectedly holds: $2"
}

# A usage or configuration error: exit 2 and exactly one stderr line holding $1.
expect_error() {
	expect_status 2
	[[ $(wc -l <"$work/err") == 1 ]] || fail "stderr is not one line"
	expect_text err "$1"
}

# An image that passes one check.
write_passing_image() {
	write_image "$1" <<'IMAGE'
PASS: demo.ok [DEN0022F.b 5.1] fine
SUMMARY: pass=1 fail=0 skip=0 info=0
END: PASS
IMAGE
}

# Starts "$@" (a runner) in the background, sends it TERM after half a second,
# and expects exit 143 with no process matching $1 left behind.
expect_term_stops_all() {
	local leftover=$1 runner
	shift
	"$@" >"$work/out" 2>"$work/err" &
	runner=$!
	sleep 0.5
	kill -TERM "$runner"
	wait "$runner"
	status=$?
	expect_status 143
	sleep 0.2
	! pgrep -f "$leftover" >/dev/null || fail "a process matching $leftover outlived the runner"
}
