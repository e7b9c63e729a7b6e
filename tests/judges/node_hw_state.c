/* Host tests of the NODE_HW_STATE judges: right answers pass, wrong ones FAIL. */
#include <judges/node_hw_state.h>
#include "harness.h"

#define W0(ret) ((u64)(u32)(ret))
#define X0(ret) ((u64)(s64)(ret))

static const u32 hw_state = PSCI_FN(PSCI_NR_NODE_HW_STATE), hw_state64 = PSCI_FN64(PSCI_NR_NODE_HW_STATE);

JUDGE_TEST(running_core_is_hw_on)
{
	struct verdict v;

	judge_hw_state_running(hw_state64, PSCI_V1_0, 0, PSCI_HW_ON, &v);
	EXPECT_PASS(v);
	judge_hw_state_running(hw_state, PSCI_V1_0, 1, 0xffffffff00000000ul, &v);
	EXPECT_PASS(v);
	judge_hw_state_running(hw_state64, PSCI_V1_0, 1, PSCI_HW_STANDBY, &v);
	EXPECT_FAIL(v);
	judge_hw_state_running(hw_state, PSCI_V1_1, 0, PSCI_HW_OFF, &v);
	EXPECT_FAIL(v);
	judge_hw_state_running(hw_state, PSCI_V1_1, 0, W0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(absent_target_is_invalid_parameters)
{
	struct verdict v;

	judge_hw_state_absent_target(hw_state64, PSCI_V1_0, 0x8000ff, X0(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_PASS(v);
	judge_hw_state_absent_target(hw_state, PSCI_V1_3, 0x8000ff, W0(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_PASS(v);
	/* SMC64 results are read in X0: a 32-bit -2 is no error code. */
	judge_hw_state_absent_target(hw_state64, PSCI_V1_0, 0x8000ff, W0(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_FAIL(v);
	judge_hw_state_absent_target(hw_state, PSCI_V1_0, 0x8000ff, PSCI_HW_OFF, &v);
	EXPECT_FAIL(v);
	judge_hw_state_absent_target(hw_state, PSCI_V1_0, 0x8000ff, W0(PSCI_RET_DENIED), &v);
	EXPECT_FAIL(v);
}
