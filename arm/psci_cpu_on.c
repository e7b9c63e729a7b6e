/*
 * CPU_ON (DEN0022F.b 5.6), in both widths: the state a started CPU enters
 * in (6.4), ALREADY_ON for CPUs that are on, INVALID_PARAMETERS for MPIDRs no
 * CPU has, the race of every online CPU on one target round after round
 * (6.6), and last, because a CPU sent to one is lost, invalid entry points.
 *
 * Arguments (test_args): rounds=N, the race's rounds (default 300).
 */
#include <argv.h>
#include <arm64/mmu.h>
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <judges/affinity.h>
#include <judges/cpu_on.h>
#include <libc/string.h>
#include <spec/psci.h>

#define DEFAULT_ROUNDS 300
/* How long a caller waits for the next round: the coordinator may spend both bounds in between. */
#define RACE_WAIT_US (SMP_BRINGUP_TIMEOUT_US + SMP_OFF_TIMEOUT_US + 1000000)
/* How long a waiting caller sleeps before it looks again. */
#define RACE_NAP_US 200

/* Distinctive context IDs: SMC64 ones use the high half, SMC32 ones bit 31 (6.4.3.7). */
#define CONTEXT_TAG_SMC64 0xc0de5eed00000000UL
#define CONTEXT_TAG_SMC32 0x80000000UL
#define CONTEXT_ENTRY_STATE 0x1
#define CONTEXT_ALREADY_ON 0x2
#define CONTEXT_INVALID_MPIDR 0x3
#define CONTEXT_INVALID_ENTRY 0x4
#define CONTEXT_RACE 0x100

static const u32 cpu_on_ids[] = { PSCI_FN(PSCI_NR_CPU_ON), PSCI_FN64(PSCI_NR_CPU_ON) };
static u32 version;
static u64 entry;

static u64 context_id(u32 id, u32 tag, int cpu)
{
	return (PSCI_FN_IS_SMC64(id) ? CONTEXT_TAG_SMC64 : CONTEXT_TAG_SMC32) | (u64)(tag & 0xffff) << 8 | cpu;
}

/* An SMC32 call has 32-bit parameters (5.2.1): some targets and addresses do not fit. */
static bool fits(u32 id, u64 target, u64 address)
{
	return PSCI_FN_IS_SMC64(id) || (target <= SMC32_ARG_MAX && address <= SMC32_ARG_MAX);
}

static const char *check_id(const char *prefix, u32 id)
{
	static char buf[CHECK_ID_SIZE];

	return psci_check_id(prefix, id, buf, sizeof(buf));
}

/* A CPU the next check needs OFF; a failure is a FAIL of its own, then the image goes on. */
static bool turn_off(int cpu)
{
	if (!cpu_online(cpu) || smp_cpu_off(cpu))
		return true;
	report(false, "cpu_on.setup", psci_functions[PSCI_NR_CPU_OFF].section,
	       "CPU %d did not reach AFFINITY_INFO OFF within %u ms of calling CPU_OFF", cpu,
	       SMP_OFF_TIMEOUT_US / 1000);
	return false;
}

static void no_work(void *unused)
{
	(void)unused;
}

static void read_own_state(void *arg)
{
	struct cpu_on_start *s = arg;

	s->spsel = read_sysreg(spsel);
	s->cntfrq = read_sysreg(cntfrq_el0);
}

static void observe_start(struct cpu_on_start *s, int cpu)
{
	const struct cpu_entry_state *state = cpu_entry_state(cpu);
	u64 before = state->count;

	s->x0 = smccc_call(s->id, cpu_mpidr(cpu), entry, s->context_id);
	if (psci_result(s->id, s->x0) == PSCI_RET_SUCCESS)
		wait_until(cpu_online(cpu) && READ_ONCE(state->count) > before, s->bound_us);
	s->entries = READ_ONCE(state->count) - before;
	s->entry_x0 = state->context_id;
	s->entry_current_el = state->current_el;
	s->entry_daif = state->daif;
	s->entry_sctlr = state->sctlr;
	if (s->entries)
		s->read_back = on_cpu(cpu, read_own_state, s);
}

