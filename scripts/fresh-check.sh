#!/usr/bin/env bash
# Proves README.md's quick start on a bare machine: a minimal Debian root made
# by debootstrap, a clean export of HEAD (git archive: nothing untracked) in
# it, and there, each in a fresh shell as root, exactly the two commands of
# README.md's "Quick start" block, read from README.md itself. Fails when the
# commands cannot be read or either one fails. Needs root (chroot, mount).
#
#   scripts/fresh-check.sh [-n]       (also: make fresh-check)
#
# -n prints the two commands it would run, one a line, and exits.
# The debootstrap result is cached as a tarball, and the packages apt
# downloads in the root are kept beside it, so a rerun downloads nothing twice
# but installs everything anew. Environment: FRESH_CACHE_DIR (default
# $XDG_CACHE_HOME/psci-suite/fresh-root, XDG_CACHE_HOME defaulting to
# ~/.cache), FRESH_SUITE (default bookworm), FRESH_MIRROR (default
# http://deb.debian.org/debian).
set -euo pipefail

self=${0##*/}
top=$(cd "${0%/*}/.." && pwd)
suite=${FRESH_SUITE:-bookworm}
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
cache=${FRESH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/psci-suite/fresh-root}
tarball=$cache/$suite-minbase.tar
archives=$cache/apt-archives

die() {
	printf '%s: %s\n' "$self" "$1" >&2
	exit 2
}

# Sets quick_start to the command lines of the first code block under
# README $1's "## Quick start" heading, each without its trailing comment.
read_quick_start() {
	local line section=0 block=0
	quick_start=()
	while IFS= read -r line; do
		case $section$block in
		0?) [[ $line == "## Quick start" ]] && section=1 ;;
		10) [[ $line == '```'* ]] && block=1 ;;
		11)
			[[ $line == '```' ]] && break
			line=${line%%[[:space:]]#*}
			line=${line%"${line##*[![:space:]]}"}
			[[ -n $line ]] && quick_start+=("$line") ;;
		esac
	done <"$1"
	((${#quick_start[@]} == 2)) ||
		die "$1: want two commands in the first code block under '## Quick start', found ${#quick_start[@]}"
}

seconds_since() { echo $((SECONDS - $1)); }

# The tarball of a fresh debootstrap, made once.
ensure_tarball() {
	local staging started=$SECONDS
	[[ -s $tarball ]] && return 0
	command -v debootstrap >/dev/null || die "needs debootstrap; run: apt-get install debootstrap"
	staging=$(mktemp -d "$cache/.debootstrap.XXXXXX") || die "cannot write to $cache; set FRESH_CACHE_DIR"
	debootstrap --variant=minbase "$suite" "$staging/root" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
		die "debootstrap $suite failed; see $cache/debootstrap.log"
	tar -C "$staging/root" -cf "$staging/root.tar" . || die "cannot write the tarball in $cache"
	mv -f "$staging/root.tar" "$tarball"
	rm -rf --one-file-system "$staging"
	echo "$self: debootstrap --variant=minbase $suite: $(seconds_since "$started") s (cached in $tarball)"
}

# The root as a new Debian installation has it: the suite's main, updates
# and security sources, name resolution, and nothing of this machine else.
make_root() {
	root=$(mktemp -d "$cache/root.XXXXXX") || die "cannot write to $cache; set FRESH_CACHE_DIR"
	trap remove_root EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	tar -C "$root" -xf "$tarball" || die "cannot unpack $tarball; remove it and rerun"
	cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
SOURCES
	cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	mkdir -p "$archives"
	# Hard links where the cache and the root share a file system.
	find "$archives" -maxdepth 1 -name '*.deb' -exec cp -l -t "$root/var/cache/apt/archives" {} + 2>/dev/null ||
		find "$archives" -maxdepth 1 -name '*.deb' -exec cp -t "$root/var/cache/apt/archives" {} +
	mkdir -p "$root/root/psci-suite"
	git -C "$top" archive --format=tar HEAD | tar -C "$root/root/psci-suite" -xf - ||
		die "git archive HEAD failed; run it in a git checkout of the suite"
	mount -t proc proc "$root/proc" || die "cannot mount /proc in the root; run it as root where mount is allowed"
}

# Every process still running in the root, then the root itself; the
# packages apt downloaded there stay in the cache.
remove_root() {
	local link pid
	for link in /proc/[0-9]*/root; do
		[[ $(readlink "$link" 2>/dev/null) == "$root" ]] || continue
		pid=${link#/proc/}
		kill -KILL "${pid%/root}" 2>/dev/null || true
	done
	find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -newer "$tarball" \
		-exec cp -n -t "$archives" {} + 2>/dev/null || true
	umount "$root/proc" 2>/dev/null || true
	if mountpoint -q "$root/proc"; then
		echo "$self: $root/proc is still mounted; left $root in place" >&2
		return
	fi
	rm -rf --one-file-system "$root"
}

# Runs command line $1 in a fresh login shell of the root, in the export.
run_in_root() {
	local started=$SECONDS status=0
	echo "$self: # $1"
	chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		/bin/bash -c "cd /root/psci-suite && $1" </dev/null || status=$?
	echo "$self: exit $status after $(seconds_since "$started") s: $1"
	return "$status"
}

main() {
	local started=$SECONDS line
	(($# == 0)) || [[ $# == 1 && $1 == -n ]] || die "usage: $self [-n]"
	read_quick_start "$top/README.md"
	if [[ ${1-} == -n ]]; then
		printf '%s\n' "${quick_start[@]}"
		return
	fi
	[[ $(id -u) -eq 0 ]] || die "needs root for chroot and mount; run it as root"
	mkdir -p "$cache" || die "cannot create $cache; set FRESH_CACHE_DIR"
	ensure_tarball
	make_root
	echo "$self: fresh $suite root with HEAD in $(seconds_since "$started") s"
	for line in "${quick_start[@]}"; do
		run_in_root "$line" || { echo "$self: FAILED: $line" >&2; exit 1; }
	done
	echo "$self: the quick start passed in a fresh $suite root ($(seconds_since "$started") s)"
}

main "$@"
