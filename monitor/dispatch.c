/*
 * Which service answers a call: PSCI (the standard secure service's function
 * numbers 0x00-0x1f that DEN0022F.b defines) or the Arm Architecture service
 * (SMCCC_VERSION, SMCCC_ARCH_FEATURES). Every other ID, of any range or
 * width, is unknown: NOT_SUPPORTED (-1).
 */
#include <libc/string.h>
#include <spec/smccc.h>
#include "call.h"
#include "faults.h"
#include "psci-functions.h"
#include "smccc-arch.h"

/* DEN0022F.b 5.1: a function without an SMC64 form has no SMC64 ID. */
static const struct psci_function *psci_function_called(u32 fid)
{
	if (fault_planted(FAULT_SMC64_ID_OF_SMC32_FUNCTION_ANSWERED))
		fid &= ~SMCCC_SMC64;
	return psci_function_by_id(fid);
}

/* DEN0028: the Unknown Function Identifier, -1. */
static s64 unknown_function(void)
{
	return fault_planted(FAULT_UNKNOWN_FUNCTION_RETURNS_ZERO) ? 0 : SMCCC_RET_NOT_SUPPORTED;
}

static s64 answer(struct guest_call *c)
{
	const struct psci_function *fn = psci_function_called(c->fid);

	if (fn)
		return psci_call(fn, c);
	if (smccc_arch_handles(c->fid))
		return smccc_arch_call(c);
	return unknown_function();
}

/*
 * X0 for SMC64; for SMC32, W0 sign-extended, as DEN0028 returns -1 for an
 * unknown ID. Nothing else changes: SMCCC 1.1 preserves x4-x17, and the PSCI
 * functions return nothing in x1-x3.
 */
void call_dispatch(struct guest_call *c)
{
	s64 ret = answer(c);

	if (c->resumed)
		return;
	c->frame->x[0] = call_is_smc64(c) ? (u64)ret : (u64)(s64)(s32)ret;
	if (fault_planted(FAULT_X4_X17_CLOBBERED))
		memset(&c->frame->x[4], 0, (17 - 4 + 1) * sizeof(u64));
}
