# Prepares the build once per run, never per test: config.mak (running
# ./configure when it is missing) and the test images (building them if needed).

ensure_config() {
	local errors
	[[ -f $srcdir/config.mak ]] && return 0
	errors=$(cd "$srcdir" && ./configure 2>&1 >/dev/null) ||
		die "./configure failed: ${errors##*$'\n'}"
}

# Sets qemu to config.mak's QEMU= if it has one.
read_config_qemu() {
	local line
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line == QEMU=* ]] && qemu=${line#QEMU=}
	done <"$srcdir/config.mak"
}

# make can only help when images are looked up where it writes them.
prepare_images() {
	find_missing_image || return 0
	if [[ $test_dir == "$srcdir/arm" && -f $srcdir/Makefile ]]; then
		ensure_config
		make -s -C "$srcdir" >/dev/null || die "make failed (errors above); fix the build and rerun"
		find_missing_image || return 0
	fi
	cfg_error "${cfg_file_line[$missing_image]}" \
		"image '$test_dir/${cfg_file[$missing_image]}' not found; build it with make, or set TESTDIR"
}

# Sets missing_image to the first selected test whose image does not exist.
find_missing_image() {
	local name
	for name in "${selected[@]}"; do
		[[ -f $test_dir/${cfg_file[$name]} ]] || { missing_image=$name; return 0; }
	done
	return 1
}
