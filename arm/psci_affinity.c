/*
 * AFFINITY_INFO (DEN0022F.b 5.7) in both widths: level 0 for the caller and
 * for a CPU never started, just started, running and turned off; levels 1 to
 * 3 for the caller's instances, with their lower affinity fields given and
 * with others, instances no CPU is in, and other instances; levels above 3;
 * and MPIDRs no CPU has.
 */
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <judges/affinity.h>
#include <libc/string.h>
#include <spec/psci.h>

/* CPU_ON then AFFINITY_INFO at once, this many times: the window after SUCCESS is short. */
#define AFTER_ON_STARTS 50
#define AFTER_ON_POLLS 3
/* A value for affinity fields that must be ignored (5.1.5). */
#define IGNORED_FIELD 0xe1
#define LEVEL_ALL_ONES 0xffffffffu

static const u32 affinity_ids[] = { PSCI_FN(PSCI_NR_AFFINITY_INFO), PSCI_FN64(PSCI_NR_AFFINITY_INFO) };
static u32 version;
static struct known_cpu known[NR_CPUS];
static u64 mpidrs[NR_CPUS];

static const char *check_id(const char *prefix, u32 id)
{
	static char buf[CHECK_ID_SIZE];

	return psci_check_id(prefix, id, buf, sizeof(buf));
}

/* The SMC32 form carries a 32-bit target_affinity (5.2.1): no Aff3, no bits [63:32]. */
static bool fits(u32 id, u64 target)
{
	return PSCI_FN_IS_SMC64(id) || target <= SMC32_ARG_MAX;
}

/* Without an Aff3 field the SMC32 form has no level-3 instances to name. */
static bool level_expressible(u32 id, u32 level)
{
	return PSCI_FN_IS_SMC64(id) || (level < 3 && fits(id, mpidr_hwid()));
}

static struct affinity_query ask(u32 id, u64 target, u32 level)
{
	struct affinity_query q = { .id = id, .target = target, .level = level,
				    .expect = affinity_expected(known, nr_cpus(), target, level) };

	q.x0 = smccc_call(id, target, level, 0);
	return q;
}

static void judge_and_report(const char *prefix, u32 id, const char *ref, const struct affinity_query *q)
{
	struct verdict v;

	judge_affinity_info(q, version, &v);
	report_verdict(check_id(prefix, id), ref, &v);
}

static void check_query(const char *prefix, u32 id, const char *ref, u64 target, u32 level)
{
	struct affinity_query q;

	if (!fits(id, target))
		return;
	q = ask(id, target, level);
	judge_and_report(prefix, id, ref, &q);
}

/* 6.6: a core "not booted yet" is OFF; nothing shows it is not faulty, so DISABLED stays possible. */
static void check_never_started(u32 id, int cpu)
{
	struct affinity_query q;

	if (cpu < 0) {
		report_skip(check_id("affinity_info.level0.never_started", id), REF_AFFINITY_STATES,
			    "one CPU: no secondary");
		return;
	}
	if (!fits(id, mpidrs[cpu]))
		return;
	q = ask(id, mpidrs[cpu], 0);
	q.never_booted = true;
	judge_and_report("affinity_info.level0.never_started", id, REF_AFFINITY_STATES, &q);
}

/* One start of a CPU and the answers right after it. */
struct start_polls {
	int start, poll;
	struct verdict v;	/* of the last answer judged */
	char failed[96];	/* why the start itself failed, if it did */
};

