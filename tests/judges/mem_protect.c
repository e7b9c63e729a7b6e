/* Host tests of the MEM_PROTECT judges: right answers pass, wrong ones FAIL. */
#include <judges/mem_protect.h>
#include "harness.h"

#define W0(ret) ((u64)(u32)(ret))
#define X0(ret) ((u64)(s64)(ret))

static const u32 check32 = PSCI_FN(PSCI_NR_MEM_PROTECT_CHECK_RANGE);
static const u32 check64 = PSCI_FN64(PSCI_NR_MEM_PROTECT_CHECK_RANGE);

JUDGE_TEST(mem_protect_returns_the_state_before)
{
	struct mem_protect_step steps[] = { { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 }, { 0, 0 } };
	struct verdict v;

	judge_mem_protect_previous(steps, 5, &v);
	EXPECT_PASS(v);
	steps[0].x0 = 1;	/* the firmware had it on: any first state is fine */
	judge_mem_protect_previous(steps, 5, &v);
	EXPECT_PASS(v);
	steps[1].x0 = 0;	/* returned the new state's opposite */
	judge_mem_protect_previous(steps, 5, &v);
	EXPECT_FAIL(v);
	steps[1].x0 = 1;
	steps[2].x0 = 0;	/* returned the state it set, not the one before */
	judge_mem_protect_previous(steps, 5, &v);
	EXPECT_FAIL(v);
	steps[2].x0 = 1;
	steps[0].x0 = W0(PSCI_RET_NOT_SUPPORTED);
	judge_mem_protect_previous(steps, 5, &v);
	EXPECT_FAIL(v);
	steps[0].x0 = 2;
	judge_mem_protect_previous(steps, 5, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(mem_check_range_protected_memory)
{
	struct mem_check c = { check64, PSCI_V1_1, "a page of the image's RAM", 0x40080000, 0x1000, 0 };
	struct verdict v;

	judge_mem_check_protected(&c, &v);
	EXPECT_PASS(v);
	c.x0 = X0(PSCI_RET_DENIED);
	judge_mem_check_protected(&c, &v);
	EXPECT_FAIL(v);
	c.x0 = X0(PSCI_RET_NOT_SUPPORTED);
	judge_mem_check_protected(&c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(mem_check_range_denied)
{
	struct mem_check c = { check32, PSCI_V1_1, "length 0", 0x40080000, 0, W0(PSCI_RET_DENIED) };
	struct verdict v;

	judge_mem_check_denied(&c, &v);
	EXPECT_PASS(v);
	c.x0 = PSCI_RET_SUCCESS;
	judge_mem_check_denied(&c, &v);
	EXPECT_FAIL(v);
	c.x0 = W0(PSCI_RET_INVALID_PARAMETERS);	/* not a code 5.15.2 gives */
	judge_mem_check_denied(&c, &v);
	EXPECT_FAIL(v);
	c = (struct mem_check){ check64, PSCI_V1_3, "wraps", 0xfffffffffffff000ul, 0x2000, W0(PSCI_RET_DENIED) };
	judge_mem_check_denied(&c, &v);
	EXPECT_FAIL(v);	/* SMC64: X0 must hold the sign-extended code */
	c.x0 = X0(PSCI_RET_DENIED);
	judge_mem_check_denied(&c, &v);
	EXPECT_PASS(v);
}