static const struct {
	const char *prefix, *ref;
	void (*judge)(const struct cpu_on_start *s, struct verdict *v);
} entry_checks[] = {
	{ "cpu_on.starts", REF_CPU_ON_STARTS, judge_cpu_on_starts },
	{ "cpu_on.entry.context_id", REF_ENTRY_CONTEXT, judge_entry_context_id },
	{ "cpu_on.entry.exception_level", REF_ENTRY_EL, judge_entry_el },
	{ "cpu_on.entry.stack_pointer", REF_ENTRY_SP, judge_entry_stack_pointer },
	{ "cpu_on.entry.daif_masked", REF_ENTRY_DAIF, judge_entry_daif },
	{ "cpu_on.entry.mmu_off", REF_ENTRY_MMU, judge_entry_mmu_off },
	{ "cpu_on.entry.caches_off", REF_ENTRY_CACHES, judge_entry_caches_off },
	{ "cpu_on.entry.endianness", REF_ENTRY_ENDIAN, judge_entry_endianness },
	{ "cpu_on.entry.cntfrq", REF_ENTRY_CNTFRQ, judge_entry_cntfrq },
};

static void skip_entry_checks(u32 id, const char *why)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(entry_checks); i++)
		report_skip(check_id(entry_checks[i].prefix, id), entry_checks[i].ref, "%s", why);
}

/* A secondary, OFF, started with a context ID of the call's width. */
static void check_entry_state(u32 id)
{
	int cpu = smp_first_secondary();
	struct cpu_on_start s = {
		.id = id, .version = version, .context_id = context_id(id, CONTEXT_ENTRY_STATE, cpu), .bound_us = SMP_BRINGUP_TIMEOUT_US,
		.caller_el = boot.el, .caller_sctlr = read_sysreg_el(sctlr), .caller_cntfrq = read_sysreg(cntfrq_el0),
	};
	struct verdict v;

	if (cpu < 0) {
		skip_entry_checks(id, "one CPU: no secondary to start");
		return;
	}
	if (!fits(id, cpu_mpidr(cpu), entry)) {
		skip_entry_checks(id, "the secondary's MPIDR or the entry point does not fit an SMC32 parameter");
		return;
	}
	if (!turn_off(cpu))
		return;
	observe_start(&s, cpu);
	for (unsigned int i = 0; i < ARRAY_SIZE(entry_checks); i++) {
		entry_checks[i].judge(&s, &v);
		report_verdict(check_id(entry_checks[i].prefix, id), entry_checks[i].ref, &v);
	}
}

static void check_already_on(u32 id)
{
	int cpu = smp_first_secondary();
	char situation[64];
	struct verdict v;

	judge_cpu_on_refusal(id, version, CPU_ON_TARGET_ON, smccc_call(id, mpidr_hwid(), entry, context_id(id, CONTEXT_ALREADY_ON, 0)),
			     "CPU_ON of the calling CPU", &v);
	report_verdict(check_id("cpu_on.already_on.self", id), REF_ALREADY_ON, &v);
	if (cpu < 0) {
		report_skip(check_id("cpu_on.already_on.online_cpu", id), REF_ALREADY_ON, "one CPU: no secondary");
		return;
	}
	if (!fits(id, cpu_mpidr(cpu), entry))
		return;
	if (!on_cpu(cpu, no_work, NULL)) {
		report(false, check_id("cpu_on.already_on.online_cpu", id), REF_ALREADY_ON,
		       "CPU %d could not be brought online to be the target", cpu);
		return;
	}
	snprintf(situation, sizeof(situation), "CPU_ON of CPU %d (MPIDR 0x%lx), online and idle", cpu,
		 cpu_mpidr(cpu));
	judge_cpu_on_refusal(id, version, CPU_ON_TARGET_ON,
			     smccc_call(id, cpu_mpidr(cpu), entry, context_id(id, CONTEXT_ALREADY_ON, cpu)), situation, &v);
	report_verdict(check_id("cpu_on.already_on.online_cpu", id), REF_ALREADY_ON, &v);
}

