#!/usr/bin/env bash
# Puts Debian's Xen 4.17 hypervisor for arm64 into a cache directory
# (apt-get download and dpkg -x: nothing is installed into the system) and
# prints the path of its boot image. Does nothing but the check when the
# cache already holds it.
#
#   scripts/targets/xen/fetch.sh [--check]
#
# --check only looks at the cache: exit 0 and the path if the image is there,
# exit 1 and the command that fetches it if not. Other failures exit 2.
# Environment: XEN_CACHE_DIR (default $XDG_CACHE_HOME/psci-suite/xen, with
# XDG_CACHE_HOME defaulting to ~/.cache).
set -u

package=xen-hypervisor-4.17-arm64:arm64
image_in_package=boot/xen-4.17-arm64
cache=${XEN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/psci-suite/xen}
image=$cache/$image_in_package
self=${0##*/}
fetcher=scripts/targets/xen/fetch.sh

# shellcheck source=scripts/debian-package.bash
source "${0%/*}/../../debian-package.bash"

# Downloads the package into $1 and extracts its boot image there.
download_into() {
	local deb
	if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
		die "needs Debian's apt-get and dpkg-deb; on another system put a Xen 4.17 arm64 Image at $image"
	fi
	download_package "$package" "$1"
	deb=("$1"/*.deb)
	dpkg-deb -x "${deb[0]}" "$1/root" || die "dpkg-deb -x ${deb[0]} failed"
	is_arm64_image "$1/root/$image_in_package" ||
		die "${deb[0]} has no arm64 Image at $image_in_package; the package layout changed"
	dpkg-deb -f "${deb[0]}" Version >"$1/root/version"
}

fetch() {
	mkdir -p "$cache/${image_in_package%/*}" 2>/dev/null || die "cannot create $cache; set XEN_CACHE_DIR to a writable directory"
	# Global: the EXIT trap runs after fetch() has returned.
	staging=$(mktemp -d "$cache/.fetch.XXXXXX" 2>/dev/null) || die "cannot write to $cache; set XEN_CACHE_DIR to a writable directory"
	trap 'rm -rf "$staging"' EXIT
	download_into "$staging"
	# Renames within one file system: a parallel run sees the old file or the new, never half of one.
	mv -f "$staging/root/version" "$cache/version"
	mv -f "$staging/root/$image_in_package" "$image"
}

case ${1-} in
--check)
	is_arm64_image "$image" || die "no Xen image at $image; run: scripts/targets/xen/fetch.sh" 1 ;;
"")
	is_arm64_image "$image" || fetch ;;
*)
	die "usage: $self [--check]" ;;
esac
printf '%s\n' "$image"
