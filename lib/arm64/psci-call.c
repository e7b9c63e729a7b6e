#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <spec/psci.h>

s32 psci_version(void)
{
	return (s32)smccc_call(PSCI_VERSION, 0, 0, 0);
}

s32 psci_cpu_on(u64 mpidr, u64 entry, u64 context_id)
{
	return (s32)smccc_call(PSCI_CPU_ON, mpidr, entry, context_id);
}

s32 psci_cpu_off(void)
{
	return (s32)smccc_call(PSCI_CPU_OFF, 0, 0, 0);
}

s32 psci_affinity_info(u64 mpidr, u32 level)
{
	return (s32)smccc_call(PSCI_AFFINITY_INFO, mpidr, level, 0);
}

s32 psci_features(u32 id)
{
	return (s32)smccc_call(PSCI_FN(PSCI_NR_PSCI_FEATURES), id, 0, 0);
}

s32 psci_features_at(u32 version, u32 id)
{
	if (!psci_has_features(version))
		return PSCI_RET_NOT_SUPPORTED;
	return psci_features(id);
}

s32 psci_system_off(void)
{
	return (s32)smccc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}
