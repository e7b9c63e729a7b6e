#!/usr/bin/env bash
# Runs a batch of test images under real KVM, nested in QEMU TCG: builds L1's
# initramfs (busybox, psci-vmm, the images and the list of runs), boots L1
# once, lets its /init (init.sh) run every image under psci-vmm, and splits
# L1's console into one log per test as each test ends. Tests with no more
# vCPUs than L1 has CPUs share L1, one per L1 CPU at a time; the others then
# run one at a time. Tests therefore end, and are reported, out of order.
#
#   scripts/targets/kvm-nested/run-batch.sh [-n] LIST LOGDIR
#
# LIST is a file (- for stdin) with one test per line, six fields separated
# by tabs, TEST_ARGS possibly empty:
#   NAME  IMAGE  SMP  TEST_ARGS  TIMEOUT  REBOOT
# NAME is [A-Za-z0-9_-]+, once per list; IMAGE a path (images are told
# apart by file name); TIMEOUT seconds (psci-vmm's -timeout); REBOOT yes (a
# reset boots the image again, RAM kept) or no (a reset ends the run).
#
# Writes, in LOGDIR: NAME.log, a first line with the command that ran the
# image inside L1, then the image's console ("\r\n" line ends as the image
# wrote them; psci-vmm's own lines start "VMM: "); kvm-nested.l1.log, L1's
# whole console. Prints on stdout, as each test ends:
#   test NAME STATUS SECONDS
# STATUS is psci-vmm's exit status (0 after a system event, 124 when its
# timeout fired, 1 on its errors) or "lost" when L1 ended before the test did
# (SECONDS is then "-"); and once L1 is off:
#   l1 STATUS READY WALL
# L1's QEMU exit status (124: the batch's own bound, all timeouts plus L1's
# boot budget, fired), seconds from QEMU's start to L1 ready, and in all.
# -n prints L1's QEMU command and /manifest.sh instead of running them.
# Exit status: 0 when every test ended, 1 when some were lost, 2 on usage
# and setup errors (one line on stderr: what is wrong and what to do).
# Environment: QEMU; KVM_NESTED_CACHE_DIR and KVM_NESTED_KERNEL (see
# fetch.sh); KVM_NESTED_L1_SMP, KVM_NESTED_L1_MEMORY (MiB),
# KVM_NESTED_L1_APPEND (more L1 kernel arguments); KVM_NESTED_PSCI_VERSION
# (the PSCI version KVM offers every image, e.g. 1.0; default: KVM's own).
set -u
shopt -s extglob

here=$(cd "${0%/*}" && pwd)
top=${here%/scripts/targets/kvm-nested}
# shellcheck source=scripts/targets/kvm-nested/kvm-nested.bash
source "$here/kvm-nested.bash"
# shellcheck source=scripts/targets/kvm-nested/initramfs.bash
source "$here/initramfs.bash"

