# kvm-nested: KVM's own PSCI (Debian bookworm's arm64 Linux) over HVC, the
# image at EL1 under the suite's psci-vmm, every image of the run inside one
# L1 Linux booted under QEMU TCG with EL2 (scripts/targets/kvm-nested/).
target_summary="KVM's PSCI in Debian's arm64 Linux over HVC, image at EL1 (psci-vmm in one nested L1 under QEMU TCG)"
target_deviations=kvm
target_keys="test_args reboot"
# shellcheck source=scripts/targets/kvm-nested/kvm-nested.bash
source "$srcdir/scripts/targets/kvm-nested/kvm-nested.bash"

target_probe() {
	# The test images' runtime handles at most 32 CPUs.
	target_max_smp=32
	probe_qemu || return 1
	if [[ -n ${KVM_NESTED_PSCI_VERSION-} ]]; then
		probe_spec_facts && probe_psci_version KVM_NESTED_PSCI_VERSION "$KVM_NESTED_PSCI_VERSION" || return 1
	fi
	# A run fetches and builds what it needs on first use, as it configures
	# and builds the images, so that nothing of it can fail once tests run.
	probe_fetch targets/kvm-nested/fetch.sh "an L1 kernel and busybox" || return 1
	((listing_targets || dry_run)) || kvm_nested_probe_vmm
}

# psci-vmm builds, or the fix: the missing packages, else the build's errors.
kvm_nested_probe_vmm() {
	kvm_nested_build_vmm "$srcdir" && return 0
	unusable_reason=$kvm_nested_error
	if "$srcdir/scripts/install-deps.sh" --check >/dev/null 2>&1; then
		unusable_fix="make vmm shows the errors"
	else
		unusable_fix="scripts/install-deps.sh (it installs what is missing: scripts/install-deps.sh --check)"
	fi
	return 1
}

target_command() {
	local name=$1 vmm_words
	kvm_nested_vmm_words "${cfg_file[$name]}" "${cfg_smp[$name]}" "${cfg_timeout[$name]}" \
		"${cfg_reboot[$name]}" "${cfg_test_args[$name]}"
	test_command=("${vmm_words[@]}")
}

# psci-vmm's own lines ("VMM: system event SHUTDOWN flags 0x0") follow the
# image's last line, where a power-off's check wants nothing more; its POWER
# line says which call KVM performed and its arguments (from the caller's x1
# and x2; no fid=, KVM does not say the width), which the runner judges
# against the image's EXPECT line.
target_console_drop='^VMM: '
target_reports_power=yes

target_run_batch() {
	local list=$log_dir/.kvm-nested.list name word status seconds fd
	for name; do
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$test_dir/${cfg_file[$name]}" "${cfg_smp[$name]}" \
			"${cfg_test_args[$name]}" "${cfg_timeout[$name]}" "${cfg_reboot[$name]}"
	done >"$list"
	exec {fd}< <(QEMU=$qemu exec "$srcdir/scripts/targets/kvm-nested/run-batch.sh" "$list" "$log_dir")
	batch_pids+=("$!")
	while read -r -u "$fd" word name status seconds; do
		[[ $word == test ]] || continue
		[[ $status == lost ]] && continue
		batch_test_done "$name" $((status == 124))
	done
	exec {fd}<&-
	wait "${batch_pids[@]}"
}
