# Writes L1's initramfs, a cpio archive in the "newc" format the kernel
# unpacks (Documentation/driver-api/early-userspace/buffer-format.rst), with
# nothing but bash and coreutils: no cpio program, no root for /dev/console.

# newc pads the header plus name, and the data, to multiples of 4 bytes.
cpio_pad() {
	local n=$(((4 - $1 % 4) % 4))
	((n == 0)) || head -c "$n" /dev/zero
}

# Writes entry $1 (path in the archive) with mode $2 (octal, type bits
# included) and device $3:$4, its data from file $5 if given.
cpio_entry() {
	local name=$1 mode=$2 major=$3 minor=$4 file=${5-} size=0
	[[ -n $file ]] && size=$(stat -L -c %s "$file")
	# magic, ino, mode, uid, gid, nlink, mtime, filesize, devmajor,
	# devminor, rdevmajor, rdevminor, namesize, check
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		"$cpio_ino" "$((8#$mode))" 0 0 1 0 "$size" 0 0 "$major" "$minor" "$((${#name} + 1))" 0
	printf '%s\0' "$name"
	cpio_pad $((110 + ${#name} + 1))
	cpio_ino=$((cpio_ino + 1))
	[[ -n $file ]] || return 0
	cat "$file"
	cpio_pad "$size"
}

cpio_dir() { cpio_entry "$1" 040755 0 0; }
cpio_file() { cpio_entry "$1" 100755 0 0 "$2"; }

# Writes to stdout the initramfs with busybox $1, psci-vmm $2, /init $3,
# /manifest.sh $4 and the test images $5...: each goes to /tests by its
# file name.
write_initramfs() {
	local busybox=$1 vmm=$2 init=$3 manifest=$4 image dir
	shift 4
	cpio_ino=1
	cpio_dir .
	for dir in bin dev proc sys tests; do
		cpio_dir "$dir"
	done
	cpio_entry dev/console 020600 5 1
	cpio_file bin/busybox "$busybox"
	cpio_file bin/psci-vmm "$vmm"
	cpio_file init "$init"
	cpio_file manifest.sh "$manifest"
	for image; do
		cpio_file "tests/${image##*/}" "$image"
	done
	cpio_entry 'TRAILER!!!' 0 0 0
}

# Sets initramfs to a file in directory $1 holding the initramfs of the
# remaining arguments (as write_initramfs takes them), building it only when
# no initramfs with the same content is there. The name is a hash of the
# content, so parallel runs never share a half-written file.
cached_initramfs() {
	local dir=$1 key tmp
	shift
	key=$({ printf '%s\n' "${@##*/}"; cat "$@"; } | sha256sum) || return 1
	key=${key%% *}
	initramfs=$dir/initramfs-${key:0:16}.cpio
	[[ -f $initramfs ]] && return 0
	tmp=$(mktemp "$dir/.initramfs.XXXXXX") || return 1
	if ! write_initramfs "$@" >"$tmp"; then
		rm -f "$tmp"
		return 1
	fi
	# Earlier runs' archives are kept only until a new one is needed.
	find "$dir" -maxdepth 1 -name 'initramfs-*.cpio' -mmin +60 -delete 2>/dev/null
	mv -f "$tmp" "$initramfs"
}
