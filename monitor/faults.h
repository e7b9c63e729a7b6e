/*
 * Planted faults: a monitor booted with fault=NAME breaks exactly one rule of
 * the specification, so that the suite can show it catches that departure.
 * Each fault is tested in the one place of the code that keeps the rule it
 * breaks, as `if (fault_planted(FAULT_X))`.
 *
 * The table (fault-table.c) says, per fault, the rule in words, and how to
 * show the suite catches it: the PSCI version and
 * optional functions to emulate, the fewest cfg tests that catch it, and the
 * checks of which at least one must FAIL. It is portable C, built into the
 * monitor and into the host's lister (monitor/host/fault-list.c) that
 * scripts/mutants.sh reads, so both read one table. Where the spec states the
 * rule is what the expected checks cite (lib/spec), which mutants.sh shows.
 */
#ifndef MONITOR_FAULTS_H
#define MONITOR_FAULTS_H

#include <base.h>

enum monitor_fault {
	FAULT_NONE,
	/* CPU_ON and the state machine of 6.6 (power.c) */
	FAULT_CPU_ON_RACE_TWO_SUCCEED,
	FAULT_CPU_ON_ALREADY_ON_SUCCESS,
	FAULT_CPU_ON_CONTEXT_ID_LOST,
	FAULT_CPU_ON_ABSENT_MPIDR_NOT_PRESENT,
	FAULT_CPU_OFF_RETURNS,
	FAULT_VS_OFF_DENIED,
	FAULT_VS_OFF_START_DROPPED,
	FAULT_VS_OFF_STALE_CONTEXT,
	/* AFFINITY_INFO (power.c) */
	FAULT_AFFINITY_PENDING_AS_OFF,
	FAULT_AFFINITY_LEVEL_4_ACCEPTED,
	FAULT_AFFINITY_LOWER_FIELDS_USED,
	FAULT_AFFINITY_ABSENT_MPIDR_OFF,
	/* Parameters several functions share (params.c) */
	FAULT_MPIDR_RESERVED_BITS_IGNORED,
	FAULT_INVALID_ADDRESS_AS_INVALID_PARAMETERS,
	/* The state a core enters the guest in (guest.c) */
	FAULT_ENTRY_AT_EL2,
	FAULT_ENTRY_ON_SP_EL0,
	FAULT_ENTRY_DAIF_UNMASKED,
	FAULT_ENTRY_ICACHE_ON,
	/* CPU_SUSPEND and SYSTEM_SUSPEND (suspend.c) */
	FAULT_STANDBY_NEVER_WAKES,
	FAULT_STANDBY_ENTRY_POINT_CHECKED,
	FAULT_POWER_STATE_RESERVED_BITS_IGNORED,
	FAULT_POWERDOWN_CONTEXT_ID_LOST,
	FAULT_SYSTEM_SUSPEND_WITH_CORES_ON,
	FAULT_DEFAULT_SUSPEND_DENIED,
	FAULT_SUSPEND_MODE_ANY_ACCEPTED,
	FAULT_SUSPEND_MODE_OSI_REFUSED,
	FAULT_SUSPEND_MODE_TO_PC_WITH_CORES_ON,
	FAULT_SUSPEND_MODE_PC_REFUSED,
	FAULT_DEFAULT_SUSPEND_ENTRY_INVALID_PARAMETERS,
	FAULT_STAT_ENTRY_NOT_COUNTED,
	FAULT_STAT_RESIDENCY_IN_TICKS,
	FAULT_STAT_OF_CALLER,
	FAULT_STAT_COUNTED_FOR_EVERY_CORE,
	FAULT_HW_STATE_CALLER_STANDBY,
	FAULT_HW_STATE_SECONDARY_OFF,
	FAULT_HW_STATE_ABSENT_TARGET_OFF,
	FAULT_MEM_PROTECT_RETURNS_NEW_STATE,
	FAULT_MEM_CHECK_STATE_INVERTED,
	FAULT_MEM_CHECK_EMPTY_PROTECTED,
	FAULT_MEM_CHECK_WRAP_PROTECTED,
	FAULT_MEM_CHECK_ANY_RANGE_PROTECTED,
	/* Whole-system power events (system.c) */
	FAULT_SYSTEM_OFF_RETURNS,
	FAULT_SYSTEM_RESET_POWERS_OFF,
	FAULT_RESET2_RESERVED_TYPE_ACCEPTED,
	FAULT_RESET2_VENDOR_TYPE_NOT_SUPPORTED,
	FAULT_OFF2_COOKIE_IGNORED,
	FAULT_OFF2_TYPE0_REFUSED,
	FAULT_OFF2_PERFORMS_SYSTEM_OFF,
	/* PSCI_VERSION, PSCI_FEATURES, MIGRATE_INFO_TYPE, availability (psci-functions.c) */
	FAULT_PSCI_VERSION_UNPUBLISHED,
	FAULT_PSCI_0_2_AFFINITY_INFO_MISSING,
	FAULT_FEATURES_FLAGS_FOR_CPU_OFF,
	FAULT_FEATURES_CLAIMS_UNIMPLEMENTED,
	FAULT_FEATURES_SYSTEM_OFF2_ABSENT,
	FAULT_FEATURES_SYSTEM_OFF2_NO_HIBERNATE_OFF,
	FAULT_FEATURES_RESERVED_ID_PRESENT,
	FAULT_FEATURES_SMCCC_VERSION_ABSENT,
	FAULT_MIGRATE_INFO_TYPE_OUT_OF_RANGE,
	/* The calling convention (trap.c, dispatch.c, smccc-arch.c) */
	FAULT_FUNCTION_ID_UPPER_BITS_USED,
	FAULT_SMC32_UPPER_BITS_USED,
	FAULT_X4_X17_CLOBBERED,
	FAULT_UNKNOWN_FUNCTION_RETURNS_ZERO,
	FAULT_SMC64_ID_OF_SMC32_FUNCTION_ANSWERED,
	FAULT_SMCCC_ARCH_FEATURES_MISSING,
	FAULT_COUNT
};

/* One fault: what it breaks, and how the suite is run to catch it. */
struct fault_info {
	const char *name;	/* fault=NAME */
	const char *rule;	/* the rule it breaks, in words */
	const char *psci;	/* the PSCI version emulated (MONITOR_PSCI) */
	const char *optional;	/* the optional functions provided (MONITOR_OPTIONAL) */
	const char *tests;	/* unittests.cfg sections, space-separated */
	const char *checks;	/* check IDs, space-separated: one FAIL among them catches it */
};

extern const struct fault_info faults[FAULT_COUNT];

/* The fault named NAME ("none" for FAULT_NONE), or -1. */
int fault_by_name(const char *name);
const char *fault_name(enum monitor_fault fault);
/* Is FAULT the one the monitor was booted with? Never for FAULT_NONE. */
bool fault_planted(enum monitor_fault fault);

#endif
