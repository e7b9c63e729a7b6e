#!/usr/bin/env bash
# Installs the Debian packages the suite builds and runs with (as root), and
# nothing when they are all there already.
set -euo pipefail

packages=(make gcc-aarch64-linux-gnu qemu-system-arm libfdt-dev:arm64)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps.sh: needs root to install ${missing[*]}; run it with sudo" >&2
	exit 2
fi
# libfdt.a for arm64 comes from the arm64 architecture of the archive (multiarch).
dpkg --add-architecture arm64
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
