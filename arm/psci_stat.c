/*
 * PSCI_STAT_RESIDENCY and PSCI_STAT_COUNT (DEN0022F.b 5.1.21, 5.1.22, 5.22),
 * where the advertised version has them and PSCI_FEATURES reports both: one
 * core makes standby calls into a DT idle state, each ended by its virtual
 * timer, and the boot CPU reads that state's statistics for every core
 * before and after, in both widths. The core's own grow by what it did, the
 * other cores' stay zero: the image never suspends them.
 *
 * With two CPUs or more a secondary makes the calls, so that calls that never
 * return are seen within a bound and the boot CPU goes on; with one the boot
 * CPU makes them, and only the runner's timeout ends a call that never
 * returns (cpu_suspend.standby states that rule).
 */
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <devicetree.h>
#include <judges/cpu_suspend.h>
#include <judges/psci_stat.h>
#include <judges/system.h>

#define STANDBYS 5
/* The period of the timer that ends each standby; a call that lasted half of it waited in the state. */
#define WAKE_US 4000
#define STANDBYS_BOUND_US (STANDBYS * WAKE_US * 50 + 1000000)

struct standbys {
	u32 power_state;
	u32 calls, waited;
	u64 elapsed_us;
	bool done;
};

/* The two functions' answers for one core, one width: count, then residency. */
struct stat_reading {
	u64 count, residency;
};

static u32 version;
static u32 power_state;
static struct standbys run;
static struct stat_reading before[2][NR_CPUS], after[2][NR_CPUS];

static u32 stat_id(unsigned int nr, bool smc64)
{
	return smc64 ? PSCI_FN64(nr) : PSCI_FN(nr);
}

static void read_stats(struct stat_reading r[2][NR_CPUS])
{
	for (int smc64 = 0; smc64 <= 1; smc64++)
		for (int cpu = 0; cpu < nr_cpus(); cpu++) {
			r[smc64][cpu].count = smccc_call(stat_id(PSCI_NR_PSCI_STAT_COUNT, smc64), cpu_mpidr(cpu),
							 power_state, 0);
			r[smc64][cpu].residency = smccc_call(stat_id(PSCI_NR_PSCI_STAT_RESIDENCY, smc64), cpu_mpidr(cpu),
							     power_state, 0);
		}
}

/* On the core that suspends: STANDBYS calls, a periodic timer interrupt ending each. */
static void make_standbys(void *arg)
{
	struct standbys *s = arg;

	timer_virt_arm_periodic_us(WAKE_US);
	local_irq_enable();
	for (int i = 0; i < STANDBYS; i++) {
		u64 start = timer_count(), x0 = smccc_call(PSCI_FN(PSCI_NR_CPU_SUSPEND), s->power_state, 0, 0);
		u64 us = timer_ticks_to_us(timer_count() - start);

		if (psci_result(PSCI_FN(PSCI_NR_CPU_SUSPEND), x0) != PSCI_RET_SUCCESS)
			continue;
		s->calls++;
		s->waited += us >= WAKE_US / 2;
		s->elapsed_us += us;
	}
	local_irq_disable();
	timer_virt_stop();
	WRITE_ONCE(s->done, true);
}

/* The first DT idle standby state the timer can wake, in the advertised format; false if none. */
static bool choose_state(const char **why)
{
	struct dt_idle_state states[DT_IDLE_STATES_MAX];
	int n = dt_idle_states(states, DT_IDLE_STATES_MAX);
	s32 features = psci_features(PSCI_FN(PSCI_NR_CPU_SUSPEND));
	bool extended = features >= 0 && (features & CPU_SUSPEND_FEATURE_EXTENDED);

	for (int i = 0; i < MIN(n, DT_IDLE_STATES_MAX); i++)
		if (!power_state_is_powerdown(extended, states[i].power_state) && !states[i].timer_stops) {
			power_state = states[i].power_state;
			return true;
		}
	*why = "no DT idle standby state the timer can wake: the statistics are of listed states";
	return false;
}

/* Why the checks cannot run, or NULL: both functions there, a state to use, a timer to wake it. */
static const char *cannot_run(struct verdict *v)
{
	const char *why = NULL;

	for (unsigned int nr = PSCI_NR_PSCI_STAT_RESIDENCY; nr <= PSCI_NR_PSCI_STAT_COUNT; nr++)
		if (!psci_callable(&psci_functions[nr], version, psci_features_at(version, PSCI_FN(nr)), v))
			return v->why;
	if (!boot.timer_ok || !boot.gic_version)
		return "no virtual timer interrupt to wake a suspended CPU";
	return choose_state(&why) ? NULL : why;
}

