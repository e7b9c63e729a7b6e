/*
 * The planted faults (faults.h). Each runs at the version and with the
 * optional functions where its rule applies, with the cheapest cfg tests that
 * exercise the rule; the checks listed are those that state it.
 */
#include <libc/string.h>
#include "faults.h"

#define ALL "all"
#define V13 "1.3"

const struct fault_info faults[FAULT_COUNT] = {
	[FAULT_NONE] = { "none", "", V13, ALL, "", "" },

	[FAULT_CPU_ON_RACE_TWO_SUCCEED] = {
		"cpu_on_race_two_succeed",
		"of racing CPU_ON calls for one OFF core exactly one succeeds; the others get ALREADY_ON or ON_PENDING",
		V13, ALL, "cpu-on-smp4", "cpu_on.race.one_success" },
	[FAULT_CPU_ON_ALREADY_ON_SUCCESS] = {
		"cpu_on_already_on_success",
		"CPU_ON of a core that is ON returns ALREADY_ON",
		V13, ALL, "cpu-on-smp1",
		"cpu_on.already_on.self.cpu_on cpu_on.already_on.self.cpu_on64" },
	[FAULT_CPU_ON_CONTEXT_ID_LOST] = {
		"cpu_on_context_id_lost",
		"the core CPU_ON starts enters with context_id in x0",
		V13, ALL, "cpu-on-smp2",
		"cpu_on.entry.context_id.cpu_on cpu_on.entry.context_id.cpu_on64" },
	[FAULT_CPU_ON_ABSENT_MPIDR_NOT_PRESENT] = {
		"cpu_on_absent_mpidr_not_present",
		"CPU_ON of a target_cpu no core has returns INVALID_PARAMETERS",
		V13, ALL, "cpu-on-smp1",
		"cpu_on.invalid_mpidr.past_last_cpu.cpu_on cpu_on.invalid_mpidr.past_last_cpu.cpu_on64" },
	[FAULT_CPU_OFF_RETURNS] = {
		"cpu_off_returns",
		"CPU_OFF does not return on success",
		V13, ALL, "hotplug-smp2", "cpu_off.no_return" },

	[FAULT_VS_OFF_DENIED] = {
		"vs_off_denied",
		"CPU_ON of a core whose CPU_OFF is under way returns ALREADY_ON or starts the core",
		V13, ALL, "cpu-on-vs-off-smp2", "cpu_on.vs_cpu_off.answer cpu_on.vs_cpu_off.off_then_on" },
	[FAULT_VS_OFF_START_DROPPED] = {
		"vs_off_start_dropped",
		"a CPU_ON that returned SUCCESS for a core still turning off starts the core",
		V13, ALL, "cpu-on-vs-off-smp2", "cpu_on.vs_cpu_off.clean_start cpu_on.vs_cpu_off.off_then_on" },
	[FAULT_VS_OFF_STALE_CONTEXT] = {
		"vs_off_stale_context",
		"a core started while its CPU_OFF was under way enters with the new CPU_ON's context_id",
		V13, ALL, "cpu-on-vs-off-smp2", "cpu_on.vs_cpu_off.clean_start" },

	[FAULT_AFFINITY_PENDING_AS_OFF] = {
		"affinity_info_pending_as_off",
		"after a CPU_ON succeeds AFFINITY_INFO reports the core ON_PENDING or ON, never OFF",
		V13, ALL, "affinity-smp2",
		"affinity_info.level0.after_cpu_on.affinity_info affinity_info.level0.after_cpu_on.affinity_info64" },
	[FAULT_AFFINITY_LEVEL_4_ACCEPTED] = {
		"affinity_info_level_4_accepted",
		"AFFINITY_INFO with a lowest_affinity_level above 3 returns INVALID_PARAMETERS",
		V13, ALL, "affinity-smp1",
		"affinity_info.level.above_3.affinity_info affinity_info.level.above_3.affinity_info64" },
	[FAULT_AFFINITY_LOWER_FIELDS_USED] = {
		"affinity_info_lower_fields_used",
		"AFFINITY_INFO ignores the affinity fields below lowest_affinity_level",
		V13, ALL, "affinity-smp1",
		"affinity_info.level1.lower_fields_ignored.affinity_info affinity_info.level1.lower_fields_ignored.affinity_info64" },
	[FAULT_AFFINITY_ABSENT_MPIDR_OFF] = {
		"affinity_info_absent_mpidr_off",
		"AFFINITY_INFO of a target_affinity no core has returns INVALID_PARAMETERS",
		V13, ALL, "affinity-smp1",
		"affinity_info.invalid_mpidr.past_last_cpu.affinity_info affinity_info.invalid_mpidr.past_last_cpu.affinity_info64" },

	[FAULT_MPIDR_RESERVED_BITS_IGNORED] = {
		"mpidr_reserved_bits_ignored",
		"a target_cpu with a reserved bit set names no core: INVALID_PARAMETERS",
		V13, ALL, "cpu-on-smp1",
		"cpu_on.invalid_mpidr.reserved_bit24.cpu_on cpu_on.invalid_mpidr.reserved_bit24.cpu_on64" },
	[FAULT_INVALID_ADDRESS_AS_INVALID_PARAMETERS] = {
		"invalid_address_as_invalid_parameters",
		"from PSCI 1.0 an entry point known to be invalid gets INVALID_ADDRESS, not INVALID_PARAMETERS",
		V13, ALL, "cpu-on-smp2",
		"cpu_on.invalid_entry.misaligned_2.cpu_on cpu_on.invalid_entry.misaligned_2.cpu_on64" },

	[FAULT_ENTRY_AT_EL2] = {
		"entry_at_el2",
		"a core started by CPU_ON enters at the caller's Exception level, the highest Non-secure one",
		V13, ALL, "cpu-on-smp2",
		"cpu_on.entry.exception_level.cpu_on cpu_on.entry.exception_level.cpu_on64" },
	[FAULT_ENTRY_ON_SP_EL0] = {
		"entry_on_sp_el0",
		"a core started by CPU_ON enters in ELxh: with the stack pointer of its EL",
		V13, ALL, "cpu-on-smp2",
		"cpu_on.entry.stack_pointer.cpu_on cpu_on.entry.stack_pointer.cpu_on64" },
	[FAULT_ENTRY_DAIF_UNMASKED] = {
		"entry_daif_unmasked",
		"a core started by CPU_ON enters with D, A, I and F all masked",
		V13, ALL, "cpu-on-smp2",
		"cpu_on.entry.daif_masked.cpu_on cpu_on.entry.daif_masked.cpu_on64" },
	[FAULT_ENTRY_ICACHE_ON] = {
		"entry_icache_on",
		"a core started by CPU_ON enters with the stage 1 MMU and the caches off (SCTLR.{I,C,M} = 0)",
		V13, ALL, "cpu-on-smp2",
		"cpu_on.entry.caches_off.cpu_on cpu_on.entry.caches_off.cpu_on64" },

	[FAULT_STANDBY_NEVER_WAKES] = {
		"standby_never_wakes",
		"a standby CPU_SUSPEND ends on a wake-up event, as WFI does, and returns SUCCESS",
		V13, ALL, "cpu-suspend-smp2", "cpu_suspend.standby.cpu_suspend" },
	[FAULT_STANDBY_ENTRY_POINT_CHECKED] = {
		"standby_entry_point_checked",
		"a standby CPU_SUSPEND ignores entry_point_address",
		V13, ALL, "cpu-suspend-smp2",
		"cpu_suspend.standby_entry_ignored.cpu_suspend cpu_suspend.standby_entry_ignored.cpu_suspend64" },
	[FAULT_POWER_STATE_RESERVED_BITS_IGNORED] = {
		"power_state_reserved_bits_ignored",
		"a power_state with a must-be-zero bit set is invalid: INVALID_PARAMETERS",
		V13, ALL, "cpu-suspend-smp2",
		"cpu_suspend.reserved_bit17.cpu_suspend cpu_suspend.reserved_bit17.cpu_suspend64" },
	[FAULT_POWERDOWN_CONTEXT_ID_LOST] = {
		"powerdown_context_id_lost",
		"a core resuming from a powerdown state enters at entry_point_address with context_id in x0",
		V13, ALL, "cpu-suspend-smp2",
		"cpu_suspend.powerdown.cpu_suspend cpu_suspend.powerdown.cpu_suspend64" },
	[FAULT_SYSTEM_SUSPEND_WITH_CORES_ON] = {
		"system_suspend_with_cores_on",
		"SYSTEM_SUSPEND while a core other than the caller is not OFF returns DENIED (ALREADY_ON in 5.1.19)",
		V13, ALL, "cpu-suspend-smp2",
		"system_suspend.others_on.system_suspend system_suspend.others_on.system_suspend64" },
	[FAULT_DEFAULT_SUSPEND_DENIED] = {
		"default_suspend_denied",
		"CPU_DEFAULT_SUSPEND with a usable entry point resumes there or returns SUCCESS",
		V13, ALL, "cpu-suspend-smp2",
		"cpu_default_suspend.resumes.cpu_default_suspend cpu_default_suspend.resumes.cpu_default_suspend64" },
	[FAULT_DEFAULT_SUSPEND_ENTRY_INVALID_PARAMETERS] = {
		"default_suspend_entry_invalid_parameters",
		"CPU_DEFAULT_SUSPEND rejects an entry point it knows to be invalid with INVALID_ADDRESS",
		V13, ALL, "cpu-suspend-smp2",
		"cpu_default_suspend.invalid_entry_point.cpu_default_suspend cpu_default_suspend.invalid_entry_point.cpu_default_suspend64" },
	[FAULT_SUSPEND_MODE_ANY_ACCEPTED] = {
		"suspend_mode_any_accepted",
		"PSCI_SET_SUSPEND_MODE of a mode other than 0 and 1 returns INVALID_PARAMETERS",
		V13, ALL, "suspend-mode-smp2", "suspend_mode.invalid_mode" },
	[FAULT_SUSPEND_MODE_OSI_REFUSED] = {
		"suspend_mode_osi_refused",
		"the only core on may switch into OS-initiated mode",
		V13, ALL, "suspend-mode-smp2", "suspend_mode.to_os_initiated_alone" },
	[FAULT_SUSPEND_MODE_TO_PC_WITH_CORES_ON] = {
		"suspend_mode_to_pc_with_cores_on",
		"a switch into platform-coordinated mode with another core on is DENIED",
		V13, ALL, "suspend-mode-smp2", "suspend_mode.to_platform_coordinated_others_on" },
	[FAULT_SUSPEND_MODE_PC_REFUSED] = {
		"suspend_mode_pc_refused",
		"the only core on may switch back into platform-coordinated mode",
		V13, ALL, "suspend-mode-smp2", "suspend_mode.to_platform_coordinated_alone" },
	[FAULT_STAT_ENTRY_NOT_COUNTED] = {
		"stat_entry_not_counted",
		"PSCI_STAT_COUNT grows by each entry into the power state",
		V13, ALL, "stat-smp2", "psci_stat.count_grows.psci_stat_count psci_stat.count_grows.psci_stat_count64" },
	[FAULT_STAT_RESIDENCY_IN_TICKS] = {
		"stat_residency_in_ticks",
		"PSCI_STAT_RESIDENCY counts microseconds in the power state",
		V13, ALL, "stat-smp2",
		"psci_stat.residency_grows.psci_stat_residency psci_stat.residency_grows.psci_stat_residency64" },
	[FAULT_STAT_OF_CALLER] = {
		"stat_of_caller",
		"PSCI_STAT_COUNT and _RESIDENCY answer for target_cpu, not for the caller",
		V13, ALL, "stat-smp2", "psci_stat.count_grows.psci_stat_count psci_stat.count_grows.psci_stat_count64" },
	[FAULT_STAT_COUNTED_FOR_EVERY_CORE] = {
		"stat_counted_for_every_core",
		"a core's entry into a power state counts in that core's statistics alone",
		V13, ALL, "stat-smp2",
		"psci_stat.never_entered.psci_stat_count psci_stat.never_entered.psci_stat_count64" },
	[FAULT_HW_STATE_CALLER_STANDBY] = {
		"hw_state_caller_standby",
		"NODE_HW_STATE of the calling core, which is running, is HW_ON",
		V13, ALL, "node-hw-state-smp1", "node_hw_state.self_on.node_hw_state node_hw_state.self_on.node_hw_state64" },
	[FAULT_HW_STATE_SECONDARY_OFF] = {
		"hw_state_secondary_off",
		"NODE_HW_STATE of a running core is HW_ON",
		V13, ALL, "node-hw-state-smp2",
		"node_hw_state.secondary_on.node_hw_state node_hw_state.secondary_on.node_hw_state64" },
	[FAULT_HW_STATE_ABSENT_TARGET_OFF] = {
		"hw_state_absent_target_off",
		"NODE_HW_STATE of a target_cpu no core has returns INVALID_PARAMETERS",
		V13, ALL, "node-hw-state-smp1",
		"node_hw_state.absent_target.node_hw_state node_hw_state.absent_target.node_hw_state64" },
	[FAULT_MEM_PROTECT_RETURNS_NEW_STATE] = {
		"mem_protect_returns_new_state",
		"MEM_PROTECT returns the state before the call",
		V13, ALL, "mem-protect-smp1", "mem_protect.previous_state" },
	[FAULT_MEM_CHECK_STATE_INVERTED] = {
		"mem_check_state_inverted",
		"with memory protection on, MEM_PROTECT_CHECK_RANGE of the OS's memory returns SUCCESS",
		V13, ALL, "mem-protect-smp1",
		"mem_protect_check_range.own_ram.mem_protect_check_range mem_protect_check_range.own_ram.mem_protect_check_range64" },
	[FAULT_MEM_CHECK_EMPTY_PROTECTED] = {
		"mem_check_empty_protected",
		"MEM_PROTECT_CHECK_RANGE of an empty range returns DENIED",
		V13, ALL, "mem-protect-smp1",
		"mem_protect_check_range.empty.mem_protect_check_range mem_protect_check_range.empty.mem_protect_check_range64" },
	[FAULT_MEM_CHECK_WRAP_PROTECTED] = {
		"mem_check_wrap_protected",
		"MEM_PROTECT_CHECK_RANGE of a range past the top of the address space returns DENIED",
		V13, ALL, "mem-protect-smp1", "mem_protect_check_range.wraps.mem_protect_check_range64" },
	[FAULT_MEM_CHECK_ANY_RANGE_PROTECTED] = {
		"mem_check_any_range_protected",
		"MEM_PROTECT_CHECK_RANGE of a range with no memory returns DENIED",
		V13, ALL, "mem-protect-smp1",
		"mem_protect_check_range.no_memory.mem_protect_check_range mem_protect_check_range.no_memory.mem_protect_check_range64" },

	[FAULT_SYSTEM_OFF_RETURNS] = {
		"system_off_returns",
		"SYSTEM_OFF does not return, whichever core calls it",
		V13, ALL, "system-off-smp2", "psci.system_off.powers_off" },
	[FAULT_SYSTEM_RESET_POWERS_OFF] = {
		"system_reset_powers_off",
		"SYSTEM_RESET resets the system",
		V13, ALL, "system-reset-smp1", "psci.system_reset.resets" },
	[FAULT_RESET2_RESERVED_TYPE_ACCEPTED] = {
		"reset2_reserved_type_accepted",
		"SYSTEM_RESET2 with a reserved architectural reset_type returns INVALID_PARAMETERS",
		V13, ALL, "system-off-smp1",
		"psci.system_reset2.reserved_type psci.system_reset2.reserved_type64" },
	[FAULT_RESET2_VENDOR_TYPE_NOT_SUPPORTED] = {
		"reset2_vendor_type_not_supported",
		"a vendor reset_type the platform lacks fails with a 5.2.2 code other than NOT_SUPPORTED",
		V13, ALL, "system-reset2-vendor-smp2", "psci.system_reset2.vendor_type" },
	[FAULT_OFF2_COOKIE_IGNORED] = {
		"system_off2_cookie_ignored",
		"SYSTEM_OFF2 with a non-zero cookie returns INVALID_PARAMETERS",
		V13, ALL, "system-off-smp1",
		"psci.system_off2.nonzero_cookie psci.system_off2.nonzero_cookie64" },
	[FAULT_OFF2_TYPE0_REFUSED] = {
		"system_off2_type0_refused",
		"SYSTEM_OFF2 type 0x0 selects HIBERNATE_OFF (issue F.b)",
		V13, ALL, "system-off2-type0-smp2",
		"psci.system_off2.type0_alias" },
	[FAULT_OFF2_PERFORMS_SYSTEM_OFF] = {
		"system_off2_performs_system_off",
		"SYSTEM_OFF2(HIBERNATE_OFF) performs that power-off, not a plain SYSTEM_OFF",
		V13, ALL, "system-off2-smp2", "psci.system_off2.hibernate_off" },

	[FAULT_PSCI_VERSION_UNPUBLISHED] = {
		"psci_version_unpublished",
		"PSCI_VERSION returns a published version: major in bits [30:16], minor in [15:0]",
		V13, ALL, "discovery-smp1", "psci.version.well_formed" },
	[FAULT_PSCI_0_2_AFFINITY_INFO_MISSING] = {
		"psci_0_2_affinity_info_missing",
		"a PSCI 0.2 implementation has every function Table 17 makes mandatory, AFFINITY_INFO included",
		"0.2", ALL, "affinity-smp1",
		"affinity_info.level0.self.affinity_info affinity_info.level0.self.affinity_info64" },
	[FAULT_FEATURES_FLAGS_FOR_CPU_OFF] = {
		"features_flags_for_cpu_off",
		"PSCI_FEATURES returns 0 for an implemented function other than CPU_SUSPEND and SYSTEM_OFF2",
		V13, ALL, "discovery-smp1", "psci.features.cpu_off" },
	[FAULT_FEATURES_CLAIMS_UNIMPLEMENTED] = {
		"features_claims_unimplemented",
		"PSCI_FEATURES reports NOT_SUPPORTED for a function that is not implemented",
		V13, "none", "discovery-smp1 system-off-smp1",
		"psci.present_call.node_hw_state psci.present_call.psci_stat_count psci.present_call.mem_protect "
		"psci.system_reset2.reserved_type psci.system_off2.reserved_type" },
	[FAULT_FEATURES_SYSTEM_OFF2_ABSENT] = {
		"features_system_off2_absent",
		"PSCI_FEATURES reports an implemented function, SYSTEM_OFF2 at 1.3, as present",
		V13, ALL, "discovery-smp1",
		"psci.absent_call.system_off2 psci.absent_call.system_off264" },
	[FAULT_FEATURES_SYSTEM_OFF2_NO_HIBERNATE_OFF] = {
		"features_system_off2_no_hibernate_off",
		"PSCI_FEATURES(SYSTEM_OFF2) sets bit 0 (HIBERNATE_OFF) and no reserved bit",
		V13, ALL, "discovery-smp1",
		"psci.features.system_off2 psci.features.system_off264" },
	[FAULT_FEATURES_RESERVED_ID_PRESENT] = {
		"features_reserved_id_present",
		"PSCI_FEATURES of an ID no PSCI function has returns NOT_SUPPORTED",
		V13, ALL, "discovery-smp1",
		"psci.features.reserved_0x16 psci.features.reserved_0x1f" },
	[FAULT_FEATURES_SMCCC_VERSION_ABSENT] = {
		"features_smccc_version_absent",
		"PSCI_FEATURES reports SMCCC_VERSION where SMCCC_VERSION is implemented",
		V13, ALL, "discovery-smp1", "smccc.version.discovery" },
	[FAULT_MIGRATE_INFO_TYPE_OUT_OF_RANGE] = {
		"migrate_info_type_out_of_range",
		"MIGRATE_INFO_TYPE returns 0, 1 or 2",
		V13, ALL, "migrate-smp1", "migrate.info_type.value" },

	[FAULT_FUNCTION_ID_UPPER_BITS_USED] = {
		"function_id_upper_bits_used",
		"the function ID is W0: X0[63:32] is ignored",
		V13, ALL, "convention-smp1",
		"smccc.fid_upper.psci_version smccc.fid_upper.psci_features" },
	[FAULT_SMC32_UPPER_BITS_USED] = {
		"smc32_upper_bits_used",
		"an SMC32 call uses only the low 32 bits of its arguments",
		V13, ALL, "convention-smp1",
		"psci.smc32_upper.affinity_info.x1" },
	[FAULT_X4_X17_CLOBBERED] = {
		"x4_x17_clobbered",
		"from SMCCC 1.1 a call preserves x4-x17",
		V13, ALL, "convention-smp1",
		"smccc.preserved.psci_version smccc.preserved.psci_features smccc.preserved.affinity_info" },
	[FAULT_UNKNOWN_FUNCTION_RETURNS_ZERO] = {
		"unknown_function_returns_zero",
		"an unknown function ID returns NOT_SUPPORTED (-1)",
		V13, ALL, "convention-smp1",
		"smccc.unknown_fid.oen0 smccc.unknown_fid.oen4 smccc.unknown_fid.oen5" },
	[FAULT_SMC64_ID_OF_SMC32_FUNCTION_ANSWERED] = {
		"smc64_id_of_smc32_function_answered",
		"the SMC64 ID of a function that has only an SMC32 form is unknown: NOT_SUPPORTED",
		V13, ALL, "discovery-smp1",
		"psci.absent_call.psci_version64 psci.absent_call.cpu_off64 psci.absent_call.psci_features64" },
	[FAULT_SMCCC_ARCH_FEATURES_MISSING] = {
		"smccc_arch_features_missing",
		"an SMCCC 1.1 implementation (SMCCC_VERSION says so) has SMCCC_ARCH_FEATURES",
		V13, ALL, "discovery-smp1",
		"smccc.arch_features.version smccc.arch_features.arch_features" },
};

int fault_by_name(const char *name)
{
	for (int f = 0; f < FAULT_COUNT; f++)
		if (!strcmp(faults[f].name, name))
			return f;
	return -1;
}

const char *fault_name(enum monitor_fault fault)
{
	return faults[fault].name;
}
