/*
 * CPU_ON against a CPU_OFF in progress (DEN0022F.b 6.6, 5.6.2, 5.5.1): a
 * secondary says it is calling CPU_OFF and calls it; the boot CPU, seeing
 * that, calls CPU_ON for it after a delay that sweeps the window of the
 * CPU_OFF, with a new context ID each round, in both widths by turns, 300
 * rounds (rounds=N). CPU_ON must find the target still ON (ALREADY_ON: the
 * CPU_OFF then completes, and a plain CPU_ON starts the core again) or
 * already OFF (SUCCESS: the target starts once with the round's context ID):
 * never a start with a stale context ID, never a CPU lost. A round that
 * leaves the target lost ends the run there.
 *
 * The target is the first secondary; under a UP Trusted OS resident on it,
 * CPU_OFF may be DENIED (5.5.2), which the runtime reports as a CPU_OFF that
 * returned.
 */
#include <argv.h>
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <judges/cpu_on.h>

#define DEFAULT_ROUNDS 300
/* The CPU_ON follows the target's word by 0, 2, ... 30 us, round by round. */
#define DELAY_STEPS 16
#define DELAY_STEP_US 2
#define CONTEXT_BASE 0x0ff00000UL
#define SMC32_ARG_MAX 0xffffffffUL

static u32 version;
static int target = -1;
static u32 going;	/* the round whose CPU_OFF the target is making */

static void announce_off(void *arg)
{
	WRITE_ONCE(going, (u32)(long)arg);
	dsb(ish);
	sev();
	cpu_off_self();
}

static u32 cpu_on_id(u32 round)
{
	u64 entry = secondary_entry_address();
	bool fits32 = cpu_mpidr(target) <= SMC32_ARG_MAX && entry <= SMC32_ARG_MAX;

	return round % 2 && fits32 ? PSCI_FN(PSCI_NR_CPU_ON) : PSCI_FN64(PSCI_NR_CPU_ON);
}

/* What the round's CPU_ON left, and what the target did after it. */
static void observe(struct vs_off_round *r, u64 entries_before)
{
	const struct cpu_entry_state *e = cpu_entry_state(target);

	if (psci_result(r->id, r->x0) == PSCI_RET_SUCCESS) {
		wait_until(READ_ONCE(e->count) > entries_before && cpu_online(target), SMP_BRINGUP_TIMEOUT_US);
		dmb(ish);
		r->entries = READ_ONCE(e->count) - entries_before;
		r->entry_x0 = READ_ONCE(e->context_id);
		return;
	}
	r->reached_off = wait_until(psci_affinity_info(cpu_mpidr(target), 0) == PSCI_AFF_OFF, SMP_OFF_TIMEOUT_US);
}

/* One round into R; NULL, or why the round could not be made. */
static const char *make_round(u32 round, struct vs_off_round *r)
{
	u64 before;

	*r = (struct vs_off_round){ .round = round, .id = cpu_on_id(round), .version = version,
				    .context_id = PSCI_FN_IS_SMC64(cpu_on_id(round)) ? CONTEXT_BASE << 32 | round :
										   CONTEXT_BASE | round };
	if (!on_cpu_async(target, announce_off, (void *)(long)round))
		return "the target could not be given its CPU_OFF";
	if (!wait_until(READ_ONCE(going) == round, SMP_WORK_TIMEOUT_US))
		return "the target did not say it was calling CPU_OFF";
	before = READ_ONCE(cpu_entry_state(target)->count);
	udelay(round % DELAY_STEPS * DELAY_STEP_US);
	r->x0 = smccc_call(r->id, cpu_mpidr(target), secondary_entry_address(), r->context_id);
	observe(r, before);
	return NULL;
}

/* After a refused CPU_ON and a completed CPU_OFF, a plain CPU_ON (context ID the CPU number). */
static void restart(struct vs_off_round *r)
{
	bool timed_out = false;

	if (!r->reached_off)
		return;
	r->restart_ret = smp_cpu_on(target, &timed_out);
	r->restarted = r->restart_ret == PSCI_RET_SUCCESS && !timed_out;
}

/* Why the target is lost after the round, or NULL if it runs again. */
static const char *lost_after(const struct vs_off_round *r)
{
	if (psci_result(r->id, r->x0) == PSCI_RET_SUCCESS)
		return r->entries ? NULL : "the target never entered after SUCCESS: lost";
	if (!r->reached_off)
		return "the target never reached OFF: lost";
	return r->restarted ? NULL : "a plain CPU_ON once the target was OFF did not start it: lost";
}

static void run_rounds(struct vs_off_tally *t)
{
	struct vs_off_round r;

	for (u32 round = 1; round <= t->run.planned && !t->run.stopped; round++) {
		t->run.stopped_round = round;
		t->run.stopped = make_round(round, &r);
		if (t->run.stopped)
			break;
		if (psci_result(r.id, r.x0) != PSCI_RET_SUCCESS)
			restart(&r);
		vs_off_tally_round(t, &r);
		t->run.stopped = lost_after(&r);
	}
}

static const struct {
	const char *id, *ref;
	void (*judge)(const struct vs_off_tally *t, struct verdict *v);
} checks[] = {
	{ "cpu_on.vs_cpu_off.rounds_completed", REF_VS_OFF, judge_vs_off_rounds_completed },
	{ "cpu_on.vs_cpu_off.answer", REF_VS_OFF, judge_vs_off_answer },
	{ "cpu_on.vs_cpu_off.clean_start", REF_VS_OFF_START, judge_vs_off_clean_start },
	{ "cpu_on.vs_cpu_off.off_then_on", REF_VS_OFF_OFF, judge_vs_off_off_then_on },
};

int main(int argc, char **argv)
{
	struct vs_off_tally t = { .run.planned = arg_number(argc, argv, "rounds", DEFAULT_ROUNDS) };
	struct verdict v;

	version = (u32)psci_version();
	target = smp_first_secondary();
	if (target < 0) {
		for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++)
			report_skip(checks[i].id, checks[i].ref, "one CPU: no secondary to turn off and on");
		return 0;
	}
	run_rounds(&t);
	printf("%u rounds on CPU %d: CPU_ON got SUCCESS %lu times, ALREADY_ON %lu times\n", t.run.rounds, target,
	       t.success, t.already_on);
	for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++) {
		checks[i].judge(&t, &v);
		report_verdict(checks[i].id, checks[i].ref, &v);
	}
	return 0;
}
