# xen: Xen 4.17's virtual PSCI over HVC, the image booted as dom0 at EL1 by
# Debian's xen-hypervisor-4.17-arm64 under QEMU TCG (see scripts/targets/xen/xen.bash).
# scripts/targets/xen/fetch.sh puts Xen into a cache directory; XEN=PATH names
# another Xen arm64 Image instead.
target_summary="Xen 4.17's PSCI over HVC, image as dom0 at EL1 (Xen under qemu-system-aarch64 TCG, guest-loader)"
# Xen builds dom0's machine itself: QEMU options meant for the image's own
# machine (extra_params, e.g. virtualization=on for SMC at EL2) have no
# place, and dom0 always meets PSCI over HVC at EL1.
target_keys="test_args reboot"

# shellcheck source=scripts/targets/xen/xen.bash
source "$srcdir/scripts/targets/xen/xen.bash"

# Above 4 vCPUs the CPU_ON race alone costs about a minute of TCG time under
# Xen (every CPU_ON and CPU_OFF is a vCPU switch in Xen's scheduler); MAX_SMP=8
# runs those sections too.
target_probe() {
	accel=tcg target_max_smp=4
	xen_probe_image && probe_qemu
}

# Sets xen_image to XEN, else to the image fetch.sh cached.
xen_probe_image() {
	if [[ -n ${XEN-} ]]; then
		xen_image=$XEN
		[[ -f $xen_image && -r $xen_image ]] && return 0
		unusable_reason="XEN '$XEN' is not a readable file"
		unusable_fix="unset XEN and run scripts/targets/xen/fetch.sh"
		return 1
	fi
	# A run fetches what it needs on first use, as it configures and builds.
	probe_fetch targets/xen/fetch.sh "Xen 4.17 for arm64" || return 1
	xen_image=$fetched
}

target_command() {
	local name=$1
	xen_build_command "$qemu" "$xen_image" "$test_dir/${cfg_file[$name]}" "${cfg_smp[$name]}" \
		"${cfg_test_args[$name]}" "${cfg_reboot[$name]}"
	test_command=("${xen_command[@]}")
}
target_console_interjection=$xen_console_prefix
