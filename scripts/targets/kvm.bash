# kvm: the host kernel's KVM PSCI over HVC on an arm64 host, the image at EL1,
# run by QEMU (-accel kvm -cpu host), or by kvmtool when LKVM names its lkvm.
target_summary="the host kernel's KVM PSCI over HVC, image at EL1 (QEMU -accel kvm, or kvmtool with LKVM=)"
target_deviations=kvm
qemu_machine=virt qemu_memory=256
qemu_accel_words=(-accel kvm -cpu host -machine gic-version=host)

target_probe() {
	host_has_kvm || { explain_missing_kvm; return 1; }
	accel=kvm target_max_smp=$(nproc)
	if [[ -z ${LKVM-} ]]; then
		target_keys="test_args reboot extra_params accel"
		probe_qemu
	else
		# kvmtool ends on a guest reset as on a power-off, and takes no QEMU options.
		target_keys="test_args accel"
		# kvmtool prints its own lines around the guest's: the command it
		# runs at the start, and Info/Warning lines and "# KVM session ended
		# normally." after the guest powers off, which would read as output
		# after SYSTEM_OFF.
		target_console_drop='^[[:space:]]*(# lkvm run |# KVM session ended normally\.$|(Info|Warning|Error|Fatal):)'
		kvm_probe_lkvm
	fi
}

kvm_probe_lkvm() {
	local found
	if [[ $LKVM != */* ]] && found=$(type -P -- "$LKVM"); then
		LKVM=$found
	fi
	[[ -f $LKVM && -x $LKVM ]] && return 0
	unusable_reason="LKVM '$LKVM' is not an executable file"
	unusable_fix="set LKVM=/path/to/lkvm"
	return 1
}

target_command() {
	local name=$1
	if [[ -z ${LKVM-} ]]; then
		qemu_kernel_command "$name"
		return
	fi
	# kvmtool's 8250 UART (ns16550a in its DT) is the console; nothing else
	# is added, so the image sees only memory, CPUs, the GIC and the UART.
	test_command=("$LKVM" run --kernel "$test_dir/${cfg_file[$name]}" -c "${cfg_smp[$name]}" -m 256
		--console serial --nodefaults --network mode=none --params "${cfg_test_args[$name]}")
}
