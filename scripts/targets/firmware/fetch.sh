#!/usr/bin/env bash
# Builds Trusted Firmware-A's QEMU port from Debian's own source package
# (apt-get source through a private apt configuration in the cache: the
# system's sources are not touched) into a flash image for the firmware
# target, and prints its path. Does nothing but the check when the cache
# already holds that build of that source.
#
#   scripts/targets/firmware/fetch.sh [--check] [BUILD]
#
# BUILD (default: $FIRMWARE_BUILD, else default) is the one build there is:
#   default   PLAT=qemu with the test image as a preloaded Linux-style BL33
# An optional-functions build cannot be made from this source: 2.8 has no
# OS-initiated mode, its QEMU port no SYSTEM_SUSPEND, MEM_PROTECT or
# NODE_HW_STATE, and ENABLE_PSCI_STAT=1 (with ENABLE_PMF=1) fails to link
# there, since the port does not build plat/common/plat_psci_common.c, which
# has the accounting hooks PSCI_STAT needs; "optional" says so and fails.
# Writes, in the cache's BUILD/: flash.bin (BL1 at 0, the FIP at 256 KiB),
# options (the make command), version (the source package's), max-smp (the
# CPUs it can run under QEMU virt), seconds (how long the build took) and
# build.log.
# --check only looks at the cache: exit 0 and the path if the build is there,
# exit 1 and the command that makes it if not. Other failures exit 2.
# Environment: FIRMWARE_CACHE_DIR (default $XDG_CACHE_HOME/psci-suite/firmware,
# XDG_CACHE_HOME defaulting to ~/.cache), FIRMWARE_SUITE (the Debian suite
# whose source is built, default bookworm), FIRMWARE_MIRROR (default
# http://deb.debian.org/debian).
set -u
shopt -s nullglob

package=arm-trusted-firmware
suite=${FIRMWARE_SUITE:-bookworm}
mirror=${FIRMWARE_MIRROR:-http://deb.debian.org/debian}
cache=${FIRMWARE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/psci-suite/firmware}
self=${0##*/}
fetcher=scripts/targets/firmware/fetch.sh

# shellcheck source=scripts/debian-package.bash
source "${0%/*}/../../debian-package.bash"

# Where TF-A's QEMU port enters a preloaded BL33 (the firmware target loads the image there).
bl33_base=0x60000000
# The FIP's offset in flash, where the port's BL1 looks for it.
fip_offset_blocks=64

# Sets make_words to the make arguments of build $1.
build_options() {
	make_words=(CROSS_COMPILE=aarch64-linux-gnu- PLAT=qemu ARM_LINUX_KERNEL_AS_BL33=1
		PRELOADED_BL33_BASE=$bl33_base)
	case $1 in
	default) ;;
	optional) die "TF-A 2.8's QEMU port cannot build ENABLE_PSCI_STAT (it lacks plat/common/plat_psci_common.c's hooks) and has no other optional function: no optional build from Debian's $suite source" ;;
	*) die "unknown build '$1': the build is default" ;;
	esac
}

apt_words() {
	apt_options=(-q -o "Dir::Etc::sourcelist=$cache/apt/sources.list" -o Dir::Etc::sourceparts=-
		-o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt/cache"
		-o "Dir::State::status=$cache/apt/status")
}

