/*
 * Which service answers a call: PSCI (the standard secure service's function
 * numbers 0x00-0x1f that DEN0022F.b defines) or the Arm Architecture service
 * (SMCCC_VERSION, SMCCC_ARCH_FEATURES). Every other ID, of any range or
 * width, is unknown: NOT_SUPPORTED (-1).
 */
#include "call.h"
#include "psci-functions.h"
#include "smccc-arch.h"
#include "smccc-spec.h"

static s64 answer(struct guest_call *c)
{
	const struct psci_function *fn = psci_function_by_id(c->fid);

	if (fn)
		return psci_call(fn, c);
	if (smccc_arch_handles(c->fid))
		return smccc_arch_call(c);
	return SMCCC_RET_NOT_SUPPORTED;
}

/* X0 for SMC64; for SMC32, W0 sign-extended, as DEN0028 returns -1 for an unknown ID. */
void call_dispatch(struct guest_call *c)
{
	s64 ret = answer(c);

	if (c->resumed)
		return;
	c->frame->x[0] = call_is_smc64(c) ? (u64)ret : (u64)(s64)(s32)ret;
}
