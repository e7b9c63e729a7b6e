#!/usr/bin/env bash
# Installs the Debian packages the suite and its own tests ("make check")
# build and run with, and does nothing when they are all there already.
#
#   scripts/install-deps.sh [--check]
#
# Not root: re-runs itself with sudo when sudo exists, else says to run it as
# root. --check installs nothing: it lists what is missing (one line each)
# and exits 1 if anything is, 0 if nothing is; it needs no root.
# Every other failure is one line on stderr and exit 2.
set -euo pipefail

self=${0##*/}
die() {
	printf '%s: %s\n' "$self" "$1" >&2
	exit 2
}

# Each package with what needs it. The test images are freestanding, but
# psci-vmm (the kvm-nested target) links Debian's arm64 C library, which is
# only a Recommends of the cross compiler.
packages=(
	make                  # the build
	gcc-aarch64-linux-gnu # the images, the monitor and psci-vmm
	libc6-dev-arm64-cross # psci-vmm's C library
	libfdt-dev:arm64      # libfdt.a for arm64 (multiarch: the arm64 architecture)
	qemu-system-arm       # qemu-system-aarch64, every target here runs under it
	dpkg-dev              # the firmware target: dpkg-source unpacks Debian's TF-A source
	libssl-dev            # the firmware target: TF-A's fiptool, built on the host
	gcc                   # make check: the judges' host tests (HOSTCC=cc)
	libc6-dev             # make check: the host C library for them
	perl                  # make check: TAP::Parser reads the runner's TAP
	procps                # make check: pgrep finds processes a test left behind
)

# Sets missing to each package of the list that is not installed, and
# arm64 to 1 when dpkg does not take arm64 packages yet.
find_missing() {
	local p
	arm64=0
	dpkg --print-foreign-architectures | grep -qx arm64 || arm64=1
	missing=()
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
	done
}

case ${1-} in
--check | "") ;;
*) die "usage: $self [--check]" ;;
esac
command -v dpkg-query >/dev/null || die "needs Debian's dpkg and apt-get; elsewhere install what the list in this script names by hand"
find_missing
if [[ ${1-} == --check ]]; then
	((arm64)) && echo "missing: the arm64 architecture in dpkg (dpkg --add-architecture arm64)"
	((${#missing[@]})) && printf 'missing: %s\n' "${missing[@]}"
	((arm64 || ${#missing[@]})) && exit 1
	exit 0
fi
((arm64 || ${#missing[@]})) || exit 0

if [[ $(id -u) -ne 0 ]]; then
	command -v sudo >/dev/null || die "needs root to install ${missing[*]}; run it as root"
	exec sudo -- "$0" "$@"
fi
dpkg --add-architecture arm64
apt-get update -q || die "apt-get update failed (output above); check the network and the apt sources, then rerun"
((${#missing[@]} == 0)) || DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" ||
	die "apt-get install failed (output above); fix what it says, then rerun scripts/install-deps.sh"
