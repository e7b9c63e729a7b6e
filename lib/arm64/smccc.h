/*
 * The SMC Calling Convention primitive (DEN0028): x0-x17 in, x0-x17 out, so a
 * check sees both what the callee returned and what it preserved.
 */
#ifndef ARM64_SMCCC_H
#define ARM64_SMCCC_H

#include <base.h>

struct smccc_regs {
	u64 x[18];
};

enum smccc_conduit { SMCCC_CONDUIT_NONE, SMCCC_CONDUIT_HVC, SMCCC_CONDUIT_SMC };

void smccc_hvc(const struct smccc_regs *in, struct smccc_regs *out);
void smccc_smc(const struct smccc_regs *in, struct smccc_regs *out);

void smccc_set_conduit(enum smccc_conduit conduit);
enum smccc_conduit smccc_conduit(void);
const char *smccc_conduit_name(void);

/* Through the conduit the DT's /psci method names. */
void smccc_call_regs(const struct smccc_regs *in, struct smccc_regs *out);
/* The common case: function ID and three arguments in, x0 out. */
u64 smccc_call(u64 fid, u64 a1, u64 a2, u64 a3);

#endif
