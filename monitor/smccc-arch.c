#include <spec/psci.h>
#include <spec/smccc.h>
#include "faults.h"
#include "options.h"
#include "smccc-arch.h"

u32 smccc_arch_version(void)
{
	return monitor.version >= PSCI_V1_0 ? SMCCC_V1_1 : 0;
}

/* DEN0028: an SMCCC 1.1 implementation has both SMCCC_VERSION and SMCCC_ARCH_FEATURES. */
bool smccc_arch_handles(u32 fid)
{
	bool features = !fault_planted(FAULT_SMCCC_ARCH_FEATURES_MISSING);

	return smccc_arch_version() && (fid == SMCCC_VERSION_ID || (fid == SMCCC_ARCH_FEATURES_ID && features));
}

/*
 * SMCCC_ARCH_FEATURES(fid) is about the Arm Architecture calls: the two the
 * monitor has are there (0); the workarounds and everything else are not.
 */
s64 smccc_arch_call(struct guest_call *c)
{
	u32 queried = (u32)c->x[1];

	if (c->fid == SMCCC_VERSION_ID)
		return smccc_arch_version();
	return smccc_arch_handles(queried) ? SMCCC_RET_SUCCESS : SMCCC_RET_NOT_SUPPORTED;
}
