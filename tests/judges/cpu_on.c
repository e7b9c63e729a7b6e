/* Host tests of the CPU_ON judges: right observations pass, wrong ones FAIL. */
#include <judges/cpu_on.h>
#include <libc/string.h>
#include "harness.h"

#define ON PSCI_FN(PSCI_NR_CPU_ON)
#define ON64 PSCI_FN64(PSCI_NR_CPU_ON)
#define AI64 PSCI_FN64(PSCI_NR_AFFINITY_INFO)
#define RET(code) ((u64)(s64)(code))

static void expect_mention(const struct verdict *v, const char *part)
{
	for (const char *at = v->why; *at; at++)
		if (!strncmp(at, part, strlen(part)))
			return;
	harness_fail(__FILE__, __LINE__, part, v);
}

/* A CPU started by CPU_ON64 at EL1 exactly as 6.4 requires. */
static struct cpu_on_start good_start(void)
{
	return (struct cpu_on_start){
		.id = ON64, .version = PSCI_V1_1, .context_id = 0xc0de00005eed0001UL, .x0 = 0, .bound_us = 2000000, .entries = 1,
		.entry_x0 = 0xc0de00005eed0001UL, .entry_current_el = 1 << 2, .entry_daif = 0x3c0,
		.entry_sctlr = 0x30d00800, .read_back = true, .spsel = 1, .cntfrq = 62500000,
		.caller_el = 1, .caller_sctlr = 0x30d01805, .caller_cntfrq = 62500000,
	};
}

typedef void (*entry_judge)(const struct cpu_on_start *s, struct verdict *v);

static const entry_judge entry_judges[] = {
	judge_cpu_on_starts, judge_entry_context_id, judge_entry_el, judge_entry_stack_pointer,
	judge_entry_daif, judge_entry_mmu_off, judge_entry_caches_off, judge_entry_endianness,
	judge_entry_cntfrq,
};

JUDGE_TEST(good_entry_passes_every_judge)
{
	struct cpu_on_start s = good_start();
	struct verdict v;

	for (unsigned int i = 0; i < ARRAY_SIZE(entry_judges); i++) {
		entry_judges[i](&s, &v);
		EXPECT_PASS(v);
	}
}

