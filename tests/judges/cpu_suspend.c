/* Host tests of the CPU_SUSPEND judges: right outcomes pass, wrong ones FAIL. */
#include <judges/cpu_suspend.h>
#include <libc/string.h>
#include "harness.h"

#define SUSPEND32 PSCI_FN(PSCI_NR_CPU_SUSPEND)
#define SUSPEND64 PSCI_FN64(PSCI_NR_CPU_SUSPEND)
#define CONTEXT_ID 0x5eed0000c5a5e0d2ul
#define ENTRY 0x40080000ul
#define W0(code) ((u64)(u32)(code))
#define X0(code) ((u64)(s64)(code))
#define DAIF_ALL 0x3c0ul
#define SCTLR_MMU_ON 0x30d0199dul	/* M, C, I set */
#define SCTLR_OFF 0x30d00800ul
#define SCTLR_EE (1ul << 25)

static struct suspend_call returned(u32 id, u32 power_state, u64 x0)
{
	return (struct suspend_call){ .id = id, .version = PSCI_V1_1, .power_state = power_state, .listed = true, .entry_point = ENTRY,
				      .context_id = CONTEXT_ID, .caller_el = 1, .caller_sctlr = SCTLR_MMU_ON,
				      .bound_us = 2000000, .end = SUSPEND_RETURNED, .x0 = x0 };
}

static struct suspend_call resumed(u32 id, u64 x0, u64 el, u64 daif, u64 sctlr)
{
	struct suspend_call c = returned(id, POWER_STATE_ORIG_POWERDOWN, 0);

	c.end = SUSPEND_RESUMED;
	c.entry = (struct suspend_entry){ x0, el << 2, daif, sctlr };
	return c;
}

static struct suspend_call stuck(u32 id, u32 power_state)
{
	struct suspend_call c = returned(id, power_state, 0);

	c.end = SUSPEND_STUCK;
	return c;
}

static const struct invalid_power_state *kind_named(const char *name, bool extended)
{
	for (unsigned int i = 0; i < invalid_power_state_count; i++)
		if (invalid_power_states[i].extended == extended && !strcmp(invalid_power_states[i].name, name))
			return &invalid_power_states[i];
	return NULL;
}

JUDGE_TEST(power_state_layouts)
{
	struct verdict v;

	verdict_expect(&v, power_state_is_powerdown(false, 0x00010000) && !power_state_is_powerdown(false, 0x40000000) &&
			   power_state_is_powerdown(true, 0x40000000) && !power_state_is_powerdown(true, 0x00010000) &&
			   power_state_level(0x03000000) == 3 && power_state_default(false, true) == 0x10000 &&
			   power_state_default(true, true) == 0x40000000 && power_state_default(true, false) == 0,
		       "power_state fields of Tables 7 and 8");
	EXPECT_PASS(v);
	verdict_expect(&v, invalid_power_state_value(kind_named("power_level_3", false), 0x01000005) == 0x03000005 &&
			   invalid_power_state_value(kind_named("reserved_bit26", false), 0x5) == 0x04000005 &&
			   kind_named("reserved_bit28", true) && !kind_named("reserved_bit28", false),
		       "invalid values built from a valid one");
	EXPECT_PASS(v);
}

