#include <judges/suspend_mode.h>

static void judge_mode_call(const struct mode_call *c, s32 want, struct verdict *v)
{
	u32 id = PSCI_FN(PSCI_NR_PSCI_SET_SUSPEND_MODE);
	char got[48];

	psci_result_text(id, c->x0, got, sizeof(got));
	verdict_expect(v, answered(id, c->version, c->x0, want), "PSCI_SET_SUSPEND_MODE(%u), %s: %s%s%s", c->mode,
		       c->situation, got, psci_result(id, c->x0) == want ? "" : ", must be ",
		       psci_result(id, c->x0) == want ? "" : psci_ret_name(want));
}

void judge_mode_invalid(const struct mode_call *c, struct verdict *v)
{
	judge_mode_call(c, PSCI_RET_INVALID_PARAMETERS, v);
}

void judge_mode_switch_alone(const struct mode_call *c, struct verdict *v)
{
	judge_mode_call(c, PSCI_RET_SUCCESS, v);
}

void judge_mode_to_pc_others_on(const struct mode_call *c, struct verdict *v)
{
	judge_mode_call(c, PSCI_RET_DENIED, v);
}