JUDGE_TEST(start_failures)
{
	struct cpu_on_start s = good_start();
	struct verdict v;

	s.entries = 0;
	judge_cpu_on_starts(&s, &v);
	EXPECT_FAIL(v);
	judge_entry_daif(&s, &v);
	EXPECT_SKIP(v);
	s.entries = 2;
	judge_cpu_on_starts(&s, &v);
	EXPECT_FAIL(v);
	s = good_start();
	s.x0 = RET(PSCI_RET_INVALID_PARAMETERS);
	judge_cpu_on_starts(&s, &v);
	EXPECT_FAIL(v);
	judge_entry_context_id(&s, &v);
	EXPECT_SKIP(v);
	s.x0 = RET(PSCI_RET_DENIED);
	judge_cpu_on_starts(&s, &v);
	EXPECT_INFO(v);
	/* An SMC64 error must be 64-bit: W0 alone is not -3. */
	s.x0 = (u32)PSCI_RET_DENIED;
	judge_cpu_on_starts(&s, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(context_id_smc64_full_smc32_w0)
{
	struct cpu_on_start s = good_start();
	struct verdict v;

	s.entry_x0 = 0x5eed0001;
	judge_entry_context_id(&s, &v);
	EXPECT_FAIL(v);
	s.id = ON;
	s.context_id = 0x8badf00d;
	s.entry_x0 = 0xffffffff8badf00dUL;
	judge_entry_context_id(&s, &v);
	EXPECT_PASS(v);
	s.entry_x0 = 0x8badf00e;
	judge_entry_context_id(&s, &v);
	EXPECT_FAIL(v);
	s.x0 = 0xffffffff00000000UL;	/* W0 = SUCCESS */
	s.entry_x0 = 0x8badf00d;
	judge_entry_context_id(&s, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(entry_state_faults)
{
	struct cpu_on_start s;
	struct verdict v;

	s = good_start();
	s.entry_current_el = 2 << 2;
	judge_entry_el(&s, &v);
	EXPECT_FAIL(v);
	s = good_start();
	s.spsel = 0;
	judge_entry_stack_pointer(&s, &v);
	EXPECT_FAIL(v);
	s.read_back = false;
	judge_entry_stack_pointer(&s, &v);
	EXPECT_FAIL(v);
	s = good_start();
	s.entry_daif = 0x380;		/* F unmasked */
	judge_entry_daif(&s, &v);
	EXPECT_FAIL(v);
	s = good_start();
	s.entry_sctlr |= ENTRY_SCTLR_M;
	judge_entry_mmu_off(&s, &v);
	EXPECT_FAIL(v);
	judge_entry_caches_off(&s, &v);
	EXPECT_PASS(v);
	s = good_start();
	s.entry_sctlr |= ENTRY_SCTLR_I;
	judge_entry_caches_off(&s, &v);
	EXPECT_FAIL(v);
	s = good_start();
	s.entry_sctlr |= ENTRY_SCTLR_EE;
	judge_entry_endianness(&s, &v);
	EXPECT_FAIL(v);
	s.caller_sctlr |= ENTRY_SCTLR_EE;
	judge_entry_endianness(&s, &v);
	EXPECT_PASS(v);
	s = good_start();
	s.cntfrq = 0;
	judge_entry_cntfrq(&s, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(exact_codes)
{
	struct verdict v;

	judge_cpu_on_refusal(ON64, PSCI_V1_1, CPU_ON_TARGET_ON, RET(PSCI_RET_ALREADY_ON), "self", &v);
	EXPECT_PASS(v);
	judge_cpu_on_refusal(ON64, PSCI_V1_1, CPU_ON_TARGET_ON, 0, "self", &v);
	EXPECT_FAIL(v);
	judge_cpu_on_refusal(ON, PSCI_V1_1, CPU_ON_TARGET_ON, RET(PSCI_RET_ON_PENDING), "online CPU", &v);
	EXPECT_FAIL(v);
	judge_cpu_on_refusal(ON, PSCI_V1_1, CPU_ON_TARGET_INVALID, (u32)PSCI_RET_INVALID_PARAMETERS, "bit 24", &v);
	EXPECT_PASS(v);
	judge_cpu_on_refusal(ON64, PSCI_V1_1, CPU_ON_TARGET_INVALID, (u32)PSCI_RET_INVALID_PARAMETERS, "bit 24", &v);
	EXPECT_FAIL(v);
	judge_cpu_on_refusal(ON64, PSCI_V1_1, CPU_ON_TARGET_INVALID, RET(PSCI_RET_ALREADY_ON), "bit 24 on self", &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(invalid_entry_per_version)
{
	struct verdict v;

	judge_cpu_on_invalid_entry(ON64, PSCI_V1_1, 0x40000002, RET(PSCI_RET_INVALID_ADDRESS), &v);
	EXPECT_PASS(v);
	judge_cpu_on_invalid_entry(ON64, PSCI_V1_1, 0x40000002, RET(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_FAIL(v);
	judge_cpu_on_invalid_entry(ON, PSCI_V0_2, 0x40000002, (u32)PSCI_RET_INVALID_PARAMETERS, &v);
	EXPECT_PASS(v);
	judge_cpu_on_invalid_entry(ON, PSCI_V0_2, 0x40000002, (u32)PSCI_RET_INVALID_ADDRESS, &v);
	EXPECT_FAIL(v);
	judge_cpu_on_invalid_entry(ON64, PSCI_V1_3, 0, 0, &v);
	EXPECT_INFO(v);
	judge_cpu_on_invalid_entry(ON64, PSCI_V1_3, 0, RET(PSCI_RET_DENIED), &v);
	EXPECT_FAIL(v);
}

/* A round in which caller 0 wins and the others see the target ON, as 6.6 allows. */
static struct race_round good_round(u32 round, int callers)
{
	struct race_round r = { .round = round, .id = ON64, .version = PSCI_V1_1, .callers = callers, .affinity_id = AI64,
				.entered = true, .entries = 1 };

	for (int i = 0; i < callers; i++) {
		r.x0[i] = RET(i ? PSCI_RET_ALREADY_ON : PSCI_RET_SUCCESS);
		r.context_id[i] = (u64)round << 8 | i;
		for (int p = 0; p < RACE_AFFINITY_POLLS; p++)
			r.affinity_x0[i][p] = p ? PSCI_AFF_ON : PSCI_AFF_ON_PENDING;
	}
	r.entry_x0 = r.context_id[0];
	return r;
}

static struct race_tally tally_of(u32 planned, int callers, u32 bad_round, void (*spoil)(struct race_round *r))
{
	struct race_tally t = { .run.planned = planned, .callers = callers };

	for (u32 round = 1; round <= planned; round++) {
		struct race_round r = good_round(round, callers);

		if (round == bad_round)
			spoil(&r);
		race_tally_round(&t, &r);
	}
	return t;
}

static void no_spoil(struct race_round *r)
{
	(void)r;
}

static void double_success(struct race_round *r)
{
	r->x0[2] = RET(PSCI_RET_SUCCESS);
	r->entry_x0 = r->context_id[2];
}

static void nobody_wins(struct race_round *r)
{
	r->x0[0] = RET(PSCI_RET_ALREADY_ON);
}

static void loser_gets_denied(struct race_round *r)
{
	r->x0[1] = RET(PSCI_RET_DENIED);
}

static void off_after_success(struct race_round *r)
{
	r->affinity_x0[0][0] = PSCI_AFF_OFF;
}

static void entered_with_other_context(struct race_round *r)
{
	r->entry_x0 = r->context_id[1];
}

static void entered_twice(struct race_round *r)
{
	r->entries = 2;
}

JUDGE_TEST(race_clean_rounds_pass)
{
	struct race_tally t = tally_of(300, 7, 0, no_spoil);
	struct verdict v;

	judge_race_rounds_completed(&t, &v);
	EXPECT_PASS(v);
	judge_race_one_success(&t, &v);
	EXPECT_PASS(v);
	judge_race_losers(&t, &v);
	EXPECT_PASS(v);
	judge_race_affinity_after_success(&t, &v);
	EXPECT_PASS(v);
	judge_race_winner_entry(&t, &v);
	EXPECT_PASS(v);
}

/* One bad round in 300 is a FAIL that names it, not a statistic. */
JUDGE_TEST(race_one_bad_round_in_300_fails)
{
	struct race_tally t = tally_of(300, 7, 137, double_success);
	struct verdict v;

	judge_race_one_success(&t, &v);
	EXPECT_FAIL(v);
	expect_mention(&v, "round 137: 2 SUCCESS");
	judge_race_losers(&t, &v);
	EXPECT_PASS(v);
	judge_race_winner_entry(&t, &v);
	EXPECT_PASS(v);
	t = tally_of(300, 3, 300, nobody_wins);
	judge_race_one_success(&t, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(race_bad_losers_fail)
{
	struct race_tally t = tally_of(300, 4, 9, loser_gets_denied);
	struct verdict v;

	judge_race_losers(&t, &v);
	EXPECT_FAIL(v);
	expect_mention(&v, "round 9: -3 (DENIED)");
	judge_race_one_success(&t, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(race_off_after_success_fails)
{
	struct race_tally t = tally_of(200, 3, 1, off_after_success);
	struct verdict v;

	judge_race_affinity_after_success(&t, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(race_wrong_entry_fails)
{
	struct race_tally t = tally_of(200, 3, 5, entered_with_other_context);
	struct verdict v;

	judge_race_winner_entry(&t, &v);
	EXPECT_FAIL(v);
	t = tally_of(200, 3, 6, entered_twice);
	judge_race_winner_entry(&t, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(race_stopped_early_fails)
{
	struct race_tally t = tally_of(10, 3, 0, no_spoil);
	struct verdict v;

	t.run.planned = 300;
	judge_race_rounds_completed(&t, &v);
	EXPECT_FAIL(v);
	t.run.planned = 10;
	t.run.stopped = "the target did not reach OFF";
	t.run.stopped_round = 10;
	judge_race_rounds_completed(&t, &v);
	EXPECT_FAIL(v);
	t = (struct race_tally){ .run = { .planned = 300, .stopped = "callers did not start" }, .callers = 3 };
	judge_race_one_success(&t, &v);
	EXPECT_SKIP(v);
}

/* A round of CPU_ON against CPU_OFF: SUCCESS with a clean start, or (odd rounds) ALREADY_ON and then OFF. */
static struct vs_off_round vs_off_round(u32 round)
{
	struct vs_off_round r = { .round = round, .id = ON64, .version = PSCI_V1_1, .context_id = 0x0ff0000000000000ul | round };

	if (round % 2) {
		r.x0 = RET(PSCI_RET_ALREADY_ON);
		r.reached_off = true;
		r.restarted = true;
	} else {
		r.entries = 1;
		r.entry_x0 = r.context_id;
	}
	return r;
}

static struct vs_off_tally vs_off_tally_of(u32 planned, u32 bad_round, void (*spoil)(struct vs_off_round *r))
{
	struct vs_off_tally t = { .run.planned = planned };

	for (u32 round = 1; round <= planned; round++) {
		struct vs_off_round r = vs_off_round(round);

		if (round == bad_round)
			spoil(&r);
		vs_off_tally_round(&t, &r);
	}
	return t;
}

static void stale_context(struct vs_off_round *r)
{
	r->entry_x0 = r->context_id - 2;	/* the round before's */
}

static void never_entered(struct vs_off_round *r)
{
	r->entries = 0;
}

static void on_pending(struct vs_off_round *r)
{
	r->x0 = RET(PSCI_RET_ON_PENDING);
	r->reached_off = true;
	r->restarted = true;
}

static void stays_on(struct vs_off_round *r)
{
	r->reached_off = false;
	r->restarted = false;
}

static void restart_denied(struct vs_off_round *r)
{
	r->restart_ret = PSCI_RET_DENIED;
	r->restarted = false;
}

JUDGE_TEST(vs_off_good_rounds_pass)
{
	struct vs_off_tally t = vs_off_tally_of(300, 0, NULL);
	struct verdict v;

	judge_vs_off_rounds_completed(&t, &v);
	EXPECT_PASS(v);
	judge_vs_off_answer(&t, &v);
	EXPECT_PASS(v);
	judge_vs_off_clean_start(&t, &v);
	EXPECT_PASS(v);
	judge_vs_off_off_then_on(&t, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(vs_off_wrong_rounds_fail)
{
	struct vs_off_tally t = vs_off_tally_of(300, 100, stale_context);
	struct verdict v;

	judge_vs_off_clean_start(&t, &v);
	EXPECT_FAIL(v);
	t = vs_off_tally_of(300, 100, never_entered);
	judge_vs_off_clean_start(&t, &v);
	EXPECT_FAIL(v);
	t = vs_off_tally_of(300, 101, on_pending);
	judge_vs_off_answer(&t, &v);
	EXPECT_FAIL(v);
	judge_vs_off_off_then_on(&t, &v);
	EXPECT_PASS(v);
	t = vs_off_tally_of(300, 101, stays_on);
	judge_vs_off_off_then_on(&t, &v);
	EXPECT_FAIL(v);
	t = vs_off_tally_of(300, 101, restart_denied);
	judge_vs_off_off_then_on(&t, &v);
	EXPECT_FAIL(v);
	t = vs_off_tally_of(300, 0, NULL);
	t.run.stopped = "the target did not come back";
	t.run.stopped_round = 7;
	judge_vs_off_rounds_completed(&t, &v);
	EXPECT_FAIL(v);
	t = (struct vs_off_tally){ .run.planned = 300 };
	judge_vs_off_answer(&t, &v);
	EXPECT_SKIP(v);
}