JUDGE_TEST(standby_success_passes_both_widths)
{
	struct suspend_call c = returned(SUSPEND32, 0, 0xffffffff00000000ul);
	struct verdict v;

	judge_standby(&c, &v);
	EXPECT_PASS(v);
	c = returned(SUSPEND64, 0, 0);
	judge_standby(&c, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(standby_wrong_result_fails)
{
	struct suspend_call c = returned(SUSPEND64, 0, 0xffffffff00000000ul);
	struct verdict v;

	/* SMC64: X0 is the result, so a clean W0 with junk above is not SUCCESS. */
	judge_standby(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SUSPEND32, 0, W0(PSCI_RET_DENIED));
	judge_standby(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SUSPEND32, 0, W0(PSCI_RET_INVALID_PARAMETERS));
	judge_standby(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SUSPEND64, 0, 1);
	judge_standby(&c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(standby_unlisted_state_refused_is_info)
{
	struct suspend_call c = returned(SUSPEND32, 0, W0(PSCI_RET_INVALID_PARAMETERS));
	struct verdict v;

	c.listed = false;
	judge_standby(&c, &v);
	EXPECT_INFO(v);
	c.x0 = W0(PSCI_RET_INVALID_ADDRESS);
	judge_standby(&c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(standby_stuck_or_resumed_fails)
{
	struct suspend_call c = stuck(SUSPEND32, 0);
	struct verdict v;

	judge_standby(&c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	c.power_state = 0;
	judge_standby(&c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(wakeup_must_stay_pending)
{
	struct suspend_call c = returned(SUSPEND32, 0, 0);
	struct suspend_wakeup w = { 0, true };
	struct verdict v;

	judge_standby_wakeup_pending(&c, &w, &v);
	EXPECT_PASS(v);
	w.taken_after_unmask = false;
	judge_standby_wakeup_pending(&c, &w, &v);
	EXPECT_FAIL(v);
	w = (struct suspend_wakeup){ 1, true };
	judge_standby_wakeup_pending(&c, &w, &v);
	EXPECT_FAIL(v);
	c = stuck(SUSPEND32, 0);
	judge_standby_wakeup_pending(&c, &w, &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(core_state_must_not_change)
{
	struct suspend_call c = returned(SUSPEND64, 0, 0);
	struct core_state before = { { 4, DAIF_ALL, SCTLR_MMU_ON, 0x40081000, 3, 0x40200000, 0x80803520, 0xff04 } };
	struct core_state after = before;
	struct verdict v;

	judge_standby_core_state(&c, &before, &after, &v);
	EXPECT_PASS(v);
	for (int r = 0; r < CORE_REG_COUNT; r++) {
		after = before;
		after.reg[r] ^= 0x80;
		judge_standby_core_state(&c, &before, &after, &v);
		EXPECT_FAIL(v);
	}
	c = stuck(SUSPEND64, 0);
	judge_standby_core_state(&c, &before, &after, &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(powerdown_resume_or_success_in_place_passes)
{
	struct suspend_call c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	struct verdict v;

	judge_powerdown(&c, &v);
	EXPECT_PASS(v);
	/* SMC32: context_id is 32 bits and judged on W0. */
	c = resumed(SUSPEND32, (u32)CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	judge_powerdown(&c, &v);
	EXPECT_PASS(v);
	c = returned(SUSPEND32, POWER_STATE_ORIG_POWERDOWN, 0);
	judge_powerdown(&c, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(powerdown_wrong_entry_state_fails)
{
	struct suspend_call c = resumed(SUSPEND64, (u32)CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	struct verdict v;

	judge_powerdown(&c, &v);	/* context_id truncated */
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 2, DAIF_ALL, SCTLR_OFF);
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF | 1);
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF | (1ul << 2));
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL & ~0x80ul, SCTLR_OFF);
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF | SCTLR_EE);
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND32, 0, 1, DAIF_ALL, SCTLR_OFF);
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(powerdown_wrong_code_or_stuck_fails)
{
	struct suspend_call c = returned(SUSPEND64, POWER_STATE_ORIG_POWERDOWN, X0(PSCI_RET_INVALID_ADDRESS));
	struct verdict v;

	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SUSPEND32, POWER_STATE_ORIG_POWERDOWN, W0(PSCI_RET_DENIED));
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SUSPEND32, POWER_STATE_ORIG_POWERDOWN, W0(PSCI_RET_NOT_SUPPORTED));
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = stuck(SUSPEND64, POWER_STATE_ORIG_POWERDOWN);
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SUSPEND32, POWER_STATE_ORIG_POWERDOWN, W0(PSCI_RET_INVALID_PARAMETERS));
	judge_powerdown(&c, &v);
	EXPECT_FAIL(v);
	c.listed = false;
	judge_powerdown(&c, &v);
	EXPECT_INFO(v);
}

JUDGE_TEST(reserved_bits_must_be_refused)
{
	const struct invalid_power_state *kind = kind_named("reserved_bit17", false);
	struct suspend_call c = returned(SUSPEND32, BIT(17), W0(PSCI_RET_INVALID_PARAMETERS));
	struct verdict v;

	judge_invalid_power_state(kind, &c, &v);
	EXPECT_PASS(v);
	c.x0 = 0;
	judge_invalid_power_state(kind, &c, &v);
	EXPECT_FAIL(v);
	c.x0 = W0(PSCI_RET_NOT_SUPPORTED);
	judge_invalid_power_state(kind, &c, &v);
	EXPECT_FAIL(v);
	c = stuck(SUSPEND32, BIT(17));
	judge_invalid_power_state(kind, &c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	judge_invalid_power_state(kind_named("reserved_bit31", true), &c, &v);
	EXPECT_FAIL(v);
	/* SMC64: INVALID_PARAMETERS only in W0 is not INVALID_PARAMETERS. */
	c = returned(SUSPEND64, BIT(28), W0(PSCI_RET_INVALID_PARAMETERS));
	judge_invalid_power_state(kind_named("reserved_bit28", true), &c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(unlisted_power_level_accepted_is_info)
{
	const struct invalid_power_state *kind = kind_named("power_level_3", false);
	struct suspend_call c = returned(SUSPEND64, 0x03000000, X0(PSCI_RET_INVALID_PARAMETERS));
	struct verdict v;

	judge_invalid_power_state(kind, &c, &v);
	EXPECT_PASS(v);
	c.x0 = 0;
	judge_invalid_power_state(kind, &c, &v);
	EXPECT_INFO(v);
	c.x0 = X0(PSCI_RET_DENIED);
	judge_invalid_power_state(kind, &c, &v);
	EXPECT_FAIL(v);
	c = stuck(SUSPEND64, 0x03000000);
	judge_invalid_power_state(kind, &c, &v);
	EXPECT_FAIL(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	judge_invalid_power_state(kind, &c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(invalid_entry_point_code_per_version)
{
	struct suspend_call c = returned(SUSPEND64, POWER_STATE_ORIG_POWERDOWN, X0(PSCI_RET_INVALID_ADDRESS));
	struct verdict v;

	c.version = PSCI_V1_1;
	judge_invalid_entry_point(&c, &v);
	EXPECT_PASS(v);
	c.version = PSCI_V0_2;
	judge_invalid_entry_point(&c, &v);
	EXPECT_FAIL(v);
	c.x0 = X0(PSCI_RET_INVALID_PARAMETERS);
	c.version = PSCI_V0_2;
	judge_invalid_entry_point(&c, &v);
	EXPECT_PASS(v);
	c.version = PSCI_V1_0;
	judge_invalid_entry_point(&c, &v);
	EXPECT_FAIL(v);
	c.x0 = X0(PSCI_RET_DENIED);
	c.version = PSCI_V1_3;
	judge_invalid_entry_point(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SUSPEND32, POWER_STATE_ORIG_POWERDOWN, W0(PSCI_RET_INVALID_ADDRESS));
	c.version = PSCI_V1_0;
	judge_invalid_entry_point(&c, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(invalid_entry_point_accepted_is_info)
{
	struct suspend_call c = returned(SUSPEND32, POWER_STATE_ORIG_POWERDOWN, 0);
	struct verdict v;

	c.version = PSCI_V1_1;
	judge_invalid_entry_point(&c, &v);
	EXPECT_INFO(v);
	c = stuck(SUSPEND32, POWER_STATE_ORIG_POWERDOWN);
	c.version = PSCI_V1_1;
	judge_invalid_entry_point(&c, &v);
	EXPECT_INFO(v);
	c = resumed(SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	c.version = PSCI_V1_1;
	judge_invalid_entry_point(&c, &v);
	EXPECT_FAIL(v);
}

#define SYSTEM_SUSPEND32 PSCI_FN(PSCI_NR_SYSTEM_SUSPEND)
#define SYSTEM_SUSPEND64 PSCI_FN64(PSCI_NR_SYSTEM_SUSPEND)

JUDGE_TEST(system_suspend_with_cores_on_refused_passes)
{
	struct verdict v;
	struct suspend_call c = returned(SYSTEM_SUSPEND32, 0, W0(PSCI_RET_DENIED));

	judge_system_suspend_others_on(&c, &v);
	EXPECT_PASS(v);
	c = returned(SYSTEM_SUSPEND64, 0, X0(PSCI_RET_ALREADY_ON));
	judge_system_suspend_others_on(&c, &v);
	EXPECT_PASS(v);
	/* SMC32: W0 sign-extended, whatever X0[63:32] holds. */
	c = returned(SYSTEM_SUSPEND32, 0, 0xdead0000fffffffdul);
	judge_system_suspend_others_on(&c, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(system_suspend_with_cores_on_suspending_fails)
{
	struct verdict v;
	struct suspend_call c = resumed(SYSTEM_SUSPEND64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);

	judge_system_suspend_others_on(&c, &v);
	EXPECT_FAIL(v);
	c = stuck(SYSTEM_SUSPEND32, 0);
	judge_system_suspend_others_on(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SYSTEM_SUSPEND32, 0, W0(PSCI_RET_SUCCESS));
	judge_system_suspend_others_on(&c, &v);
	EXPECT_FAIL(v);
	c = returned(SYSTEM_SUSPEND64, 0, X0(PSCI_RET_INVALID_PARAMETERS));
	judge_system_suspend_others_on(&c, &v);
	EXPECT_FAIL(v);
	/* SMC64: the error is the whole of X0. */
	c = returned(SYSTEM_SUSPEND64, 0, W0(PSCI_RET_DENIED));
	judge_system_suspend_others_on(&c, &v);
	EXPECT_FAIL(v);
}

#define DEFAULT64 PSCI_FN64(PSCI_NR_CPU_DEFAULT_SUSPEND)
#define DEFAULT32 PSCI_FN(PSCI_NR_CPU_DEFAULT_SUSPEND)

JUDGE_TEST(default_suspend_resumes_or_returns_success)
{
	struct suspend_call c = resumed(DEFAULT64, CONTEXT_ID, 1, DAIF_ALL, SCTLR_OFF);
	struct verdict v;

	judge_default_suspend(&c, &v);
	EXPECT_PASS(v);
	c = resumed(DEFAULT64, 0, 1, DAIF_ALL, SCTLR_OFF);	/* context_id lost */
	judge_default_suspend(&c, &v);
	EXPECT_FAIL(v);
	c = returned(DEFAULT32, 0, 0);
	judge_default_suspend(&c, &v);
	EXPECT_PASS(v);
	c = returned(DEFAULT32, 0, W0(PSCI_RET_INVALID_PARAMETERS));	/* there is no power_state to refuse */
	judge_default_suspend(&c, &v);
	EXPECT_FAIL(v);
	c = returned(DEFAULT64, 0, X0(PSCI_RET_DENIED));
	judge_default_suspend(&c, &v);
	EXPECT_FAIL(v);
	c = stuck(DEFAULT64, 0);
	judge_default_suspend(&c, &v);
	EXPECT_FAIL(v);
}

/* CPU_DEFAULT_SUSPEND exists from 1.0: a rejected entry point is INVALID_ADDRESS, never INVALID_PARAMETERS. */
JUDGE_TEST(default_suspend_invalid_entry_point)
{
	struct suspend_call c = returned(DEFAULT64, 0, X0(PSCI_RET_INVALID_ADDRESS));
	struct verdict v;

	c.version = PSCI_V1_0;
	judge_invalid_entry_point(&c, &v);
	EXPECT_PASS(v);
	c.x0 = X0(PSCI_RET_INVALID_PARAMETERS);
	judge_invalid_entry_point(&c, &v);
	EXPECT_FAIL(v);
}
