/*
 * Robustness fuzz: many thousands of PSCI and SMCCC calls with random and
 * boundary function IDs and arguments (lib/fuzz/draw.h), each judged against
 * what the spec permits for that ID at the advertised versions; at the end
 * every CPU must still run. test_args: seed=N (printed either way) and
 * calls=N. The seed fixes the calls; what they return may depend on timing.
 * Each function called has checks of its own, so that an implementation's
 * known departure in one function leaves the others judged.
 *
 * Rounds alternate. In a solo round the secondaries start OFF and only this
 * CPU calls, so CPU_ON may start them and every CPU's state is known call by
 * call. In a parallel round every CPU runs and fuzzes its own stream; CPU_ON
 * then finds every target running, so no state changes.
 */
#include <argv.h>
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <fuzz/draw.h>
#include <fuzz/prng.h>
#include <judges/convention.h>
#include <judges/discovery.h>
#include <judges/fuzz_checks.h>
#include <judges/fuzz_cpus.h>
#include <libc/string.h>

#define DEFAULT_CALLS 10000
#define ROUND_CALLS 500		/* per CPU */
/* A call takes well under a millisecond even under nested virtualization on TCG. */
#define ROUND_TIMEOUT_US (ROUND_CALLS * 20000UL)
#define ALIVE_BOUND_US (SMP_BRINGUP_TIMEOUT_US + 2 * SMP_WORK_TIMEOUT_US)

struct stream {
	int cpu;
	u64 next;			/* index of its next call */
	u32 budget;			/* calls in this round */
	bool solo;
	struct fuzz_call *in_flight;	/* for a report if a call never returns */
	struct fuzz_tally tally;
};

static struct fuzz_draw draws;
static int self;
static struct fuzz_knowledge know;
static struct fuzz_cpus cpus;
static u64 mpidrs[FUZZ_MAX_CPUS];
static u64 absent_mpidrs[FUZZ_MAX_CPUS][MPIDR_LEVELS];
static bool arch_learned[FUZZ_MAX_CPUS];
static struct stream streams[FUZZ_MAX_CPUS];
static struct fuzz_tally hung;		/* calls that never returned, kept apart from the stuck CPU's own */
static struct fuzz_tally total;
static bool stopped;
static u8 seen[FUZZ_ID_SLOTS];

/* A CPU whose CPU_ON returned SUCCESS is ON once it runs the runtime's code. */
static void refresh_started(void)
{
	for (int i = 0; i < cpus.count; i++)
		if (cpus.cpu[i].state == CPU_KNOWN_STARTING && cpu_online(i))
			cpus.cpu[i].state = CPU_KNOWN_ON;
}

static void issue(struct stream *s, struct fuzz_call *c, struct fuzz_judgement *j)
{
	struct smccc_regs in, out;

	if (s->solo)
		refresh_started();
	memcpy(in.x, c->in, sizeof(in.x));
	WRITE_ONCE(s->in_flight, c);
	smccc_call_regs(&in, &out);
	memcpy(c->out, out.x, sizeof(c->out));
	seen[fuzz_id_slot((u32)c->in[0])] = 1;
	judge_fuzz_call(&know, &cpus, c, j);
	if (s->solo)
		fuzz_cpus_note(&cpus, c);
}

/* An offence with junk in the upper halves is the junk's if the same call made clean gives none. */
static void fuzz_one(struct stream *s, u64 index)
{
	struct fuzz_call c, clean;
	struct fuzz_judgement j, clean_j;
	bool blame_upper = false;
	u64 clean_x0 = 0;

	fuzz_draw_call(&draws, s->cpu, index, &c);
	issue(s, &c, &j);
	if (fuzz_offends(&j) && fuzz_has_junk(c.in)) {
		clean = c;
		for (int i = 1; i <= 3; i++)
			clean.in[i] = (u32)clean.in[i];
		issue(s, &clean, &clean_j);
		fuzz_tally_call(&s->tally, &clean, &clean_j, false, 0);
		blame_upper = !fuzz_offends(&clean_j);
		clean_x0 = clean.out[0];
	}
	fuzz_tally_call(&s->tally, &c, &j, blame_upper, clean_x0);
}

static void run_stream(void *arg)
{
	struct stream *s = arg;

	for (u32 i = 0; i < s->budget; i++)
		fuzz_one(s, s->next++);
}

/* Per PE (workarounds may differ between cores): asked once, before the CPU first fuzzes. */
static void learn_arch(void *unused)
{
	int cpu = smp_processor_id();

	(void)unused;
	if (arch_learned[cpu])
		return;
	for (unsigned int q = 0; q < fuzz_arch_question_count(); q++)
		know.arch_features[cpu][q] = know.smccc_version < SMCCC_V1_1 ? SMCCC_RET_NOT_SUPPORTED :
					     (s32)smccc_call(SMCCC_ARCH_FEATURES_ID, fuzz_arch_question(q), 0, 0);
	arch_learned[cpu] = true;
}

