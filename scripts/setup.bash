# Probes the run environment once per run, never per test: accelerator,
# vCPU limit, the QEMU binary, and the test images (building them if needed).

resolve_accel() {
	local kvm_usable=0
	# HOSTTYPE is the machine uname -m reports, without a process per run.
	[[ $HOSTTYPE == aarch64 && -r /dev/kvm && -w /dev/kvm ]] && kvm_usable=1
	case ${ACCEL-} in
	"") if ((kvm_usable)); then accel=kvm; else accel=tcg; fi ;;
	tcg) accel=tcg ;;
	kvm)
		((kvm_usable)) ||
			die "ACCEL=kvm needs an aarch64 host with read-write /dev/kvm; unset ACCEL to run under tcg"
		accel=kvm ;;
	*) die "ACCEL must be tcg or kvm, got '$ACCEL'" ;;
	esac
}

resolve_max_smp() {
	if [[ -n ${MAX_SMP-} ]]; then
		[[ $MAX_SMP == [1-9]*([0-9]) ]] || die "MAX_SMP must be a positive integer, got '$MAX_SMP'"
		max_smp=$MAX_SMP
	elif [[ $accel == kvm ]]; then
		max_smp=$(nproc)
	else
		# TCG runs any vCPU count; the limit only bounds what one run may cost.
		max_smp=64
	fi
}

resolve_qemu() {
	local found
	qemu=${QEMU-}
	if [[ -z $qemu ]]; then
		ensure_config
		read_config_qemu
	fi
	if [[ $qemu != */* ]] && found=$(type -P -- "$qemu"); then
		qemu=$found
	fi
	[[ -f $qemu && -x $qemu ]] ||
		die "QEMU '$qemu' is not an executable file; apt-get install qemu-system-arm, or set QEMU=/path/to/qemu-system-aarch64"
}

ensure_config() {
	local errors
	[[ -f $srcdir/config.mak ]] && return 0
	errors=$(cd "$srcdir" && ./configure 2>&1 >/dev/null) ||
		die "./configure failed: ${errors##*$'\n'}"
}

read_config_qemu() {
	local line
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line == QEMU=* ]] && qemu=${line#QEMU=}
	done <"$srcdir/config.mak"
	[[ -n $qemu ]] || die "config.mak sets no QEMU; rerun ./configure, or set QEMU=/path/to/qemu-system-aarch64"
}

# make can only help when images are looked up where it writes them.
prepare_images() {
	find_missing_image || return 0
	if [[ $test_dir == "$srcdir/arm" && -f $srcdir/Makefile ]]; then
		ensure_config
		make -s -C "$srcdir" >/dev/null || die "make failed (errors above); fix the build and rerun"
		find_missing_image || return 0
	fi
	cfg_error "${cfg_key_line[$missing_image/file]}" \
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
