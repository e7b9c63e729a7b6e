#include <judges/mem_protect.h>

void judge_mem_protect_previous(const struct mem_protect_step *steps, int n, struct verdict *v)
{
	s32 state = -1;		/* unknown before the first call */

	for (int i = 0; i < n; i++) {
		s32 got = (s32)steps[i].x0;

		if ((got != 0 && got != 1) || (state >= 0 && got != state)) {
			verdict_set(v, CHECK_FAIL, "call %d, MEM_PROTECT(%u), returned %d (%s): must be %s", i + 1,
				    steps[i].enable, got, got < 0 ? psci_ret_name(got) : "a value",
				    state < 0 ? "the state before it, 0 or 1" :
				    state ? "1, the state the call before set" : "0, the state the call before set");
			return;
		}
		state = steps[i].enable != 0;
	}
	verdict_set(v, CHECK_PASS, "%d MEM_PROTECT calls each returned the state before it (first: %d)", n,
		    n ? (s32)steps[0].x0 : -1);
}

static void judge_range(const struct mem_check *c, s32 want, struct verdict *v)
{
	char name[32], got[48];

	psci_id_name(c->id, name, sizeof(name));
	psci_result_text(c->id, c->x0, got, sizeof(got));
	verdict_expect(v, answered(c->id, c->version, c->x0, want), "%s(0x%lx, 0x%lx), %s: %s%s%s", name, c->base,
		       c->length, c->what, got, psci_result(c->id, c->x0) == want ? "" : ", must be ",
		       psci_result(c->id, c->x0) == want ? "" : psci_ret_name(want));
}

void judge_mem_check_protected(const struct mem_check *c, struct verdict *v)
{
	judge_range(c, PSCI_RET_SUCCESS, v);
}

void judge_mem_check_denied(const struct mem_check *c, struct verdict *v)
{
	judge_range(c, PSCI_RET_DENIED, v);
}