static bool start_and_poll(u32 id, int cpu, struct start_polls *sp)
{
	u32 on_id = PSCI_FN_IS_SMC64(id) ? PSCI_FN64(PSCI_NR_CPU_ON) : PSCI_FN(PSCI_NR_CPU_ON);
	s32 ret;

	if (cpu_online(cpu) && !smp_cpu_off(cpu)) {
		snprintf(sp->failed, sizeof(sp->failed), "CPU %d did not reach OFF before CPU_ON", cpu);
		return false;
	}
	known[cpu].state = CPU_KNOWN_OFF;
	ret = (s32)psci_result(on_id, smccc_call(on_id, mpidrs[cpu], secondary_entry_address(), cpu));
	if (ret != PSCI_RET_SUCCESS) {
		snprintf(sp->failed, sizeof(sp->failed), "CPU_ON of OFF CPU %d returned %d (%s)", cpu, ret,
			 psci_ret_name(ret));
		return false;
	}
	known[cpu].state = CPU_KNOWN_STARTING;
	for (sp->poll = 1; sp->poll <= AFTER_ON_POLLS; sp->poll++) {
		struct affinity_query q = ask(id, mpidrs[cpu], 0);

		judge_affinity_info(&q, version, &sp->v);
		if (sp->v.status != CHECK_PASS)
			break;
	}
	if (!wait_until(cpu_online(cpu), SMP_BRINGUP_TIMEOUT_US)) {
		snprintf(sp->failed, sizeof(sp->failed), "CPU %d did not come online after CPU_ON", cpu);
		return false;
	}
	known[cpu].state = CPU_KNOWN_ON;
	return true;
}

/*
 * 5.7.1, 6.6: from SUCCESS until it calls CPU_OFF the CPU is ON_PENDING or
 * ON. Asked at once, several times, over several starts of CPU; each start
 * uses the query's width for CPU_ON too. The first wrong answer is reported
 * with when it came.
 */
static void check_after_cpu_on(u32 id, int cpu)
{
	const char *check = check_id("affinity_info.level0.after_cpu_on", id);
	struct start_polls sp = { 0 };

	for (sp.start = 1; sp.start <= AFTER_ON_STARTS; sp.start++) {
		if (!start_and_poll(id, cpu, &sp)) {
			report(false, check, REF_AFFINITY_STATES, "start %d: %s", sp.start, sp.failed);
			return;
		}
		if (sp.v.status != CHECK_PASS) {
			report_result(sp.v.status, check, REF_AFFINITY_STATES,
				      "start %d, poll %d right after CPU_ON SUCCESS: %s", sp.start, sp.poll, sp.v.why);
			return;
		}
	}
	report_result(CHECK_PASS, check, REF_AFFINITY_STATES,
		      "%d starts, %d polls each right after CPU_ON SUCCESS, all ON or ON_PENDING; last: %s",
		      AFTER_ON_STARTS, AFTER_ON_POLLS, sp.v.why);
}

static const char *const secondary_checks[] = {
	"affinity_info.level0.after_cpu_on", "affinity_info.level0.online", "affinity_info.level0.off_after_cpu_off",
};

static void check_level0(u32 id)
{
	int secondary = smp_first_secondary();

	check_query("affinity_info.level0.self", id, REF_AFFINITY_STATES, mpidr_hwid(), 0);
	if (secondary < 0) {
		for (unsigned int i = 0; i < ARRAY_SIZE(secondary_checks); i++)
			report_skip(check_id(secondary_checks[i], id), REF_AFFINITY_STATES, "one CPU: no secondary");
		return;
	}
	if (!fits(id, mpidrs[secondary]))
		return;
	check_after_cpu_on(id, secondary);
	check_query("affinity_info.level0.online", id, REF_AFFINITY_STATES, mpidrs[secondary], 0);
	if (!smp_cpu_off(secondary)) {
		report(false, check_id("affinity_info.level0.off_after_cpu_off", id), REF_AFFINITY_STATES,
		       "CPU %d did not reach OFF within %u ms of CPU_OFF", secondary, SMP_OFF_TIMEOUT_US / 1000);
		return;
	}
	known[secondary].state = CPU_KNOWN_OFF;
	check_query("affinity_info.level0.off_after_cpu_off", id, REF_AFFINITY_STATES, mpidrs[secondary], 0);
}

static u64 with_ignored_fields(u64 mpidr, u32 level)
{
	for (u32 below = 0; below < level; below++)
		mpidr = mpidr_with_aff(mpidr, below, IGNORED_FIELD);
	return mpidr;
}

