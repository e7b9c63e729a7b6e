# What the targets that run QEMU share: finding the binary, the accelerator,
# and the one QEMU process a test runs as. Nothing is probed per test. A
# target using them sets qemu_machine (the -machine value) and qemu_memory
# (MiB), and qemu_accel_words (accelerator and CPU) or calls probe_qemu_accel.

# HOSTTYPE is the machine uname -m reports, without a process per run.
host_has_kvm() { [[ $HOSTTYPE == aarch64 && -r /dev/kvm && -w /dev/kvm ]]; }

# Sets unusable_reason and unusable_fix for a host without usable KVM.
explain_missing_kvm() {
	if [[ $HOSTTYPE != aarch64 ]]; then
		unusable_reason="KVM for arm64 guests needs an arm64 host, this one is $HOSTTYPE"
		unusable_fix="none on this host; run on an arm64 host with KVM"
	elif [[ ! -e /dev/kvm ]]; then
		unusable_reason="no /dev/kvm: the host kernel has no KVM or was not entered at EL2"
		unusable_fix="sudo modprobe kvm"
	else
		unusable_reason="/dev/kvm is not readable and writable by this user"
		unusable_fix="sudo usermod -aG kvm $USER (then log in again)"
	fi
}

# ACCEL for the targets that run QEMU's own PSCI: tcg unless asked for kvm,
# where the PSCI met is then the host kernel's.
probe_qemu_accel() {
	unusable_fix="unset ACCEL"
	case ${ACCEL:-tcg} in
	tcg) accel=tcg qemu_accel_words=(-accel tcg -cpu max) ;;
	kvm)
		if ! host_has_kvm; then
			unusable_reason="ACCEL=kvm needs an aarch64 host with read-write /dev/kvm"
			return 1
		fi
		accel=kvm target_deviations=kvm target_max_smp=$(nproc)
		qemu_accel_words=(-accel kvm -cpu host -machine gic-version=host) ;;
	*)
		unusable_reason="ACCEL must be tcg or kvm, got '$ACCEL'"
		return 1 ;;
	esac
	target_keys="test_args reboot extra_params accel"
}

# Sets qemu to QEMU, else config.mak's QEMU= (running ./configure first when
# a run needs it and config.mak is missing), else qemu-system-aarch64.
probe_qemu() {
	local found
	qemu=${QEMU-}
	if [[ -z $qemu ]]; then
		((listing_targets)) || ensure_config
		[[ -f $srcdir/config.mak ]] && read_config_qemu
		qemu=${qemu:-qemu-system-aarch64}
	fi
	if [[ $qemu != */* ]] && found=$(type -P -- "$qemu"); then
		qemu=$found
	fi
	[[ -f $qemu && -x $qemu ]] && return 0
	unusable_reason="QEMU '$qemu' is not an executable file"
	if [[ -n ${QEMU-} ]]; then
		unusable_fix="set QEMU=/path/to/qemu-system-aarch64"
	else
		unusable_fix="apt-get install qemu-system-arm"
	fi
	return 1
}

# Sets test_command to QEMU with the machine of test $1 and no image yet.
qemu_machine_command() {
	local name=$1 smp=${cfg_smp[$1]}
	test_command=("$qemu" -nodefaults -machine "$qemu_machine" "${qemu_accel_words[@]}")
	# The default GICv2 addresses at most 8 CPUs.
	((smp > 8)) && [[ $accel == tcg ]] && test_command+=(-machine gic-version=3)
	test_command+=(-m "$qemu_memory" -smp "$smp" -display none -serial stdio)
	# A guest reset ends the run unless the test needs the boot after it.
	[[ ${cfg_reboot[$name]} == yes ]] || test_command+=(-no-reboot)
}

# Sets test_command to QEMU booting test $1's image with -kernel.
qemu_kernel_command() {
	local name=$1
	qemu_machine_command "$name"
	test_command+=(-kernel "$test_dir/${cfg_file[$name]}")
	[[ -n ${cfg_test_args[$name]} ]] && test_command+=(-append "${cfg_test_args[$name]}")
	add_extra_params "$name"
}

add_extra_params() {
	split_shell_words "${cfg_extra_params[$1]}"
	test_command+=("${shell_words[@]}")
}
