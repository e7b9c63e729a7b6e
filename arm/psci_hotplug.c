/*
 * CPU_OFF (DEN0022F.b 5.5) over hotplug cycles: every secondary in turn
 * calls CPU_OFF, AFFINITY_INFO shows it go OFF, it stays off, and CPU_ON
 * brings it back with a new context ID; cycle after cycle, alternating the
 * SMC32 and SMC64 forms of CPU_ON and AFFINITY_INFO.
 *
 * Arguments (test_args): cycles=N, per secondary (default 20).
 */
#include <argv.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <judges/affinity.h>
#include <judges/hotplug.h>
#include <libc/string.h>
#include <spec/psci.h>

#define DEFAULT_CYCLES 20
/* Answers collected once a CPU is OFF, and the time between them. */
#define STAY_POLLS 4
#define STAY_GAP_US 100
#define CONTEXT_TAG_SMC64 0xc0de0ff000000000UL
#define CONTEXT_TAG_SMC32 0x80000000UL

struct off_call {
	bool returned;
	u64 x0;
};

static struct off_call off_calls[NR_CPUS];

/*
 * CPU_OFF is called here, not through cpu_off_self(), so that a return is
 * observed instead of ending the image. Until the CPU comes back the runtime
 * still counts it online, running this work; the CPU_ON that brings it back
 * enters secondary_entry, which ends the work.
 */
static void call_cpu_off(void *arg)
{
	struct off_call *call = arg;

	call->x0 = smccc_call(PSCI_FN(PSCI_NR_CPU_OFF), 0, 0, 0);
	WRITE_ONCE(call->returned, true);
}

static void no_work(void *unused)
{
	(void)unused;
}

/* Odd cycles use the SMC32 forms, where the MPIDR and the entry point fit 32 bits (5.2.1). */
static u32 width_id(u32 number, const struct hotplug_cycle *h)
{
	bool fits = h->mpidr <= SMC32_ARG_MAX && secondary_entry_address() <= SMC32_ARG_MAX;

	return h->cycle % 2 && fits ? PSCI_FN(number) : PSCI_FN64(number);
}

static s64 affinity_info(u32 id, u64 mpidr)
{
	return psci_result(id, smccc_call(id, mpidr, 0, 0));
}

/* 5.7.1, 6.6: ON until the implementation has processed CPU_OFF, then OFF; nothing else. */
static void observe_off(struct hotplug_cycle *h, const struct off_call *call, u32 aff_id)
{
	struct deadline d = deadline_in_us(SMP_OFF_TIMEOUT_US);
	u64 start = timer_count();

	h->odd_state = PSCI_AFF_ON;
	do {
		if (READ_ONCE(call->returned)) {
			h->off_returned = true;
			h->off_x0 = call->x0;
			return;
		}
		h->last_state = affinity_info(aff_id, h->mpidr);
		if (h->last_state != PSCI_AFF_ON && h->last_state != PSCI_AFF_OFF && h->odd_state == PSCI_AFF_ON)
			h->odd_state = h->last_state;
	} while (h->last_state != PSCI_AFF_OFF && !deadline_passed(d));
	h->reached_off = h->last_state == PSCI_AFF_OFF;
	h->off_us = timer_ticks_to_us(timer_count() - start);
}

/* 5.5.1: the core stays off until a CPU_ON brings it back. */
static void observe_stays_off(struct hotplug_cycle *h, u32 aff_id)
{
	u64 entries = cpu_entry_state(h->cpu)->count;

	h->stayed_off = true;
	h->stay_state = PSCI_AFF_OFF;
	for (int i = 0; i < STAY_POLLS && h->stayed_off; i++) {
		udelay(STAY_GAP_US);
		h->stay_state = affinity_info(aff_id, h->mpidr);
		h->stayed_off = h->stay_state == PSCI_AFF_OFF;
	}
	h->ran_while_off = READ_ONCE(cpu_entry_state(h->cpu)->count) != entries;
}

static void observe_on_again(struct hotplug_cycle *h)
{
	const struct cpu_entry_state *state = cpu_entry_state(h->cpu);
	u64 before = state->count;

	h->on_id = width_id(PSCI_NR_CPU_ON, h);
	h->context_id = (PSCI_FN_IS_SMC64(h->on_id) ? CONTEXT_TAG_SMC64 : CONTEXT_TAG_SMC32) |
			(u64)(h->cycle & 0xffff) << 8 | h->cpu;
	h->on_x0 = smccc_call(h->on_id, h->mpidr, secondary_entry_address(), h->context_id);
	if (psci_result(h->on_id, h->on_x0) == PSCI_RET_SUCCESS)
		wait_until(READ_ONCE(state->count) > before, SMP_BRINGUP_TIMEOUT_US);
	h->entries = READ_ONCE(state->count) - before;
	h->entry_x0 = state->context_id;
}