static void learn(void)
{
	char text[16];
	u64 x0;

	know.psci_version = (u32)smccc_call(PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0);
	for (int w = 0; w < 2; w++)
		for (unsigned int n = 0; n < PSCI_FN_COUNT; n++)
			know.features[w][n] = psci_features_at(know.psci_version, w ? PSCI_FN64(n) : PSCI_FN(n));
	know.smccc_version_feature = psci_features_at(know.psci_version, SMCCC_VERSION_ID);
	x0 = smccc_call(SMCCC_VERSION_ID, 0, 0, 0);
	know.smccc_version_word = (u32)x0;
	know.smccc_version = smccc_version_discovered(know.psci_version, know.smccc_version_feature, x0);
	know.migrate_info_type = (s32)smccc_call(PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE), 0, 0, 0);
	know.entry_point = secondary_entry_address();
	draws.entry_point = know.entry_point;
	learn_arch(NULL);
	printf("PSCI_VERSION 0x%08x, SMCCC %s, MIGRATE_INFO_TYPE %d, conduit %s\n", know.psci_version,
	       smccc_version_text(know.smccc_version, text, sizeof(text)), know.migrate_info_type, smccc_conduit_name());
}

/* Every secondary runs (and learns its own answers); one that does not is unknown. */
static int start_all(void)
{
	int running = 1;

	for (int i = 0; i < cpus.count; i++) {
		if (i == self)
			continue;
		cpus.unknown[i] = !on_cpu(i, learn_arch, NULL);
		cpus.cpu[i].state = CPU_KNOWN_ON;
		if (cpus.unknown[i])
			printf("CPU %d could not be given work: it takes no part\n", i);
		running += !cpus.unknown[i];
	}
	return running;
}

/* Every secondary that runs is turned off and seen OFF; one that is not stays unknown. */
static void stop_all(void)
{
	for (int i = 0; i < cpus.count; i++) {
		if (i == self || cpus.unknown[i] || !cpu_online(i))
			continue;
		cpus.unknown[i] = !smp_cpu_off(i);
		cpus.cpu[i].state = CPU_KNOWN_OFF;
		if (cpus.unknown[i])
			printf("CPU %d did not reach OFF within %u ms of CPU_OFF\n", i, SMP_OFF_TIMEOUT_US / 1000);
	}
}

/* CPU_ON SUCCESS promises the CPU comes up (5.6.2): one that does not is lost. */
static void settle_started(void)
{
	for (int i = 0; i < cpus.count; i++) {
		if (cpus.cpu[i].state != CPU_KNOWN_STARTING)
			continue;
		if (wait_until(cpu_online(i), SMP_BRINGUP_TIMEOUT_US)) {
			cpus.cpu[i].state = CPU_KNOWN_ON;
			continue;
		}
		printf("CPU %d: CPU_ON returned SUCCESS, but it did not reach the entry point within %u ms\n", i,
		       SMP_BRINGUP_TIMEOUT_US / 1000);
		cpus.unknown[i] = true;
	}
}

static void run_solo(u32 budget)
{
	struct stream *s = &streams[self];

	s->budget = budget;
	s->solo = true;
	run_stream(s);
	settle_started();
}

static void run_parallel(u32 budget)
{
	bool posted[FUZZ_MAX_CPUS] = { false };

	for (int i = 0; i < cpus.count; i++) {
		streams[i].budget = budget;
		streams[i].solo = false;
		streams[i].in_flight = NULL;
		if (i != self && !cpus.unknown[i])
			posted[i] = on_cpu_async(i, run_stream, &streams[i]);
	}
	run_stream(&streams[self]);
	for (int i = 0; i < cpus.count; i++) {
		struct fuzz_call *stuck;

		if (!posted[i] || cpu_wait_idle(i, ROUND_TIMEOUT_US))
			continue;
		stuck = READ_ONCE(streams[i].in_flight);
		if (stuck)
			fuzz_tally_hung(&hung, stuck, ROUND_TIMEOUT_US / 1000);
		else
			printf("CPU %d did not start its round within %lu ms\n", i, ROUND_TIMEOUT_US / 1000);
		cpus.unknown[i] = true;
		stopped = true;
	}
}

static u64 calls_made(void)
{
	u64 calls = 0;

	for (int i = 0; i < cpus.count; i++)
		calls += streams[i].tally.calls;
	return calls;
}

/* Returns the timer ticks spent fuzzing. */
static u64 fuzz(u64 calls)
{
	u64 ticks = 0;

	for (int round = 0; calls_made() < calls && !stopped; round++) {
		bool parallel = round % 2 && cpus.count > 1;
		int runners = parallel ? start_all() : 1;
		u64 left = calls - calls_made();
		u32 budget = MIN(ROUND_CALLS, (left + runners - 1) / runners);
		u64 start = timer_count();

		if (parallel)
			run_parallel(budget);
		else
			run_solo(budget);
		ticks += timer_count() - start;
		if (parallel && !stopped)
			stop_all();
		printf("round %d (%s, %d CPUs): %lu calls so far\n", round, parallel ? "parallel" : "solo", runners,
		       calls_made());
	}
	return ticks;
}

