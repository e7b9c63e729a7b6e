#include <arm64/smccc.h>

static enum smccc_conduit conduit;

void smccc_set_conduit(enum smccc_conduit c)
{
	conduit = c;
}

enum smccc_conduit smccc_conduit(void)
{
	return conduit;
}

const char *smccc_conduit_name(void)
{
	return conduit == SMCCC_CONDUIT_HVC ? "hvc" : conduit == SMCCC_CONDUIT_SMC ? "smc" : "none";
}

/* With no conduit there is nobody to call: answer as for an unknown function. */
void smccc_call_regs(const struct smccc_regs *in, struct smccc_regs *out)
{
	if (conduit == SMCCC_CONDUIT_HVC)
		smccc_hvc(in, out);
	else if (conduit == SMCCC_CONDUIT_SMC)
		smccc_smc(in, out);
	else
		*out = (struct smccc_regs){ .x = { [0] = (u64)-1 } };
}

u64 smccc_call(u64 fid, u64 a1, u64 a2, u64 a3)
{
	struct smccc_regs in = { .x = { fid, a1, a2, a3 } }, out;

	smccc_call_regs(&in, &out);
	return out.x[0];
}
