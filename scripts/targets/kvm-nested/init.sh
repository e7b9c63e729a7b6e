#!/bin/busybox sh
# shellcheck shell=dash
# /init of the nested-KVM target's L1 Linux: runs every test image of
# /manifest.sh under psci-vmm, then powers the machine off. The "shared"
# tests run first, one per L1 CPU at a time (an image waiting on its timer
# leaves its CPU to another); the "alone" tests then run one by one, with
# every CPU to themselves. Each test's console goes to a file, and to the
# console as one block once the test has ended, between markers the host
# splits the console with, each on a line of its own (uptime: /proc/uptime):
#   === kvm-nested BEGIN NAME uptime SECONDS
#   === kvm-nested END NAME status VMM_EXIT_STATUS uptime SECONDS
# and before any test, or instead of all of them:
#   === kvm-nested READY uptime SECONDS
#   === kvm-nested ERROR WHAT
bb=/bin/busybox

uptime() {
	read -r up _ </proc/uptime
	echo "$up"
}

# One block at a time on the console: mkdir is the lock.
print_block() {
	until $bb mkdir /run/print 2>/dev/null; do
		$bb sleep 0.01
	done
	echo "=== kvm-nested BEGIN $1 uptime $2"
	$bb cat "/run/out/$1"
	echo "=== kvm-nested END $1 status $3 uptime $(uptime)"
	$bb rmdir /run/print
}

# run_test MODE NAME COMMAND...: /manifest.sh holds one such line per test.
# A test runs in the phase of its MODE, by the first worker to claim it.
run_test() {
	[ "$1" = "$phase" ] && $bb mkdir "/run/claim/$2" 2>/dev/null || return 0
	name=$2
	shift 2
	begun=$(uptime)
	"$@" </dev/null >"/run/out/$name" 2>&1
	status=$?
	[ "$status" -gt 128 ] && killed_by_signal "$name" "$status"
	print_block "$name" "$begun" "$status"
}

# psci-vmm died of a signal (a bug of the VMM or of the KVM under it): what
# L1's kernel said of it, which loglevel=1 keeps off the console, goes in
# the test's log.
killed_by_signal() {
	echo "VMM: psci-vmm killed by signal $(($2 - 128)); L1's kernel log of it:" >>"/run/out/$1"
	$bb dmesg | $bb grep -A 3 psci-vmm | $bb tail -n 12 | $bb sed 's/^/VMM:   /' >>"/run/out/$1"
}

worker() {
	# shellcheck source=/dev/null
	. /manifest.sh
}

run_all() {
	phase=shared
	for _ in $($bb seq "$($bb nproc)"); do
		worker &
	done
	wait
	phase=alone
	worker
}

$bb mount -t proc proc /proc
$bb mount -t sysfs sysfs /sys
$bb mount -t devtmpfs devtmpfs /dev
$bb mkdir -p /run/claim /run/out
# The guest's "\r\n" line ends go out unchanged, not as "\r\r\n".
$bb stty -opost </dev/console
if [ -c /dev/kvm ]; then
	echo "=== kvm-nested READY uptime $(uptime)"
	run_all
else
	echo "=== kvm-nested ERROR no /dev/kvm: the L1 kernel did not start KVM (is the machine virtualization=on?)"
fi
$bb sync
$bb poweroff -f
