# The nested-KVM target's pieces, for scripts/targets/kvm-nested/run-batch.sh and for
# the runner's target file: the L1 machine (Debian's arm64 kernel under QEMU
# TCG with EL2, so that its KVM works) and the psci-vmm command line each
# test image runs with inside it.

# The variables set here are for the script that sources this file.
# shellcheck disable=SC2034

# L1's vCPUs and RAM. Two vCPUs match a two-core host: more TCG threads
# than host cores only share the same cores.
kvm_nested_l1_smp=${KVM_NESTED_L1_SMP:-2}
kvm_nested_l1_memory=${KVM_NESTED_L1_MEMORY:-1024}
# Seconds L1 may take from QEMU's start to running its first test.
kvm_nested_l1_boot_budget=60

# Sets vmm_words to the psci-vmm command that runs image $1 (its name in
# L1's /tests) with $2 vCPUs, timeout $3 seconds, reboot $4 (yes: a reset
# boots the image again) and kernel command line $5. KVM_NESTED_PSCI_VERSION
# (e.g. 1.0 or 0.2) makes KVM offer that PSCI version instead of its latest.
kvm_nested_vmm_words() {
	vmm_words=(/bin/psci-vmm -smp "$2" -timeout "$3")
	[[ -n ${KVM_NESTED_PSCI_VERSION-} ]] && vmm_words+=(-psci-version "$KVM_NESTED_PSCI_VERSION")
	[[ $4 == yes ]] && vmm_words+=(-reboot)
	vmm_words+=(-append "$5" "/tests/$1")
}

# Builds psci-vmm (build/vmm/psci-vmm) in the suite's top directory $1,
# the build's output in build/vmm/build.log. On failure sets
# kvm_nested_error to one line with its first error, and fails.
kvm_nested_build_vmm() {
	local log=$1/build/vmm/build.log first
	mkdir -p "${log%/*}" && make -s -C "$1/vmm" >"$log" 2>&1 && return 0
	first=$(grep -m 1 -iE 'error|not found|no such' "$log" 2>/dev/null)
	kvm_nested_error="psci-vmm does not build (${first:-no error line}; all of it in build/vmm/build.log)"
	return 1
}

# Sets l1_words to the QEMU command that boots L1 from kernel $2 and
# initramfs $3 with QEMU $1. pauth=off: QEMU's emulated pointer
# authentication (architected: about three times the boot time; impdef:
# still some 8% of a whole run) serves nothing here, where no test image
# uses it. kvm.halt_poll_ns=0: a vCPU's WFI sleeps at once instead of
# polling for half a millisecond on the L1 CPUs that the other vCPUs need.
# loglevel=1: only an emergency of L1's kernel reaches the console.
kvm_nested_l1_words() {
	# shellcheck disable=SC2054
	l1_words=("$1" -nodefaults -machine virt,virtualization=on,gic-version=3 -accel tcg
		-cpu max,pauth=off -smp "$kvm_nested_l1_smp" -m "$kvm_nested_l1_memory"
		-display none -serial stdio -no-reboot -kernel "$2" -initrd "$3"
		-append "console=ttyAMA0 panic=-1 quiet loglevel=1 kvm.halt_poll_ns=0${KVM_NESTED_L1_APPEND:+ $KVM_NESTED_L1_APPEND}")
}

# Quotes $1 for a POSIX shell (L1's busybox sh) when it needs it: single
# quotes, each ' as '\''.
sh_quote() {
	if [[ $1 == +([A-Za-z0-9_./=,:+-]) ]]; then
		printf '%s' "$1"
	else
		printf "'%s'" "${1//\'/\'\\\'\'}"
	fi
}
