/*
 * One SMCCC call of the guest (an HVC, or an SMC trapped by HCR_EL2.TSC) as
 * the handlers see it, and what they may do with it.
 */
#ifndef MONITOR_CALL_H
#define MONITOR_CALL_H

#include <arm64/exceptions.h>
#include <base.h>
#include <spec/smccc.h>

struct guest_call {
	struct exception_frame *frame;	/* the guest's registers, restored on return */
	u32 fid;			/* W0: the ID is 32 bits whatever X0[63:32] holds (DEN0028) */
	/*
	 * x[1..3] as the call passes them: for an SMC32 call the W registers,
	 * zero-extended, since SMC32 callees ignore the upper halves (DEN0028).
	 */
	u64 x[4];
	bool resumed;			/* a handler sent the CPU to an entry point */
};

static inline bool call_is_smc64(const struct guest_call *c)
{
	return c->fid & SMCCC_SMC64;
}

/* Answers the call: x0 for every function; x1-x3 are left as the caller had them. */
void call_dispatch(struct guest_call *c);

#endif