static void check_invalid_mpidrs(void)
{
	struct invalid_mpidr bad[INVALID_MPIDR_KINDS];
	u64 mpidrs[NR_CPUS];
	char prefix[CHECK_ID_SIZE], situation[128];
	struct verdict v;
	u64 x0;
	int n;

	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		mpidrs[cpu] = cpu_mpidr(cpu);
	n = invalid_mpidrs(mpidrs, nr_cpus(), mpidr_hwid(), bad);
	for (int i = 0; i < n; i++) {
		snprintf(prefix, sizeof(prefix), "cpu_on.invalid_mpidr.%s", bad[i].name);
		snprintf(situation, sizeof(situation), "target_cpu 0x%lx, %s", bad[i].mpidr, bad[i].what);
		for (unsigned int w = 0; w < ARRAY_SIZE(cpu_on_ids); w++) {
			u32 id = cpu_on_ids[w];

			if (!fits(id, bad[i].mpidr, entry))
				continue;
			x0 = smccc_call(id, bad[i].mpidr, entry, context_id(id, CONTEXT_INVALID_MPIDR, i));
			judge_cpu_on_refusal(id, version, CPU_ON_TARGET_INVALID, x0, situation, &v);
			report_verdict(check_id(prefix, id), REF_INVALID_MPIDR, &v);
		}
	}
}

/*
 * The race. Every CPU but the target is a caller; slot 0 is this CPU, which
 * also coordinates. With the target OFF it prepares the round's record and
 * says so in prepared; the callers, asleep in WFI between rounds so that the
 * host CPUs the target and the coordinator need are free, wake on their
 * timer, see it and report ready; once all are, go releases them and every
 * caller, spinning on it, makes its call at once. The coordinator calls too,
 * waits for every caller to report and for the target to enter, tallies the
 * round and turns the target off again.
 */
struct race {
	u32 rounds;
	int target, callers;
	u64 target_mpidr;
	u32 prepared, go;
	bool stop;
	u32 ready[RACE_MAX_CALLERS], arrived[RACE_MAX_CALLERS];
	struct race_round round;
};

static struct race race;

/* 6.6, 5.7.1: right after SUCCESS the target is ON_PENDING or ON; it turns off only when told. */
static void race_call(int slot, u32 round)
{
	struct race_round *r = &race.round;
	u64 context = context_id(r->id, CONTEXT_RACE + round, slot);

	r->context_id[slot] = context;
	r->x0[slot] = smccc_call(r->id, race.target_mpidr, entry, context);
	if (psci_result(r->id, r->x0[slot]) != PSCI_RET_SUCCESS)
		return;
	for (int p = 0; p < RACE_AFFINITY_POLLS; p++)
		r->affinity_x0[slot][p] = smccc_call(r->affinity_id, race.target_mpidr, 0, 0);
}

/*
 * The timer is armed with interrupts masked, so one that fires before WFI
 * stays pending and WFI returns at once; unmasking then lets the runtime's
 * handler take and disarm it.
 */
static bool nap_until_prepared(u32 round)
{
	struct deadline d = deadline_in_us(RACE_WAIT_US);

	while (READ_ONCE(race.prepared) < round && !READ_ONCE(race.stop) && !deadline_passed(d)) {
		timer_virt_arm_us(RACE_NAP_US);
		wfi();
		local_irq_enable();
		local_irq_disable();
	}
	return READ_ONCE(race.prepared) >= round && !READ_ONCE(race.stop);
}

static void race_caller(void *arg)
{
	int slot = (int)(long)arg;

	for (u32 round = 1; round <= race.rounds; round++) {
		if (!nap_until_prepared(round))
			return;
		WRITE_ONCE(race.ready[slot], round);
		if (!wait_until(READ_ONCE(race.go) >= round || READ_ONCE(race.stop), RACE_WAIT_US) ||
		    READ_ONCE(race.stop))
			return;
		dmb(ish);
		race_call(slot, round);
		dmb(ish);
		WRITE_ONCE(race.arrived[slot], round);
	}
}

static bool all_reached(const u32 *phase, u32 round)
{
	for (int slot = 1; slot < race.callers; slot++)
		if (READ_ONCE(phase[slot]) != round)
			return false;
	return true;
}

static int caller_cpu(int slot)
{
	int cpu = 0;

	for (int seen = 0; cpu < nr_cpus(); cpu++)
		if (cpu != smp_processor_id() && cpu != race.target && ++seen == slot)
			break;
	return slot ? cpu : smp_processor_id();
}