self=${0##*/}
usage="usage: $self [-n] LIST LOGDIR"

die() {
	printf '%s: %s\n' "$self" "$1" >&2
	exit 2
}

names=() images=() smps=() test_args=() timeouts=() reboots=()
declare -A image_by_file=() index_of=()

# Adds list line $2 (line number $1) to the tests.
add_test() {
	local number=$1 line=$2 tabs fields=() rest i
	tabs=${line//[!$'\t']/}
	((${#tabs} == 5)) || die "$list:$number: want 6 tab-separated fields (NAME IMAGE SMP TEST_ARGS TIMEOUT REBOOT)"
	rest=$line
	for i in 1 2 3 4 5; do
		fields+=("${rest%%$'\t'*}")
		rest=${rest#*$'\t'}
	done
	fields+=("$rest")
	[[ ${fields[0]} == +([A-Za-z0-9_-]) ]] || die "$list:$number: bad test name '${fields[0]}'"
	[[ -f ${fields[1]} ]] || die "$list:$number: no image '${fields[1]}'; build it with make"
	[[ ${fields[2]} == [1-9]*([0-9]) && ${fields[4]} == [1-9]*([0-9]) ]] ||
		die "$list:$number: SMP and TIMEOUT must be positive integers"
	[[ ${fields[5]} == yes || ${fields[5]} == no ]] || die "$list:$number: REBOOT must be yes or no"
	[[ -z ${index_of[${fields[0]}]-} ]] || die "$list:$number: test ${fields[0]} is listed twice"
	index_of[${fields[0]}]=${#names[@]}
	i=${fields[1]##*/}
	[[ ${image_by_file[$i]-${fields[1]}} -ef ${fields[1]} ]] ||
		die "$list:$number: two images named $i (${image_by_file[$i]} and ${fields[1]})"
	image_by_file[$i]=${fields[1]}
	names+=("${fields[0]}") images+=("$i") smps+=("${fields[2]}") test_args+=("${fields[3]}")
	timeouts+=("${fields[4]}") reboots+=("${fields[5]}")
}

read_list() {
	local line number=0
	while IFS= read -r line || [[ -n $line ]]; do
		number=$((number + 1))
		add_test "$number" "$line"
	done
	((${#names[@]})) || die "$list: no tests"
}

# Sets vmm_lines, the psci-vmm command of each test quoted for L1's shell,
# and manifest_lines, the run_test line of each for L1's /manifest.sh.
make_manifest() {
	local i word mode vmm_words
	vmm_lines=() manifest_lines=()
	for i in "${!names[@]}"; do
		kvm_nested_vmm_words "${images[i]}" "${smps[i]}" "${timeouts[i]}" "${reboots[i]}" "${test_args[i]}"
		vmm_lines[i]=""
		for word in "${vmm_words[@]}"; do
			vmm_lines[i]+="${vmm_lines[i]:+ }$(sh_quote "$word")"
		done
		mode=shared
		((smps[i] > kvm_nested_l1_smp)) && mode=alone
		manifest_lines[i]="run_test $mode ${names[i]} ${vmm_lines[i]}"
	done
}

find_qemu() {
	local line
	qemu=${QEMU-}
	if [[ -z $qemu && -f $top/config.mak ]]; then
		while IFS= read -r line; do
			[[ $line == QEMU=* ]] && qemu=${line#QEMU=}
		done <"$top/config.mak"
	fi
	qemu=${qemu:-qemu-system-aarch64}
	command -v "$qemu" >/dev/null || die "no QEMU '$qemu'; run: sudo apt-get install qemu-system-arm (or set QEMU)"
}

# Centiseconds from /proc/uptime's "S.CC".
centiseconds() {
	local s=${1%.*} c=${1#*.}
	echo $((10#$s * 100 + 10#${c:0:2}))
}

# Seconds with two decimals from microseconds $1.
format_us() {
	printf '%d.%02d' $(($1 / 1000000)) $(($1 / 10000 % 100))
}

seconds_between() {
	local d=$(($(centiseconds "$2") - $(centiseconds "$1")))
	printf '%d.%02d' $((d / 100)) $((d % 100))
}

# Test $1 (an index) has begun: its log gets the command as first line.
begin_test() {
	current=$1
	exec 3>"$log_dir/${names[current]}.log"
	printf 'kvm-nested (%s in L1 %s): %s\n' "${names[current]}" "$kernel_version" "${vmm_lines[current]}" >&3
}

# The test running has ended with status $1 at uptime $2.
end_test() {
	exec 3>&-
	ended[current]=1
	printf 'test %s %s %s\n' "${names[current]}" "$1" "$(seconds_between "$begun_at" "$2")"
	current=""
}

# Reads L1's console on stdin: the markers of /init (scripts/targets/kvm-nested/init.sh)
# say which test's log a line belongs to.
split_console() {
	local line text prefix marker name
	current=""
	exec 4>"$log_dir/kvm-nested.l1.log"
	while IFS= read -r line || [[ -n $line ]]; do
		printf '%s\n' "$line" >&4
		text=${line%$'\r'}
		[[ $text == *"=== kvm-nested "* ]] || { [[ -n $current ]] && printf '%s\n' "$line" >&3; continue; }
		# A marker after output without a line end: the output is the test's.
		prefix=${text%%=== kvm-nested *}
		[[ -n $prefix && -n $current ]] && printf '%s\n' "$prefix" >&3
		marker=${text#"$prefix"=== kvm-nested }
		read -r -a words <<<"$marker"
		case ${words[0]} in
		READY) ready_us=$((${EPOCHREALTIME/[.,]/} - start)) ;;
		BEGIN)
			name=${words[1]}
			[[ -n ${index_of[$name]-} && -z ${ended[index_of[$name]]-} ]] || continue
			begin_test "${index_of[$name]}"
			begun_at=${words[3]} ;;
		END) [[ -n $current && ${words[1]} == "${names[current]}" ]] && end_test "${words[3]}" "${words[5]}" ;;
		ERROR) printf '%s: L1: %s\n' "$self" "${marker#ERROR }" >&2 ;;
		esac
	done
	exec 4>&-
}

# Every test without an END: its log says why, stdout says "lost".
report_lost() {
	local i
	for i in "${!names[@]}"; do
		[[ -n ${ended[i]-} ]] && continue
		lost=1
		if [[ $i == "$current" ]]; then
			printf 'kvm-nested: L1 ended while this test ran; see kvm-nested.l1.log\n' >&3
			exec 3>&-
		else
			printf 'kvm-nested: L1 ended before this test ran; see kvm-nested.l1.log\n' >"$log_dir/${names[i]}.log"
		fi
		printf 'test %s lost -\n' "${names[i]}"
	done
}

run_l1() {
	local bound=$kvm_nested_l1_boot_budget l1_pid status i
	for i in "${!timeouts[@]}"; do
		bound=$((bound + timeouts[i] + 5))
	done
	mkfifo "$work/console" || die "cannot make a FIFO in $work"
	start=${EPOCHREALTIME/[.,]/}
	timeout -k 2 "$bound" "${l1_words[@]}" </dev/null >"$work/console" 2>&1 &
	l1_pid=$!
	trap 'kill -TERM "$l1_pid" 2>/dev/null' TERM INT
	ready_us=0 lost=0
	ended=()
	split_console <"$work/console"
	wait "$l1_pid"
	status=$?
	report_lost
	printf 'l1 %s %s %s\n' "$status" "$(format_us "$ready_us")" "$(format_us $((${EPOCHREALTIME/[.,]/} - start)))"
}

dry_run=0
while getopts n opt; do
	case $opt in
	n) dry_run=1 ;;
	*) die "$usage" ;;
	esac
done
shift $((OPTIND - 1))
(($# == 2)) || die "$usage"
list=$1 log_dir=$2
if [[ $list == - ]]; then
	read_list
else
	[[ -f $list ]] || die "no list '$list'"
	read_list <"$list"
fi
make_manifest
find_qemu
cache=$("$here/fetch.sh" --check) || exit 2
read -r kernel_version <"$cache/kernel-version"
if ((dry_run)); then
	kvm_nested_l1_words "$qemu" "$cache/vmlinuz" INITRAMFS
	printf '%q ' "${l1_words[@]}"
	printf '\n'
	printf '%s\n' "${manifest_lines[@]}"
	exit 0
fi
kvm_nested_build_vmm "$top" || die "$kvm_nested_error; fix: make vmm shows the errors"
mkdir -p "$log_dir" || die "cannot create $log_dir"
work=$(mktemp -d) || die "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT
printf '%s\n' "${manifest_lines[@]}" >"$work/manifest.sh"
cached_initramfs "$cache" "$cache/busybox" "$top/build/vmm/psci-vmm" "$here/init.sh" "$work/manifest.sh" \
	"${image_by_file[@]}" || die "cannot write the initramfs into $cache"
kvm_nested_l1_words "$qemu" "$cache/vmlinuz" "$initramfs"
run_l1
exit $((lost))
