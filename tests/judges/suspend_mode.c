/* Host tests of the PSCI_SET_SUSPEND_MODE judges: right answers pass, wrong ones FAIL. */
#include <judges/suspend_mode.h>
#include "harness.h"

#define W0(ret) ((u64)(u32)(ret))

JUDGE_TEST(mode_invalid_is_invalid_parameters)
{
	struct mode_call c = { PSCI_V1_0, 2, "a mode 5.1.20 does not define", W0(PSCI_RET_INVALID_PARAMETERS) };
	struct verdict v;

	judge_mode_invalid(&c, &v);
	EXPECT_PASS(v);
	c.x0 = 0xffffffff00000000ul | W0(PSCI_RET_INVALID_PARAMETERS);	/* W0 is the result */
	judge_mode_invalid(&c, &v);
	EXPECT_PASS(v);
	c.x0 = PSCI_RET_SUCCESS;
	judge_mode_invalid(&c, &v);
	EXPECT_FAIL(v);
	c.x0 = W0(PSCI_RET_DENIED);
	judge_mode_invalid(&c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(mode_switches_alone_succeed_others_on_denied)
{
	struct mode_call c = { PSCI_V1_1, 1, "every other core OFF", PSCI_RET_SUCCESS };
	struct verdict v;

	judge_mode_switch_alone(&c, &v);
	EXPECT_PASS(v);
	c.x0 = W0(PSCI_RET_DENIED);
	judge_mode_switch_alone(&c, &v);
	EXPECT_FAIL(v);
	c = (struct mode_call){ PSCI_V1_1, 0, "in OS-initiated mode, another core on", W0(PSCI_RET_DENIED) };
	judge_mode_to_pc_others_on(&c, &v);
	EXPECT_PASS(v);
	c.x0 = PSCI_RET_SUCCESS;
	judge_mode_to_pc_others_on(&c, &v);
	EXPECT_FAIL(v);
	c.x0 = W0(PSCI_RET_INVALID_PARAMETERS);
	judge_mode_to_pc_others_on(&c, &v);
	EXPECT_FAIL(v);
}