/* CPU_OFF has been asked of the CPU; returns whether it is online and idle again. */
static bool run_cycle(struct hotplug_cycle *h)
{
	const struct off_call *call = &off_calls[h->cpu];
	u32 aff_id = width_id(PSCI_NR_AFFINITY_INFO, h);

	observe_off(h, call, aff_id);
	if (h->off_returned)
		return cpu_wait_idle(h->cpu, SMP_WORK_TIMEOUT_US);
	if (!h->reached_off)
		return false;
	observe_stays_off(h, aff_id);
	observe_on_again(h);
	return h->entries && cpu_wait_idle(h->cpu, SMP_WORK_TIMEOUT_US);
}

/* A uniprocessor Trusted OS's core may refuse CPU_OFF (5.9.1 Table 9). */
static void observe_trusted_os(struct hotplug_tally *t)
{
	s32 type = (s32)smccc_call(PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE), 0, 0, 0);

	t->tos_resident = type == 0 || type == 1;
	if (t->tos_resident)
		t->tos_mpidr = smccc_call(PSCI_FN64(PSCI_NR_MIGRATE_INFO_UP_CPU), 0, 0, 0);
}

/*
 * One secondary at a time, the others OFF: an idle CPU polls for work, which
 * would only slow the one being cycled.
 */
static void run_cycles(struct hotplug_tally *t, u32 cycles)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		bool usable = cpu != smp_processor_id() && on_cpu(cpu, no_work, NULL);

		if (cpu != smp_processor_id() && !usable)
			report(false, "cpu_off.setup", psci_functions[PSCI_NR_CPU_ON].section, "CPU %d could not be brought online for its cycles",
			       cpu);
		for (u32 cycle = 1; cycle <= cycles && usable; cycle++) {
			struct hotplug_cycle h = { .cpu = cpu, .mpidr = cpu_mpidr(cpu), .cycle = cycle };

			off_calls[cpu] = (struct off_call){ 0 };
			dmb(ish);
			if (!on_cpu_async(cpu, call_cpu_off, &off_calls[cpu])) {
				report(false, "cpu_off.setup", "runtime", "CPU %d took no work in cycle %u", cpu, cycle);
				break;
			}
			/* A CPU whose CPU_OFF returned would not turn off for the runtime either: it stays on, uncycled. */
			usable = run_cycle(&h) && !h.off_returned;
			hotplug_tally_cycle(t, &h);
		}
		if (usable && !smp_cpu_off(cpu))
			report(false, "cpu_off.setup", REF_CPU_OFF_AFFINITY,
			       "CPU %d did not reach OFF within %u ms of CPU_OFF after its cycles", cpu,
			       SMP_OFF_TIMEOUT_US / 1000);
	}
}

static const struct {
	const char *id, *ref;
	void (*judge)(const struct hotplug_tally *t, struct verdict *v);
} checks[] = {
	{ "cpu_off.no_return", REF_CPU_OFF_NO_RETURN, judge_cpu_off_no_return },
	{ "cpu_off.affinity_info_off", REF_CPU_OFF_AFFINITY, judge_cpu_off_reaches_off },
	{ "cpu_off.stays_off", REF_CPU_OFF_STAYS_OFF, judge_cpu_off_stays_off },
	{ "cpu_off.cpu_on_again", REF_CPU_OFF_ON_AGAIN, judge_cpu_off_on_again },
	{ "cpu_off.reentry_context_id", REF_CPU_OFF_CONTEXT, judge_cpu_off_context },
};

int main(int argc, char **argv)
{
	u32 cycles = arg_number(argc, argv, "cycles", DEFAULT_CYCLES);
	struct hotplug_tally t = { .version = (u32)psci_version(), .planned = cycles * (nr_cpus() - 1),
				   .bound_us = SMP_OFF_TIMEOUT_US };
	struct verdict v;

	if (nr_cpus() < 2) {
		for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++)
			report_skip(checks[i].id, checks[i].ref, "one CPU: no secondary to turn off and on");
		return 0;
	}
	observe_trusted_os(&t);
	run_cycles(&t, cycles);
	for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++) {
		checks[i].judge(&t, &v);
		report_verdict(checks[i].id, checks[i].ref, &v);
	}
	return 0;
}
