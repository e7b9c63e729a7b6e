/*
 * PSCI function IDs and return codes (DEN0022F.b, 5.1 and Table 5), and the
 * calls the runtime itself makes. The per-version rules live in the spec table.
 */
#ifndef LIB_PSCI_H
#define LIB_PSCI_H

#include "base.h"

#define PSCI_SMC64		0x40000000u
#define PSCI_FN(n)		(0x84000000u + (n))
#define PSCI_FN64(n)		(PSCI_FN(n) | PSCI_SMC64)

#define PSCI_VERSION		PSCI_FN(0x00)
#define PSCI_CPU_SUSPEND	PSCI_FN64(0x01)
#define PSCI_CPU_OFF		PSCI_FN(0x02)
#define PSCI_CPU_ON		PSCI_FN64(0x03)
#define PSCI_AFFINITY_INFO	PSCI_FN64(0x04)
#define PSCI_SYSTEM_OFF		PSCI_FN(0x08)
#define PSCI_SYSTEM_RESET	PSCI_FN(0x09)

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

enum psci_affinity_state { PSCI_AFF_ON = 0, PSCI_AFF_OFF = 1, PSCI_AFF_ON_PENDING = 2 };

const char *psci_ret_name(s32 ret);

/* SMC32 results are judged on W0 (DEN0022F.b 5.2.2). */
s32 psci_version(void);
s32 psci_cpu_on(u64 mpidr, u64 entry, u64 context_id);
s32 psci_cpu_off(void);
s32 psci_affinity_info(u64 mpidr, u32 level);
s32 psci_system_off(void);

#endif