static int suspending_cpu(void)
{
	return nr_cpus() > 1 ? smp_first_secondary() : smp_processor_id();
}

/* Makes the standby calls; false, with the reason, if they did not end within the bound. */
static bool run_standbys(int cpu, const char **why)
{
	run = (struct standbys){ .power_state = power_state };
	if (cpu == smp_processor_id()) {
		make_standbys(&run);
		return true;
	}
	if (!on_cpu_async(cpu, make_standbys, &run)) {
		*why = "the secondary could not be brought online or given work";
		return false;
	}
	if (!cpu_wait_idle(cpu, STANDBYS_BOUND_US) || !READ_ONCE(run.done)) {
		*why = "the secondary's standby calls did not all return within the bound (see cpu_suspend.standby)";
		return false;
	}
	return true;
}

static void report_growth(int cpu, bool smc64)
{
	struct stat_run r = {
		.count_id = stat_id(PSCI_NR_PSCI_STAT_COUNT, smc64),
		.residency_id = stat_id(PSCI_NR_PSCI_STAT_RESIDENCY, smc64),
		.power_state = power_state, .calls = run.calls, .waited = run.waited, .elapsed_us = run.elapsed_us,
		.count_before = before[smc64][cpu].count, .count_after = after[smc64][cpu].count,
		.residency_before = before[smc64][cpu].residency, .residency_after = after[smc64][cpu].residency,
	};
	char check[CHECK_ID_SIZE];
	struct verdict v;

	judge_stat_count_grows(&r, &v);
	report_verdict(psci_check_id("psci_stat.count_grows", r.count_id, check, sizeof(check)), REF_STAT_COUNT, &v);
	judge_stat_residency_grows(&r, &v);
	report_verdict(psci_check_id("psci_stat.residency_grows", r.residency_id, check, sizeof(check)),
		       REF_STAT_RESIDENCY, &v);
}

static void report_never_entered(int suspender, bool smc64)
{
	struct stat_unentered u[NR_CPUS];
	u32 count_id = stat_id(PSCI_NR_PSCI_STAT_COUNT, smc64);
	char check[CHECK_ID_SIZE];
	struct verdict v;
	int n = 0;

	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != suspender)
			u[n++] = (struct stat_unentered){ cpu, cpu_mpidr(cpu), after[smc64][cpu].count,
							  after[smc64][cpu].residency };
	judge_stat_never_entered(count_id, u, n, &v);
	report_verdict(psci_check_id("psci_stat.never_entered", count_id, check, sizeof(check)), REF_STAT_NEVER_ENTERED,
		       &v);
}

static void skip_width(bool smc64, const char *why)
{
	static const struct { const char *prefix, *ref; unsigned int nr; } checks[] = {
		{ "psci_stat.count_grows", REF_STAT_COUNT, PSCI_NR_PSCI_STAT_COUNT },
		{ "psci_stat.residency_grows", REF_STAT_RESIDENCY, PSCI_NR_PSCI_STAT_RESIDENCY },
		{ "psci_stat.never_entered", REF_STAT_NEVER_ENTERED, PSCI_NR_PSCI_STAT_COUNT },
	};
	char check[CHECK_ID_SIZE];

	for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++)
		report_skip(psci_check_id(checks[i].prefix, stat_id(checks[i].nr, smc64), check, sizeof(check)),
			    checks[i].ref, "%s", why);
}

static void skip_all(const char *why)
{
	skip_width(false, why);
	skip_width(true, why);
}

/* SMC32 passes target_cpu as a uint32 (5.1.21, 5.1.22): a core with Aff3 cannot be named. */
static bool smc32_names_every_core(void)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu_mpidr(cpu) > 0xffffffffUL)
			return false;
	return true;
}

int main(int argc, char **argv)
{
	int cpu = suspending_cpu();
	const char *why;
	struct verdict v;

	(void)argc;
	(void)argv;
	version = (u32)psci_version();
	why = cannot_run(&v);
	if (why) {
		skip_all(why);
		return 0;
	}
	printf("power_state 0x%x: %d standby calls on CPU %d, %u us timer period\n", power_state, STANDBYS, cpu, WAKE_US);
	read_stats(before);
	if (!run_standbys(cpu, &why)) {
		skip_all(why);
		return 0;
	}
	read_stats(after);
	for (int smc64 = 0; smc64 <= 1; smc64++) {
		if (!smc64 && !smc32_names_every_core()) {
			skip_width(false, "a core's MPIDR has Aff3, out of reach of SMC32");
			continue;
		}
		report_growth(cpu, smc64);
		report_never_entered(cpu, smc64);
	}
	return 0;
}
