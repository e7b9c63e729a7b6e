/* The PSCI calls the runtime itself makes, by the IDs of <spec/psci-ids.h>. */
#ifndef ARM64_PSCI_CALL_H
#define ARM64_PSCI_CALL_H

#include <spec/psci-ids.h>

/* SMC32 results are judged on W0 (DEN0022F.b 5.2.2). */
s32 psci_version(void);
s32 psci_cpu_on(u64 mpidr, u64 entry, u64 context_id);
s32 psci_cpu_off(void);
s32 psci_affinity_info(u64 mpidr, u32 level);
s32 psci_system_off(void);
/* PSCI_FEATURES(ID): the flags of an implemented function or NOT_SUPPORTED (5.16). */
s32 psci_features(u32 id);
/* The same under VERSION: NOT_SUPPORTED, without a call, where PSCI_FEATURES does not exist yet. */
s32 psci_features_at(u32 version, u32 id);

#endif
