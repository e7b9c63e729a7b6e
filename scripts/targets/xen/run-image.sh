#!/usr/bin/env bash
# Boots one test image as Xen's dom0 under QEMU and writes the console to
# stdout: all of it, Xen's "(XEN) " lines included, or with -f dom0's alone.
#
#   scripts/targets/xen/run-image.sh [-s SMP] [-t TIMEOUT] [-r] [-f] [-n] IMAGE [ARGS]
#
# -s vCPUs of the machine and of dom0 (default 1); -t seconds before QEMU is
# stopped (default 30; exit status 124 then); -r lets a reset reboot the
# machine instead of ending QEMU; -f filters Xen's lines out; -n prints the
# command instead of running it. ARGS is the image's command line.
# Environment: QEMU (default qemu-system-aarch64), XEN (default: the image
# scripts/targets/xen/fetch.sh caches).
set -u
shopt -s extglob

here=$(cd "${0%/*}" && pwd)
# shellcheck source=scripts/targets/xen/xen.bash
source "$here/xen.bash"
usage="usage: ${0##*/} [-s SMP] [-t TIMEOUT] [-r] [-f] [-n] IMAGE [ARGS]"

die() {
	printf '%s: %s\n' "${0##*/}" "$1" >&2
	exit 2
}

smp=1 timeout=30 reboot=no filter=0 dry_run=0
while getopts s:t:rfn opt; do
	case $opt in
	s) smp=$OPTARG ;;
	t) timeout=$OPTARG ;;
	r) reboot=yes ;;
	f) filter=1 ;;
	n) dry_run=1 ;;
	*) die "$usage" ;;
	esac
done
shift $((OPTIND - 1))
(($# == 1 || $# == 2)) || die "$usage"
[[ $smp == [1-9]*([0-9]) && $timeout == [1-9]*([0-9]) ]] || die "SMP and TIMEOUT must be positive integers"
[[ -f $1 ]] || die "no image '$1'; build it with make"

xen=${XEN:-$("$here/fetch.sh" --check)} || exit 2
xen_build_command "${QEMU:-qemu-system-aarch64}" "$xen" "$1" "$smp" "${2-}" "$reboot"
if ((dry_run)); then
	printf '%q ' "${xen_command[@]}"
	echo
	exit 0
fi
if ((!filter)); then
	exec timeout -k 2 "$timeout" "${xen_command[@]}" </dev/null
fi
timeout -k 2 "$timeout" "${xen_command[@]}" </dev/null 2>&1 |
	console_print=1 console_interjection=$xen_console_prefix awk -f "$here/../../console-filter.awk"
exit "${PIPESTATUS[0]}"
