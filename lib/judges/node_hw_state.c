#include <judges/node_hw_state.h>

static const char *hw_state_name(s64 result)
{
	static const char *const states[] = { [PSCI_HW_ON] = "HW_ON", [PSCI_HW_OFF] = "HW_OFF",
					      [PSCI_HW_STANDBY] = "HW_STANDBY" };

	if (result >= 0)
		return result < (s64)ARRAY_SIZE(states) ? states[result] : "(not a state)";
	return psci_ret_name(result);
}

/* 5.19: a core executing instructions is powered up: HW_ON, whatever PSCI calls it. */
void judge_hw_state_running(u32 id, u32 version, int cpu, u64 x0, struct verdict *v)
{
	s64 result = psci_result(id, x0);
	char name[32];

	psci_id_name(id, name, sizeof(name));
	verdict_expect(v, answered(id, version, x0, PSCI_HW_ON), "%s(CPU %d, level 0) of a core running code: %ld (%s)%s",
		       name, cpu, result, hw_state_name(result), result == PSCI_HW_ON ? "" : ", must be HW_ON");
}

void judge_hw_state_absent_target(u32 id, u32 version, u64 target, u64 x0, struct verdict *v)
{
	s64 result = psci_result(id, x0);
	char name[32];

	psci_id_name(id, name, sizeof(name));
	verdict_expect(v, answered(id, version, x0, PSCI_RET_INVALID_PARAMETERS), "%s(0x%lx, level 0), no core has it: %ld (%s)%s",
		       name, target, result, hw_state_name(result),
		       result == PSCI_RET_INVALID_PARAMETERS ? "" : ", must be INVALID_PARAMETERS");
}