static bool start_callers(void)
{
	for (int slot = 1; slot < race.callers; slot++)
		if (!on_cpu_async(caller_cpu(slot), race_caller, (void *)(long)slot))
			return false;
	return true;
}

/* Widths alternate by round, for CPU_ON and the AFFINITY_INFO polls alike. */
static void prepare_round(u32 round)
{
	bool smc64 = round % 2 == 0 || !fits(PSCI_FN(PSCI_NR_CPU_ON), race.target_mpidr, entry);

	race.round = (struct race_round){
		.round = round, .callers = race.callers,
		.id = smc64 ? PSCI_FN64(PSCI_NR_CPU_ON) : PSCI_FN(PSCI_NR_CPU_ON),
		.version = version,
		.affinity_id = smc64 ? PSCI_FN64(PSCI_NR_AFFINITY_INFO) : PSCI_FN(PSCI_NR_AFFINITY_INFO),
	};
	dmb(ish);
	WRITE_ONCE(race.prepared, round);
}

static const char *run_round(u32 round)
{
	const struct cpu_entry_state *state = cpu_entry_state(race.target);
	struct race_round *r = &race.round;
	u64 before = state->count;

	prepare_round(round);
	if (!wait_until(all_reached(race.ready, round), RACE_WAIT_US))
		return "a caller did not get ready";
	WRITE_ONCE(race.go, round);
	sev();
	race_call(0, round);
	if (!wait_until(all_reached(race.arrived, round), RACE_WAIT_US))
		return "a caller did not come back from CPU_ON";
	dmb(ish);
	r->entered = wait_until(cpu_online(race.target) && READ_ONCE(state->count) > before,
				SMP_BRINGUP_TIMEOUT_US);
	r->entries = READ_ONCE(state->count) - before;
	r->entry_x0 = state->context_id;
	return NULL;
}

static void run_race(struct race_tally *t)
{
	for (u32 round = 1; round <= race.rounds && !t->run.stopped; round++) {
		t->run.stopped_round = round;
		t->run.stopped = run_round(round);
		if (t->run.stopped)
			break;
		race_tally_round(t, &race.round);
		if (!race.round.entered)
			t->run.stopped = "the target did not enter within the bound";
		else if (!smp_cpu_off(race.target))
			t->run.stopped = "the target did not reach OFF after CPU_OFF";
	}
	WRITE_ONCE(race.stop, true);
	sev();
	for (int slot = 1; slot < race.callers; slot++)
		cpu_wait_idle(caller_cpu(slot), RACE_WAIT_US);
}

static const struct {
	const char *id, *ref;
	void (*judge)(const struct race_tally *t, struct verdict *v);
} race_checks[] = {
	{ "cpu_on.race.rounds_completed", REF_RACE, judge_race_rounds_completed },
	{ "cpu_on.race.one_success", REF_RACE, judge_race_one_success },
	{ "cpu_on.race.losers_already_on_or_pending", REF_RACE, judge_race_losers },
	{ "cpu_on.race.affinity_info_not_off", REF_RACE_AFFINITY, judge_race_affinity_after_success },
	{ "cpu_on.race.winner_context_id", REF_RACE, judge_race_winner_entry },
};

static void check_race(u32 rounds)
{
	struct race_tally t = { .run.planned = rounds };
	struct verdict v;

	race = (struct race){ .rounds = rounds, .target = smp_first_secondary(),
			      .callers = MIN(nr_cpus() - 1, RACE_MAX_CALLERS) };
	t.callers = race.callers;
	if (race.callers < 2) {
		for (unsigned int i = 0; i < ARRAY_SIZE(race_checks); i++)
			report_skip(race_checks[i].id, race_checks[i].ref,
				    "%d CPU(s): the race needs at least 2 callers and a target", nr_cpus());
		return;
	}
	race.target_mpidr = cpu_mpidr(race.target);
	if (!turn_off(race.target))
		t.run.stopped = "the target could not be turned off first";
	else if (!start_callers())
		t.run.stopped = "the callers could not be started";
	else
		run_race(&t);
	for (unsigned int i = 0; i < ARRAY_SIZE(race_checks); i++) {
		race_checks[i].judge(&t, &v);
		report_verdict(race_checks[i].id, race_checks[i].ref, &v);
	}
}

