#include <spec/smccc.h>
#include "faults.h"
#include "options.h"
#include "power.h"
#include "psci-functions.h"
#include "smccc-arch.h"
#include "suspend.h"
#include "system.h"

typedef s64 (*psci_handler)(struct guest_call *c);

static s64 handle_psci_version(struct guest_call *c);
static s64 handle_psci_features(struct guest_call *c);
static s64 handle_migrate_info_type(struct guest_call *c);

/*
 * MIGRATE and MIGRATE_INFO_UP_CPU have none: with no Trusted OS there is
 * nothing to migrate (MIGRATE_INFO_TYPE 2), so they are not implemented.
 */
static const psci_handler handlers[PSCI_NR_COUNT] = {
	[PSCI_NR_PSCI_VERSION] = handle_psci_version,
	[PSCI_NR_CPU_SUSPEND] = handle_cpu_suspend,
	[PSCI_NR_CPU_OFF] = handle_cpu_off,
	[PSCI_NR_CPU_ON] = handle_cpu_on,
	[PSCI_NR_AFFINITY_INFO] = handle_affinity_info,
	[PSCI_NR_MIGRATE_INFO_TYPE] = handle_migrate_info_type,
	[PSCI_NR_SYSTEM_OFF] = handle_system_off,
	[PSCI_NR_SYSTEM_RESET] = handle_system_reset,
	[PSCI_NR_PSCI_FEATURES] = handle_psci_features,
	[PSCI_NR_CPU_FREEZE] = handle_cpu_freeze,
	[PSCI_NR_CPU_DEFAULT_SUSPEND] = handle_cpu_default_suspend,
	[PSCI_NR_NODE_HW_STATE] = handle_node_hw_state,
	[PSCI_NR_SYSTEM_SUSPEND] = handle_system_suspend,
	[PSCI_NR_PSCI_SET_SUSPEND_MODE] = handle_set_suspend_mode,
	[PSCI_NR_PSCI_STAT_RESIDENCY] = handle_stat_residency,
	[PSCI_NR_PSCI_STAT_COUNT] = handle_stat_count,
	[PSCI_NR_SYSTEM_RESET2] = handle_system_reset2,
	[PSCI_NR_MEM_PROTECT] = handle_mem_protect,
	[PSCI_NR_MEM_PROTECT_CHECK_RANGE] = handle_mem_protect_check_range,
	[PSCI_NR_SYSTEM_OFF2] = handle_system_off2,
};

bool psci_provides(unsigned int nr)
{
	return nr < PSCI_NR_COUNT && handlers[nr];
}

bool psci_implemented(const struct psci_function *fn)
{
	if (fault_planted(FAULT_PSCI_0_2_AFFINITY_INFO_MISSING) && fn->number == PSCI_NR_AFFINITY_INFO &&
	    monitor.version < PSCI_V1_0)
		return false;
	return psci_provides(fn->number) && psci_function_exists_in(fn, monitor.version) &&
	       (psci_function_is_mandatory(fn, monitor.version) || (monitor.optional & BIT(fn->number)));
}

/* 5.3.2: a function not implemented returns NOT_SUPPORTED. */
s64 psci_call(const struct psci_function *fn, struct guest_call *c)
{
	if (!psci_implemented(fn))
		return PSCI_RET_NOT_SUPPORTED;
	return handlers[fn->number](c);
}

/* 5.1.1: the major revision in bits [30:16], the minor in [15:0]. */
static s64 handle_psci_version(struct guest_call *c)
{
	(void)c;
	if (fault_planted(FAULT_PSCI_VERSION_UNPUBLISHED))
		return PSCI_VERSION_MAJOR(monitor.version) << 8 | PSCI_VERSION_MINOR(monitor.version);
	return monitor.version;
}

/* 5.3.2, 5.16.2: PSCI_FEATURES reports exactly the functions the guest gets. */
static bool reported(const struct psci_function *fn)
{
	if (fault_planted(FAULT_FEATURES_CLAIMS_UNIMPLEMENTED))
		return psci_function_exists_in(fn, monitor.version);
	if (fault_planted(FAULT_FEATURES_SYSTEM_OFF2_ABSENT) && fn->number == PSCI_NR_SYSTEM_OFF2)
		return false;
	return psci_implemented(fn);
}

/* 5.16.2 Table 11: flags for CPU_SUSPEND and SYSTEM_OFF2 (HIBERNATE_OFF, the one type), 0 for the rest. */
static s32 feature_flags(const struct psci_function *fn)
{
	if (fn->number == PSCI_NR_CPU_SUSPEND)
		return suspend_features();
	if (fn->number == PSCI_NR_SYSTEM_OFF2)
		return fault_planted(FAULT_FEATURES_SYSTEM_OFF2_NO_HIBERNATE_OFF) ? 0 : OFF2_FEATURE_HIBERNATE_OFF;
	return fault_planted(FAULT_FEATURES_FLAGS_FOR_CPU_OFF) ? 1 : 0;
}

/* 5.16.2: SMCCC_VERSION "should" be reported where it is implemented; the monitor reports it. */
static bool smccc_version_reported(void)
{
	return smccc_arch_handles(SMCCC_VERSION_ID) && !fault_planted(FAULT_FEATURES_SMCCC_VERSION_ABSENT);
}

/* 5.1.15: NOT_SUPPORTED for a function not implemented or an ID that is no PSCI function. */
static s64 handle_psci_features(struct guest_call *c)
{
	u32 queried = (u32)c->x[1];
	const struct psci_function *fn = psci_function_by_id(queried);

	if (queried == SMCCC_VERSION_ID)
		return smccc_version_reported() ? 0 : PSCI_RET_NOT_SUPPORTED;
	if (!fn && psci_id_in_range(queried) && fault_planted(FAULT_FEATURES_RESERVED_ID_PRESENT))
		return 0;
	if (!fn || !reported(fn))
		return PSCI_RET_NOT_SUPPORTED;
	return feature_flags(fn);
}

/* 5.9.1 Table 9: no Trusted OS, so no migration is needed. */
static s64 handle_migrate_info_type(struct guest_call *c)
{
	(void)c;
	if (fault_planted(FAULT_MIGRATE_INFO_TYPE_OUT_OF_RANGE))
		return MIGRATE_TYPE_NOT_REQUIRED + 1;
	return MIGRATE_TYPE_NOT_REQUIRED;
}