# The source package, unpacked once into $cache/src; sets source_dir.
fetch_source() {
	local out dirs
	dirs=("$cache"/src/"$package"-*/)
	if ((${#dirs[@]})); then
		source_dir=${dirs[0]%/}
		return 0
	fi
	for tool in apt-get dpkg-source aarch64-linux-gnu-gcc make cc; do
		command -v "$tool" >/dev/null || die "needs $tool to build TF-A; run: scripts/install-deps.sh"
	done
	mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial" "$cache/src" 2>/dev/null ||
		die "cannot create $cache; set FIRMWARE_CACHE_DIR to a writable directory"
	printf 'deb-src %s %s main\n' "$mirror" "$suite" >"$cache/apt/sources.list"
	: >"$cache/apt/status"
	apt_words
	out=$(apt-get "${apt_options[@]}" update 2>&1) ||
		die "apt-get update of the private deb-src list failed (${out##*$'\n'}); run: $fetcher again once $mirror can be reached"
	out=$(cd "$cache/src" && apt-get "${apt_options[@]}" source "$package" 2>&1) ||
		die "apt-get source $package failed (${out##*$'\n'}); run: $fetcher again once $mirror can be reached"
	dirs=("$cache"/src/"$package"-*/)
	((${#dirs[@]})) || die "apt-get source $package unpacked nothing in $cache/src"
	source_dir=${dirs[0]%/}
}

# Builds $1 into $cache/$1 from source_dir.
build() {
	local out=$cache/$1 started=$SECONDS log
	build_options "$1"
	mkdir -p "$out" || die "cannot write to $out; set FIRMWARE_CACHE_DIR to a writable directory"
	log=$out/build.log
	# Debian's rules pass the linker flag this way: as a make argument it would
	# replace TF-A's own flags. bookworm's binutils warns of RWX segments, an error there.
	if ! TF_LDFLAGS=--no-warn-rwx-segments make -C "$source_dir" -j "$(nproc)" BUILD_BASE="$out/build" \
		"${make_words[@]}" all fip >"$log" 2>&1; then
		die "the TF-A build $1 failed ($(grep -m 1 -iE 'error' "$log")); all of it in $log"
	fi
	make_flash "$out/build/qemu/release" "$out/flash.bin.tmp" && mv -f "$out/flash.bin.tmp" "$out/flash.bin"
	printf '%s\n' "$options" >"$out/options"
	dpkg-parsechangelog -l "$source_dir/debian/changelog" -S Version >"$out/version" 2>/dev/null ||
		basename "$source_dir" >"$out/version"
	cores_per_cluster >"$out/max-smp"
	echo $((SECONDS - started)) >"$out/seconds"
}

# How many CPUs the build can run under QEMU virt, which numbers up to 8 CPUs
# 0x0-0x7 in cluster 0: the cores the port puts in a cluster
# (PLATFORM_MAX_CPUS_PER_CLUSTER of its platform_def.h, as the build's own
# preprocessor reads it); the others it takes for MPIDRs no core has.
cores_per_cluster() {
	local words n
	words=$(printf '#include <platform_def.h>\ncores_per_cluster PLATFORM_MAX_CPUS_PER_CLUSTER\n' |
		aarch64-linux-gnu-cpp -P -DARM_ARCH_MAJOR=8 -D__aarch64__ -I"$source_dir/include" \
			-I"$source_dir/include/arch/aarch64" -I"$source_dir/include/lib/libc" \
			-I"$source_dir/include/lib/libc/aarch64" -I"$source_dir/plat/qemu/qemu/include" \
			-I"$source_dir/plat/qemu/common/include" -I"$source_dir/include/plat/arm/common" \
			-I"$source_dir/include/plat/common" - 2>/dev/null | grep '^cores_per_cluster ')
	n=${words//[!0-9]/}
	[[ -n $n ]] || die "cannot read PLATFORM_MAX_CPUS_PER_CLUSTER from the port's platform_def.h"
	echo "$n"
}

# BL1 at the start of flash, the FIP at 256 KiB (the port's flash layout), from directory $1 into $2.
make_flash() {
	[[ -f $1/bl1.bin && -f $1/fip.bin ]] || die "the build left no bl1.bin and fip.bin in $1"
	dd if=/dev/zero of="$2" bs=1M count=64 status=none &&
		dd if="$1/bl1.bin" of="$2" bs=4096 conv=notrunc status=none &&
		dd if="$1/fip.bin" of="$2" seek="$fip_offset_blocks" bs=4096 conv=notrunc status=none ||
		die "cannot write $2"
}

check_only=0
[[ ${1-} == --check ]] && check_only=1 && shift
(($# <= 1)) || die "usage: $self [--check] [BUILD]"
name=${1:-${FIRMWARE_BUILD:-default}}
build_options "$name"
flash=$cache/$name/flash.bin
options="make ${make_words[*]} all fip (TF_LDFLAGS=--no-warn-rwx-segments)"
# A build made with other options than this script's is made again.
if [[ ! -s $flash || ! -s $cache/$name/max-smp || $(cat "$cache/$name/options" 2>/dev/null) != "$options" ]]; then
	((check_only)) && die "no TF-A build $name at $flash; run: $fetcher $name" 1
	fetch_source
	build "$name"
fi
printf '%s\n' "$flash"
