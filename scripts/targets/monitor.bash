# monitor: the suite's own reference PSCI monitor (monitor/), booted by QEMU
# TCG at EL2 (virtualization=on) with the image as a guest-loader module; the
# image runs at EL1 and meets the PSCI the monitor emulates, over HVC. The
# monitor implements the specification for the version it is told, so the
# suite must pass on it: there is no deviations list.
# Environment:
#   MONITOR_PSCI      the PSCI version emulated: 0.2, 1.0, 1.1, 1.2 or 1.3
#                     (default 1.3)
#   MONITOR_OPTIONAL  the optional functions provided: all (the default:
#                     every one the version has), none, or DEN0022F.b names
#                     separated by commas, e.g. SYSTEM_RESET2,SYSTEM_OFF2
#   MONITOR_FAULT     one planted fault by name (monitor/faults.h), default
#                     none
# The monitor refuses options it cannot honour with a line "monitor stopped:
# ..." and powers off.
target_summary="the suite's reference PSCI monitor: PSCI ${MONITOR_PSCI:-1.3}, optional ${MONITOR_OPTIONAL:-all}${MONITOR_FAULT:+, fault $MONITOR_FAULT}, over HVC, image at EL1 (monitor at EL2 under QEMU TCG virtualization=on)"
target_deviations=monitor
target_reports_power=yes
target_keys="test_args reboot extra_params"
qemu_machine=virt,virtualization=on qemu_memory=256 qemu_accel_words=(-accel tcg -cpu max)
monitor_image=$srcdir/monitor/monitor.flat
# Where the guest-loader puts the image: clear of the monitor at the start of
# RAM and of the DTB QEMU writes 128 MiB in.
monitor_module_address=0x44000000

target_probe() {
	# The runtime, the monitor's and the image's, handles at most 32 CPUs.
	accel=tcg target_max_smp=32
	probe_spec_facts && monitor_probe_settings && probe_built monitor/monitor.flat && probe_qemu
}

# Catches the mistakes a glance can; the monitor judges the names.
monitor_probe_settings() {
	if ! probe_psci_version MONITOR_PSCI "${MONITOR_PSCI:-1.3}"; then
		return 1
	elif [[ ${MONITOR_OPTIONAL:-all} != +([A-Z0-9_,]) && ${MONITOR_OPTIONAL:-all} != @(all|none) ]]; then
		unusable_reason="MONITOR_OPTIONAL must be all, none or names like SYSTEM_RESET2,SYSTEM_OFF2, got '$MONITOR_OPTIONAL'"
		unusable_fix="unset MONITOR_OPTIONAL"
	elif [[ ${MONITOR_FAULT:-none} != +([a-z0-9_]) ]]; then
		unusable_reason="MONITOR_FAULT must be a fault name like none, got '$MONITOR_FAULT'"
		unusable_fix="unset MONITOR_FAULT"
	else
		return 0
	fi
	return 1
}

# The monitor's command line (monitor/options.h).
monitor_options() {
	local words=("psci=${MONITOR_PSCI:-1.3}")
	[[ -n ${MONITOR_OPTIONAL-} ]] && words+=("optional=$MONITOR_OPTIONAL")
	[[ -n ${MONITOR_FAULT-} ]] && words+=("fault=$MONITOR_FAULT")
	printf '%s' "${words[*]}"
}

target_command() {
	local name=$1 image=$test_dir/${cfg_file[$1]} args=${cfg_test_args[$1]} module
	qemu_machine_command "$name"
	# QEMU reads a comma in a -device value as ",,".
	module="guest-loader,addr=$monitor_module_address,kernel=${image//,/,,}"
	[[ -n $args ]] && module+=",bootargs=${args//,/,,}"
	test_command+=(-kernel "$monitor_image" -append "$(monitor_options)" -device "$module")
	add_extra_params "$name"
}

# The monitor's own lines precede the image's and follow a power-off; its
# POWER lines, which say what it did for a power event, are judged by the
# runner (target_reports_power).
target_console_drop='^monitor: '
