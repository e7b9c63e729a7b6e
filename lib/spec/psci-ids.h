/*
 * PSCI function IDs and return codes (DEN0022F.b, 5.1 and Table 5). The
 * per-version rules live in the spec table (spec/psci.h).
 */
#ifndef SPEC_PSCI_IDS_H
#define SPEC_PSCI_IDS_H

#include <base.h>

#define PSCI_SMC64		0x40000000u
#define PSCI_FN(n)		(0x84000000u + (n))
#define PSCI_FN64(n)		(PSCI_FN(n) | PSCI_SMC64)

/* Function numbers, bits [4:0] of the IDs (DEN0022F.b 5.1); 0x16-0x1f are reserved. */
enum psci_fn_number {
	PSCI_NR_PSCI_VERSION, PSCI_NR_CPU_SUSPEND, PSCI_NR_CPU_OFF, PSCI_NR_CPU_ON,
	PSCI_NR_AFFINITY_INFO, PSCI_NR_MIGRATE, PSCI_NR_MIGRATE_INFO_TYPE, PSCI_NR_MIGRATE_INFO_UP_CPU,
	PSCI_NR_SYSTEM_OFF, PSCI_NR_SYSTEM_RESET, PSCI_NR_PSCI_FEATURES, PSCI_NR_CPU_FREEZE,
	PSCI_NR_CPU_DEFAULT_SUSPEND, PSCI_NR_NODE_HW_STATE, PSCI_NR_SYSTEM_SUSPEND,
	PSCI_NR_PSCI_SET_SUSPEND_MODE, PSCI_NR_PSCI_STAT_RESIDENCY, PSCI_NR_PSCI_STAT_COUNT,
	PSCI_NR_SYSTEM_RESET2, PSCI_NR_MEM_PROTECT, PSCI_NR_MEM_PROTECT_CHECK_RANGE, PSCI_NR_SYSTEM_OFF2,
	PSCI_NR_COUNT
};

/* The IDs the runtime itself calls with (the widest form the function has). */
#define PSCI_VERSION		PSCI_FN(PSCI_NR_PSCI_VERSION)
#define PSCI_CPU_ON		PSCI_FN64(PSCI_NR_CPU_ON)
#define PSCI_CPU_OFF		PSCI_FN(PSCI_NR_CPU_OFF)
#define PSCI_AFFINITY_INFO	PSCI_FN64(PSCI_NR_AFFINITY_INFO)
#define PSCI_SYSTEM_OFF		PSCI_FN(PSCI_NR_SYSTEM_OFF)

enum psci_ret {
	PSCI_RET_SUCCESS = 0,
	PSCI_RET_NOT_SUPPORTED = -1,
	PSCI_RET_INVALID_PARAMETERS = -2,
	PSCI_RET_DENIED = -3,
	PSCI_RET_ALREADY_ON = -4,
	PSCI_RET_ON_PENDING = -5,
	PSCI_RET_INTERNAL_FAILURE = -6,
	PSCI_RET_NOT_PRESENT = -7,
	PSCI_RET_DISABLED = -8,
	PSCI_RET_INVALID_ADDRESS = -9,
};

/* What MIGRATE_INFO_TYPE reports (5.1.7); NOT_SUPPORTED means the same as NOT_REQUIRED. */
enum migrate_info_type {
	MIGRATE_TYPE_UP_CAPABLE = 0,		/* UP Trusted OS that can migrate */
	MIGRATE_TYPE_UP_NOT_CAPABLE = 1,	/* UP Trusted OS that cannot */
	MIGRATE_TYPE_NOT_REQUIRED = 2,		/* none, or MP: nothing to migrate */
};

enum psci_affinity_state { PSCI_AFF_ON = 0, PSCI_AFF_OFF = 1, PSCI_AFF_ON_PENDING = 2 };

/* What NODE_HW_STATE reports (5.1.18): the power controller's view of the node, not PSCI's. */
enum psci_hw_state { PSCI_HW_ON = 0, PSCI_HW_OFF = 1, PSCI_HW_STANDBY = 2 };

/* The Table 5 name of a result, W0 sign-extended or X0 (5.2.2). */
const char *psci_ret_name(s64 ret);

#endif