static void setup_cpus(void)
{
	cpus.count = nr_cpus();
	for (int i = 0; i < cpus.count; i++) {
		mpidrs[i] = cpu_mpidr(i);
		cpus.cpu[i] = (struct known_cpu){ mpidrs[i], CPU_KNOWN_ON };
		streams[i].cpu = i;
	}
	for (int i = 0; i < cpus.count; i++)
		for (unsigned int level = 0; level < MPIDR_LEVELS; level++)
			if (!mpidr_absent(mpidrs, cpus.count, mpidrs[i], level, &absent_mpidrs[i][level]))
				absent_mpidrs[i][level] = ~0UL;
	draws.mpidrs = mpidrs;
	draws.nr_cpus = cpus.count;
	draws.absent = absent_mpidrs;
}

static void parse_args(int argc, char **argv, u64 *calls)
{
	bool seeded = false;
	const char *v;

	for (int i = 1; i < argc; i++) {
		if ((v = arg_value(argv[i], "seed"))) {
			draws.seed = strtoul(v, NULL, 0);
			seeded = true;
		} else if ((v = arg_value(argv[i], "calls")) && strtoul(v, NULL, 0)) {
			*calls = strtoul(v, NULL, 0);
		} else {
			printf("ignoring argument '%s'\n", argv[i]);
		}
	}
	if (!seeded)
		draws.seed = prng_mix(timer_count());
}

static bool alive[FUZZ_MAX_CPUS];

static void say_alive(void *unused)
{
	(void)unused;
	WRITE_ONCE(alive[smp_processor_id()], true);
}

static void check_cpus_alive(void)
{
	struct verdict v;

	for (int i = 0; i < cpus.count; i++)
		on_cpu(i, say_alive, NULL);
	judge_fuzz_cpus_alive(cpus.count, mpidrs, alive, ALIVE_BOUND_US / 1000, &v);
	report_verdict("psci_fuzz.cpus_alive", REF_FUZZ_CPUS_ALIVE, &v);
}

/* The first offending calls in full on lines of their own, then the verdict. */
static void report_check(const char *id, const char *ref, const struct fuzz_count *n, enum fuzz_property p)
{
	struct fuzz_run run = { draws.seed, know.smccc_version };
	char text[512];
	struct verdict v;

	judge_fuzz_check(n, p, &run, &v);
	for (unsigned int k = 0; v.status == CHECK_FAIL && k < n->kept; k++)
		printf("%s: offence %u of %lu: %s\n", id, k + 1, n->offences,
		       fuzz_offence_text(p, &n->first[k], text, sizeof(text)));
	report_verdict(id, ref, &v);
}

static void report_checks(const struct fuzz_tally *t)
{
	char id[CHECK_ID_SIZE];

	for (unsigned int cls = 0; cls < FUZZ_CLASSES; cls++)
		if (fuzz_draws(cls))
			report_check(fuzz_class_check_id("psci_fuzz.results", cls, id, sizeof(id)), fuzz_class_ref(cls),
				     &t->results[cls], FUZZ_RESULTS);
	for (unsigned int cls = 0; cls < FUZZ_CLASSES; cls++)
		if (fuzz_draws(cls))
			report_check(fuzz_class_check_id("psci_fuzz.smc32_upper", cls, id, sizeof(id)), REF_SMC32_ARGS,
				     &t->upper[cls], FUZZ_SMC32_UPPER);
	report_check("psci_fuzz.registers_preserved", REF_PRESERVED, &t->preserved, FUZZ_PRESERVED);
	report_check("psci_fuzz.answers_stable", REF_FUZZ_STABLE, &t->stable, FUZZ_STABLE);
}

static unsigned int distinct_ids(void)
{
	unsigned int count = 0;

	for (unsigned int i = 0; i < FUZZ_ID_SLOTS; i++)
		count += seen[i];
	return count;
}

int main(int argc, char **argv)
{
	u64 calls = DEFAULT_CALLS, ticks, us;

	parse_args(argc, argv, &calls);
	report_info("psci_fuzz.seed", REF_FUZZ_RUN, "seed=%lu: test_args 'seed=%lu calls=%lu' at smp %d repeats every call",
		    draws.seed, draws.seed, calls, nr_cpus());
	assert(nr_cpus() <= FUZZ_MAX_CPUS);
	assert(fuzz_arch_question_count() <= FUZZ_MAX_ARCH_QUESTIONS);
	self = smp_processor_id();
	setup_cpus();
	learn();
	start_all();
	stop_all();
	ticks = fuzz(calls);
	for (int i = 0; i < cpus.count; i++)
		fuzz_tally_merge(&total, &streams[i].tally);
	fuzz_tally_merge(&total, &hung);
	report_checks(&total);
	check_cpus_alive();
	us = MAX(timer_ticks_to_us(ticks), 1);
	report_info("psci_fuzz.rate", REF_FUZZ_RUN, "%lu calls of %u distinct IDs in %lu ms of fuzzing on up to %d CPUs: "
		    "%lu calls/s", total.calls, distinct_ids(), us / 1000, cpus.count, total.calls * 1000000 / us);
	return 0;
}
