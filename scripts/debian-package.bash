# What the scripts that take a file out of a Debian package into the suite's
# cache share (scripts/targets/xen/fetch.sh, scripts/targets/kvm-nested/fetch.sh): one-line
# errors, the arm64 Image test and apt-get download with its errors
# explained. The sourcing script sets self, its own name for messages, and
# fetcher, its path in the suite (scripts/targets/xen/fetch.sh).

# Prints "$self: $1" on stderr and exits $2 (default 2). A message ends
# "; run: COMMAND" when one command fixes it: the runner's target probes
# show that part as the fix.
die() {
	printf '%s: %s\n' "$self" "$1" >&2
	exit "${2:-2}"
}

# An arm64 Linux Image carries "ARM\x64" at offset 0x38; Xen's does too.
is_arm64_image() {
	[[ -f $1 && $(od -An -tx1 -j56 -N4 "$1" 2>/dev/null) == " 41 52 4d 64" ]]
}

# The command that lets apt find arm64 packages: the arm64 architecture
# first (install-deps.sh adds it), else fresh package lists.
arm64_lists_fix() {
	if dpkg --print-foreign-architectures 2>/dev/null | grep -qx arm64; then
		echo "apt-get update (as root)"
	else
		echo "scripts/install-deps.sh"
	fi
}

# Downloads package $1 into directory $2.
download_package() {
	local out
	out=$(cd "$2" && apt-get download -q "$1" 2>&1) && return 0
	case $out in
	*"Unable to locate package"* | *"No packages found"* | *"Can't select"*)
		die "$1 is not in the package lists; run: $(arm64_lists_fix)" ;;
	*) die "apt-get download $1 failed (${out##*$'\n'}); run: $fetcher again once the archive can be reached (network, apt's sources)" ;;
	esac
}
