#!/usr/bin/env bash
# Puts what the nested-KVM target's L1 machine boots from into a cache
# directory: Debian's arm64 Linux kernel (an uncompressed arm64 Image, KVM
# built in) and Debian's static busybox for arm64, both taken out of their
# packages with apt-get download and dpkg-deb: nothing is installed into the
# system. Prints the cache directory, which then holds vmlinuz, busybox and
# kernel-version. Does nothing but the check when they are already there.
#
#   scripts/targets/kvm-nested/fetch.sh [--check]
#
# --check only looks at the cache: exit 0 and the directory if it is
# complete, exit 1 and the command that fetches it if not. Other failures
# exit 2. Environment: KVM_NESTED_CACHE_DIR (default
# $XDG_CACHE_HOME/psci-suite/kvm-nested, XDG_CACHE_HOME defaulting to
# ~/.cache); KVM_NESTED_KERNEL, a kernel package to use instead of the one
# linux-image-arm64:arm64 depends on (e.g. linux-image-6.1.0-56-arm64).
set -u

cache=${KVM_NESTED_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/psci-suite/kvm-nested}
self=${0##*/}
fetcher=scripts/targets/kvm-nested/fetch.sh
busybox_package=busybox-static:arm64

# shellcheck source=scripts/debian-package.bash
source "${0%/*}/../../debian-package.bash"

# ELF magic, class 64-bit, machine EM_AARCH64 (183 = 0xb7).
is_arm64_elf() {
	[[ -f $1 && $(od -An -tx1 -N5 "$1" 2>/dev/null) == " 7f 45 4c 46 02" &&
		$(od -An -tx1 -j18 -N2 "$1" 2>/dev/null) == " b7 00" ]]
}

# Cached and, when KVM_NESTED_KERNEL names a kernel, that one.
cache_complete() {
	local version
	is_arm64_image "$cache/vmlinuz" && is_arm64_elf "$cache/busybox" || return 1
	[[ -z ${KVM_NESTED_KERNEL-} ]] && return 0
	read -r version <"$cache/kernel-version" 2>/dev/null && [[ $version == "${KVM_NESTED_KERNEL%:arm64}="* ]]
}

# The kernel package linux-image-arm64:arm64 (the current bookworm kernel) depends on.
kernel_package() {
	local out line
	if [[ -n ${KVM_NESTED_KERNEL-} ]]; then
		printf '%s:arm64\n' "${KVM_NESTED_KERNEL%:arm64}"
		return
	fi
	out=$(apt-cache depends linux-image-arm64:arm64 2>&1) ||
		die "apt-cache does not know linux-image-arm64:arm64; run: $(arm64_lists_fix)"
	while read -r line; do
		[[ $line == "Depends: linux-image-"*"-arm64"* ]] && { printf '%s\n' "${line#Depends: }"; return; }
	done <<<"$out"
	die "linux-image-arm64:arm64 depends on no linux-image-*-arm64 package; set KVM_NESTED_KERNEL to one"
}

# Downloads package $1 into directory $2; a kernel KVM_NESTED_KERNEL names
# that apt does not know is the variable's mistake.
download() {
	if [[ $1 == linux-image-* && -n ${KVM_NESTED_KERNEL-} ]] && ! apt-cache show "$1" >/dev/null 2>&1; then
		die "$1 is not in the package lists; set KVM_NESTED_KERNEL to one apt-cache search linux-image arm64 lists"
	fi
	download_package "$1" "$2"
}

# Extracts member $2 of package file $1 to file $3; only that member is
# unpacked, not the kernel's modules.
extract() {
	if ! dpkg-deb --fsys-tarfile "$1" | tar -xO --wildcards "$2" >"$3" 2>/dev/null || [[ ! -s $3 ]]; then
		die "$1 has no $2; the package layout changed"
	fi
}

fetch() {
	local kernel debs
	if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
		die "needs Debian's apt-get and dpkg-deb; on another system put an arm64 kernel Image at $cache/vmlinuz and a static arm64 busybox at $cache/busybox"
	fi
	mkdir -p "$cache" 2>/dev/null || die "cannot create $cache; set KVM_NESTED_CACHE_DIR to a writable directory"
	staging=$(mktemp -d "$cache/.fetch.XXXXXX") || die "cannot write to $cache; set KVM_NESTED_CACHE_DIR to a writable directory"
	# Global: the EXIT trap runs after fetch() has returned.
	trap 'rm -rf "$staging"' EXIT
	kernel=$(kernel_package) || exit 2
	download "$kernel" "$staging"
	download "$busybox_package" "$staging"
	debs=("$staging"/linux-image-*.deb)
	extract "${debs[0]}" './boot/vmlinuz-*' "$staging/vmlinuz"
	is_arm64_image "$staging/vmlinuz" ||
		die "the vmlinuz of ${debs[0]} is not an uncompressed arm64 Image"
	printf '%s=%s\n' "${kernel%:arm64}" "$(dpkg-deb -f "${debs[0]}" Version)" >"$staging/kernel-version"
	debs=("$staging"/busybox-static_*.deb)
	extract "${debs[0]}" ./bin/busybox "$staging/busybox"
	is_arm64_elf "$staging/busybox" || die "the busybox of ${debs[0]} is not an arm64 executable"
	chmod 755 "$staging/busybox"
	# Renames within one directory: a parallel run sees the old file or the new, never half of one.
	mv -f "$staging/busybox" "$staging/kernel-version" "$staging/vmlinuz" "$cache/"
}

case ${1-} in
--check)
	cache_complete || die "no kernel and busybox in $cache; run: scripts/targets/kvm-nested/fetch.sh" 1 ;;
"")
	cache_complete || fetch ;;
*)
	die "usage: $self [--check]" ;;
esac
printf '%s\n' "$cache"