/*
 * Entry points no code of the caller lives at: misaligned ones first, which
 * an implementation can reject without doubt, then ones outside RAM. A CPU
 * that accepts one is lost, so each call takes a CPU no earlier call lost.
 */
struct invalid_entry {
	const char *name, *what;
	u64 address;
};

#define INVALID_ENTRY_KINDS 4

static int collect_invalid_entries(struct invalid_entry *out)
{
	const struct dt_reg *ram;
	int regions = mem_regions(&ram), n = 0;
	u64 ram_end = 0;

	for (int i = 0; i < regions; i++)
		ram_end = MAX(ram_end, ram[i].addr + ram[i].size);
	out[n++] = (struct invalid_entry){ "misaligned_2", "the entry point + 2 (not 4-byte aligned)", entry + 2 };
	out[n++] = (struct invalid_entry){ "odd", "the entry point + 1 (odd)", entry + 1 };
	if (!mem_is_ram(0, 4))
		out[n++] = (struct invalid_entry){ "address_zero", "address 0, outside every DT memory region", 0 };
	if (!mem_is_ram(ram_end, 4))
		out[n++] = (struct invalid_entry){ "past_ram", "the first address past the last DT memory region",
						  ram_end };
	return n;
}

/*
 * Turned off and OFF in PSCI's own view (5.7.1), which a failed race round
 * can leave at odds with the runtime's: a CPU still on would take the next
 * CPU_ON as ALREADY_ON and fail a check that has nothing to do with it.
 */
static bool off_for_psci(int cpu)
{
	s32 state;

	if (!turn_off(cpu))
		return false;
	state = psci_affinity_info(cpu_mpidr(cpu), 0);
	if (state == PSCI_AFF_OFF)
		return true;
	printf("CPU %d: AFFINITY_INFO %d, not OFF, though the runtime holds it off: lost to the invalid entry points\n",
	       cpu, state);
	return false;
}

static int next_spare_cpu(const bool *lost)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != smp_processor_id() && !lost[cpu])
			return cpu;
	return -1;
}

static void check_invalid_entries(void)
{
	struct invalid_entry bad[INVALID_ENTRY_KINDS];
	bool lost[NR_CPUS] = { false };
	char prefix[CHECK_ID_SIZE];
	int n = collect_invalid_entries(bad);
	struct verdict v;
	u64 x0;

	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != smp_processor_id())
			lost[cpu] = !off_for_psci(cpu);
	for (int i = 0; i < n; i++) {
		snprintf(prefix, sizeof(prefix), "cpu_on.invalid_entry.%s", bad[i].name);
		for (unsigned int w = 0; w < ARRAY_SIZE(cpu_on_ids); w++) {
			u32 id = cpu_on_ids[w];
			int cpu = next_spare_cpu(lost);

			if (cpu < 0) {
				report_skip(check_id(prefix, id), REF_INVALID_ENTRY,
					    nr_cpus() < 2 ? "one CPU: no secondary to start" :
					    "no secondary left OFF: an earlier call accepted an invalid entry point, or a race round left the CPU on");
				continue;
			}
			if (!fits(id, cpu_mpidr(cpu), bad[i].address))
				continue;
			x0 = smccc_call(id, cpu_mpidr(cpu), bad[i].address, context_id(id, CONTEXT_INVALID_ENTRY, cpu));
			lost[cpu] = psci_result(id, x0) == PSCI_RET_SUCCESS;
			judge_cpu_on_invalid_entry(id, version, bad[i].address, x0, &v);
			report_verdict(check_id(prefix, id), REF_INVALID_ENTRY, &v);
		}
	}
}

int main(int argc, char **argv)
{
	u32 rounds = arg_number(argc, argv, "rounds", DEFAULT_ROUNDS);

	version = (u32)psci_version();
	entry = secondary_entry_address();
	for (unsigned int w = 0; w < ARRAY_SIZE(cpu_on_ids); w++)
		check_entry_state(cpu_on_ids[w]);
	for (unsigned int w = 0; w < ARRAY_SIZE(cpu_on_ids); w++)
		check_already_on(cpu_on_ids[w]);
	check_invalid_mpidrs();
	check_race(rounds);
	check_invalid_entries();
	return 0;
}