/* Another instance at LEVEL with CPUs in it, or false if the caller's is the only one. */
static bool other_instance(u32 level, u64 *target)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		if (!mpidr_same_instance(mpidrs[cpu], mpidr_hwid(), level)) {
			*target = mpidrs[cpu];
			return true;
		}
	}
	return false;
}

static void check_level(u32 id, u32 level)
{
	char prefix[CHECK_ID_SIZE];
	struct affinity_query own, other;
	struct verdict v;
	u64 target;

	if (!level_expressible(id, level))
		return;
	snprintf(prefix, sizeof(prefix), "affinity_info.level%u.own_instance", level);
	own = ask(id, mpidr_hwid(), level);
	judge_and_report(prefix, id, REF_AFFINITY_LEVELS, &own);
	snprintf(prefix, sizeof(prefix), "affinity_info.level%u.lower_fields_ignored", level);
	other = ask(id, with_ignored_fields(mpidr_hwid(), level), level);
	judge_affinity_lower_fields_ignored(id, level, own.x0, other.x0, &v);
	report_verdict(check_id(prefix, id), REF_AFFINITY_LEVELS, &v);
	snprintf(prefix, sizeof(prefix), "affinity_info.level%u.absent_instance", level);
	if (mpidr_absent(mpidrs, nr_cpus(), mpidr_hwid(), level, &target))
		check_query(prefix, id, REF_AFFINITY_INVALID, target, level);
	snprintf(prefix, sizeof(prefix), "affinity_info.level%u.other_instance", level);
	if (other_instance(level, &target))
		check_query(prefix, id, REF_AFFINITY_LEVELS, target, level);
	else
		report_skip(check_id(prefix, id), REF_AFFINITY_LEVELS, "every CPU of the DT is in the caller's level-%u instance",
			    level);
}

static void check_invalid(u32 id)
{
	struct invalid_mpidr bad[INVALID_MPIDR_KINDS];
	char prefix[CHECK_ID_SIZE];
	int n = invalid_mpidrs(mpidrs, nr_cpus(), mpidr_hwid(), bad);

	check_query("affinity_info.level.above_3", id, REF_AFFINITY_INVALID, mpidr_hwid(), MPIDR_LEVELS);
	check_query("affinity_info.level.all_ones", id, REF_AFFINITY_INVALID, mpidr_hwid(), LEVEL_ALL_ONES);
	for (int i = 0; i < n; i++) {
		snprintf(prefix, sizeof(prefix), "affinity_info.invalid_mpidr.%s", bad[i].name);
		check_query(prefix, id, REF_AFFINITY_INVALID, bad[i].mpidr, 0);
	}
}

/* Every secondary OFF, so that instances without the caller have a known state. */
static bool secondaries_off(void)
{
	bool ok = true;

	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		if (cpu == smp_processor_id() || !cpu_online(cpu))
			continue;
		ok &= smp_cpu_off(cpu);
		known[cpu].state = CPU_KNOWN_OFF;
	}
	return ok;
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	version = (u32)psci_version();
	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		mpidrs[cpu] = cpu_mpidr(cpu);
		known[cpu].mpidr = mpidrs[cpu];
		known[cpu].state = cpu == smp_processor_id() ? CPU_KNOWN_ON : CPU_KNOWN_OFF;
	}
	for (unsigned int w = 0; w < ARRAY_SIZE(affinity_ids); w++)
		check_never_started(affinity_ids[w], smp_first_secondary());
	for (unsigned int w = 0; w < ARRAY_SIZE(affinity_ids); w++)
		check_level0(affinity_ids[w]);
	if (!secondaries_off())
		report(false, "affinity_info.setup", psci_functions[PSCI_NR_CPU_OFF].section,
		       "a secondary did not reach OFF within %u ms of CPU_OFF", SMP_OFF_TIMEOUT_US / 1000);
	for (unsigned int w = 0; w < ARRAY_SIZE(affinity_ids); w++) {
		for (u32 level = 1; level < MPIDR_LEVELS; level++)
			check_level(affinity_ids[w], level);
		check_invalid(affinity_ids[w]);
	}
	return 0;
}
