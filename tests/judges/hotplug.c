/* Host tests of the CPU_OFF judges over hotplug cycles. */
#include <judges/hotplug.h>
#include "harness.h"

#define ON PSCI_FN(PSCI_NR_CPU_ON)
#define ON64 PSCI_FN64(PSCI_NR_CPU_ON)
#define RET(code) ((u64)(s64)(code))

/* A cycle as 5.5 and 5.6 want it: CPU_OFF stays gone, OFF seen, CPU_ON brings it back. */
static struct hotplug_cycle good_cycle(int cpu, u32 cycle)
{
	u32 id = cycle % 2 ? ON : ON64;
	u64 context = (cycle % 2 ? 0x80000000UL : 0xc0de000000000000UL) | (u64)cycle << 8 | cpu;

	return (struct hotplug_cycle){
		.cpu = cpu, .mpidr = cpu, .cycle = cycle, .reached_off = true, .last_state = PSCI_AFF_OFF,
		.odd_state = PSCI_AFF_ON, .off_us = 150, .stayed_off = true, .stay_state = PSCI_AFF_OFF,
		.on_id = id, .context_id = context, .on_x0 = 0, .entries = 1, .entry_x0 = context,
	};
}

static struct hotplug_tally tally_of(u32 cycles, void (*spoil)(struct hotplug_cycle *c), u32 bad_cycle)
{
	struct hotplug_tally t = { .version = PSCI_V1_1, .planned = cycles * 3, .bound_us = 2000000 };

	for (u32 cycle = 1; cycle <= cycles; cycle++) {
		for (int cpu = 1; cpu <= 3; cpu++) {
			struct hotplug_cycle c = good_cycle(cpu, cycle);

			if (cycle == bad_cycle && cpu == 2)
				spoil(&c);
			hotplug_tally_cycle(&t, &c);
		}
	}
	return t;
}

typedef void (*tally_judge)(const struct hotplug_tally *t, struct verdict *v);

static const tally_judge judges[] = {
	judge_cpu_off_no_return, judge_cpu_off_reaches_off, judge_cpu_off_stays_off, judge_cpu_off_on_again,
	judge_cpu_off_context,
};

/* The judge at INDEX fails; every judge before it still passes. */
static void expect_only(const struct hotplug_tally *t, unsigned int failing)
{
	struct verdict v;

	for (unsigned int i = 0; i < ARRAY_SIZE(judges); i++) {
		judges[i](t, &v);
		if (i == failing)
			EXPECT_FAIL(v);
		else if (i < failing)
			EXPECT_PASS(v);
	}
}

static void no_spoil(struct hotplug_cycle *c)
{
	(void)c;
}

static void off_returns_denied(struct hotplug_cycle *c)
{
	c->off_returned = true;
	c->off_x0 = (u32)PSCI_RET_DENIED;
}

static void never_off(struct hotplug_cycle *c)
{
	c->reached_off = false;
	c->last_state = PSCI_AFF_ON;
}

static void pending_while_turning_off(struct hotplug_cycle *c)
{
	c->odd_state = PSCI_AFF_ON_PENDING;
}

static void back_on_by_itself(struct hotplug_cycle *c)
{
	c->stayed_off = false;
	c->stay_state = PSCI_AFF_ON;
}

static void ran_while_off(struct hotplug_cycle *c)
{
	c->ran_while_off = true;
}

static void cpu_on_refused(struct hotplug_cycle *c)
{
	c->on_x0 = RET(PSCI_RET_ALREADY_ON);
	c->entries = 0;
}

static void never_entered(struct hotplug_cycle *c)
{
	c->entries = 0;
}

static void stale_context(struct hotplug_cycle *c)
{
	c->entry_x0 = good_cycle(c->cpu, c->cycle - 1).context_id;
}

JUDGE_TEST(hotplug_clean_cycles_pass)
{
	struct hotplug_tally t = tally_of(20, no_spoil, 0);

	expect_only(&t, ARRAY_SIZE(judges));
}

JUDGE_TEST(hotplug_cpu_off_returning_fails)
{
	struct hotplug_tally t = tally_of(20, off_returns_denied, 17);

	expect_only(&t, 0);
}

JUDGE_TEST(hotplug_denied_permitted_on_trusted_os_core)
{
	struct hotplug_tally t = { .planned = 3, .tos_resident = true, .tos_mpidr = 2 };
	struct hotplug_cycle c = good_cycle(2, 1);
	struct verdict v;

	off_returns_denied(&c);
	hotplug_tally_cycle(&t, &c);
	judge_cpu_off_no_return(&t, &v);
	EXPECT_PASS(v);
	t.tos_mpidr = 3;
	t.denied_on_tos = 0;
	hotplug_tally_cycle(&t, &c);
	judge_cpu_off_no_return(&t, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(hotplug_not_reaching_off_fails)
{
	struct hotplug_tally t = tally_of(20, never_off, 3);

	expect_only(&t, 1);
	t = tally_of(20, pending_while_turning_off, 20);
	expect_only(&t, 1);
}

JUDGE_TEST(hotplug_waking_while_off_fails)
{
	struct hotplug_tally t = tally_of(20, back_on_by_itself, 8);

	expect_only(&t, 2);
	t = tally_of(20, ran_while_off, 8);
	expect_only(&t, 2);
}

JUDGE_TEST(hotplug_not_coming_back_fails)
{
	struct hotplug_tally t = tally_of(20, cpu_on_refused, 11);

	expect_only(&t, 3);
	t = tally_of(20, never_entered, 1);
	expect_only(&t, 3);
}

JUDGE_TEST(hotplug_stale_context_fails)
{
	struct hotplug_tally t = tally_of(20, stale_context, 4);

	expect_only(&t, 4);
}

JUDGE_TEST(hotplug_nothing_to_cycle_skips)
{
	struct hotplug_tally t = { .planned = 0 };
	struct verdict v;

	for (unsigned int i = 0; i < ARRAY_SIZE(judges); i++) {
		judges[i](&t, &v);
		EXPECT_SKIP(v);
	}
}
