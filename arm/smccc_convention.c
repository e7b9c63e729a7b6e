/*
 * The SMC Calling Convention (DEN0028) as PSCI's calls meet it: SMC32 calls
 * ignore the upper halves of the function ID and of their arguments, x4-x17
 * survive a call from SMCCC 1.1 on, and IDs nobody defines are unknown.
 * Calls with a nonzero HVC/SMC immediate are left out: DEN0028 requires #0,
 * which is all the runtime's primitive issues. Only fast calls are made.
 */
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <judges/convention.h>
#include <judges/discovery.h>
#include <spec/psci.h>

#define JUNK_UPPER (0xa5a5a5a5UL << 32)
/* Bit 31 clear: the check is about the upper half, not about sign extension. */
#define CONTEXT_ID_BASE 0x5eed0000u
/* Power level 0, standby, StateID 0: the same word in both power_state formats (5.4.2). */
#define STANDBY_POWER_STATE 0u
#define SUSPEND_WAKE_US 10000
#define SUSPEND_TIMEOUT_US 1000000
#define REG_PATTERN(i) (0x0c0ffee000000000UL | (u64)(i) << 16 | (i))
/*
 * A junk CPU_ON's target is waited for a generous multiple of what the clean
 * CPU_ON's took on this run, at least a floor: a target sent to a junk entry
 * point (x2's junk read, as QEMU does) never arrives, and the full bring-up
 * bound would be paid on every run for a known outcome.
 */
#define JUNK_BRINGUP_FACTOR 100
#define JUNK_BRINGUP_FLOOR_US 500000

static u32 psci_version_word;
static u32 smccc_version;

static void discover_versions(void)
{
	char text[16];
	s32 features;
	u64 x0;

	psci_version_word = (u32)smccc_call(PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0);
	features = psci_features_at(psci_version_word, SMCCC_VERSION_ID);
	x0 = smccc_call(SMCCC_VERSION_ID, 0, 0, 0);
	smccc_version = smccc_version_discovered(psci_version_word, features, x0);
	printf("PSCI_VERSION 0x%08x, SMCCC %s, conduit %s\n", psci_version_word,
	       smccc_version_text(smccc_version, text, sizeof(text)), smccc_conduit_name());
}

/* smccc.fid_upper.NAME for junk in the function ID, psci.smc32_upper.NAME.xN for an argument. */
static const char *upper_check_id(u32 id, int reg, char *buf, size_t size)
{
	char base[CHECK_ID_SIZE];

	if (!reg)
		return psci_check_id("smccc.fid_upper", id, buf, size);
	psci_check_id("psci.smc32_upper", id, base, sizeof(base));
	snprintf(buf, size, "%s.x%d", base, reg);
	return buf;
}

/* The same SMC32 call, clean and with junk in the upper half of xREG. */
static void check_upper(u32 id, int reg, u64 a1, u64 a2)
{
	struct smccc_regs clean = { .x = { id, a1, a2 } }, junk = clean, out;
	char check[CHECK_ID_SIZE], where[16];
	struct verdict v;
	u64 clean_x0;

	smccc_call_regs(&clean, &out);
	clean_x0 = out.x[0];
	junk.x[reg] |= JUNK_UPPER;
	smccc_call_regs(&junk, &out);
	snprintf(where, sizeof(where), "x%d[63:32]", reg);
	judge_upper_ignored(id, where, clean_x0, out.x[0], &v);
	report_verdict(upper_check_id(id, reg, check, sizeof(check)), reg ? REF_SMC32_ARGS : REF_FID_UPPER, &v);
}

static void check_features_upper(void)
{
	u32 features = PSCI_FN(PSCI_NR_PSCI_FEATURES);
	char check[CHECK_ID_SIZE];

	if (psci_has_features(psci_version_word)) {
		check_upper(features, 0, PSCI_FN(PSCI_NR_CPU_ON), 0);
		check_upper(features, 1, PSCI_FN(PSCI_NR_CPU_ON), 0);
		return;
	}
	for (int reg = 0; reg <= 1; reg++)
		report_skip(upper_check_id(features, reg, check, sizeof(check)), reg ? REF_SMC32_ARGS : REF_FID_UPPER,
			    "PSCI 0.2 has no PSCI_FEATURES");
}

/*
 * Junk in the target (x1) is asked about the caller itself, always ON, so
 * that a junk MPIDR read as "no such CPU, OFF" shows. Junk in the level (x2)
 * is asked about an OFF CPU, since above level 0 the answer would be ON;
 * alone, the only target is the caller, ON at every level, so that check is
 * skipped.
 */
static void check_affinity_info_upper(void)
{
	u32 id = PSCI_FN(PSCI_NR_AFFINITY_INFO);
	char check[CHECK_ID_SIZE];

	for (int reg = 1; reg <= 2; reg++) {
		u64 target = cpu_mpidr(reg == 1 ? smp_processor_id() : nr_cpus() - 1);

		upper_check_id(id, reg, check, sizeof(check));
		if (target >> 32)
			report_skip(check, REF_SMC32_ARGS,
				    "target MPIDR 0x%lx has Aff3 set, which an SMC32 call cannot carry", target);
		else if (reg == 2 && nr_cpus() == 1)
			report_skip(check, REF_SMC32_ARGS,
				    "needs an OFF CPU: for the caller itself every level answers ON");
		else
			check_upper(id, reg, target, 0);
	}
}

struct harmless_call {
	const char *check;
	const char *name;
	u32 id;
	bool with_mpidr;	/* x1 = the caller's MPIDR, else x1 = CPU_ON's ID */
};

static const struct harmless_call harmless_calls[] = {
	{ "smccc.preserved.psci_version", "PSCI_VERSION", PSCI_FN(PSCI_NR_PSCI_VERSION), false },
	{ "smccc.preserved.psci_features", "PSCI_FEATURES", PSCI_FN(PSCI_NR_PSCI_FEATURES), false },
	{ "smccc.preserved.affinity_info", "AFFINITY_INFO", PSCI_FN(PSCI_NR_AFFINITY_INFO), true },
	{ "smccc.preserved.migrate_info_type", "MIGRATE_INFO_TYPE", PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE), false },
	{ "smccc.preserved.smccc_version", "SMCCC_VERSION", SMCCC_VERSION_ID, false },
};

static void check_preserved(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(harmless_calls); i++) {
		const struct harmless_call *c = &harmless_calls[i];
		struct smccc_regs in = { .x = { c->id, c->with_mpidr ? (u32)mpidr_hwid() : PSCI_FN(PSCI_NR_CPU_ON) } };
		struct smccc_regs out;
		struct verdict v;

		for (int r = SMCCC_FIRST_PRESERVED; r <= SMCCC_LAST_PRESERVED; r++)
			in.x[r] = REG_PATTERN(r);
		smccc_call_regs(&in, &out);
		judge_preserved(c->name, smccc_version, in.x, out.x, &v);
		report_verdict(c->check, REF_PRESERVED, &v);
	}
}

static void ask_service_queries(unsigned int oen, s32 *answers)
{
	for (int q = 0; q < SMCCC_NR_SERVICE_QUERIES; q++)
		answers[q] = (s32)smccc_call(smccc_service_query_id(oen, q), 0, 0, 0);
}

static void check_unknown_fids(void)
{
	s32 queries[SMCCC_NR_SERVICE_QUERIES];
	char check[CHECK_ID_SIZE];
	struct verdict v;

	for (unsigned int oen = 0; oen < SMCCC_OEN_COUNT; oen++) {
		bool vendor = smccc_owner_of(oen) == SMCCC_OWNER_VENDOR;

		if (vendor)
			ask_service_queries(oen, queries);
		for (int smc64 = 0; smc64 <= 1; smc64++) {
			u32 fid = SMCCC_FAST_FID(oen, smc64, SMCCC_PROBE_NUMBER);

			judge_unknown_fid(fid, queries, smccc_call(fid, 0, 0, 0), &v);
			snprintf(check, sizeof(check), "smccc.unknown_fid.oen%u%s", oen, smc64 ? "_smc64" : "");
			report_verdict(check, vendor ? REF_VENDOR_FID : REF_UNKNOWN_FID, &v);
		}
	}
}

/* Written by the suspending CPU, possibly after its caller gave up: not on a stack. */
static struct suspend_call {
	struct smccc_regs in, out;
	bool returned;
} suspend_calls[2];

static void suspend_in_standby(void *arg)
{
	struct suspend_call *c = arg;
	int cpu = smp_processor_id();
	u64 wakeups = timer_irq_count(cpu);

	timer_virt_arm_us(SUSPEND_WAKE_US);
	smccc_call_regs(&c->in, &c->out);
	WRITE_ONCE(c->returned, true);
	/* Take the wake-up interrupt (its handler disarms the timer) before the next call. */
	local_irq_enable();
	wait_until(timer_irq_count(cpu) > wakeups, SUSPEND_TIMEOUT_US);
	local_irq_disable();
}

static bool suspend_returned(int cpu, struct suspend_call *c, u64 power_state)
{
	*c = (struct suspend_call){ .in = { .x = { PSCI_FN(PSCI_NR_CPU_SUSPEND), power_state,
						  secondary_entry_address(), cpu } } };
	if (on_cpu_async(cpu, suspend_in_standby, c))
		cpu_wait_idle(cpu, 2 * SUSPEND_TIMEOUT_US);
	return READ_ONCE(c->returned);
}

/* On a secondary with its virtual timer armed: a call that never returns stops only that CPU. */
static void check_suspend_upper(int cpu)
{
	struct suspend_upper_obs o = { .timeout_ms = 2 * SUSPEND_TIMEOUT_US / 1000 };
	struct verdict v;

	o.clean_returned = suspend_returned(cpu, &suspend_calls[0], STANDBY_POWER_STATE);
	o.clean_x0 = suspend_calls[0].out.x[0];
	if (o.clean_returned) {
		o.junk_returned = suspend_returned(cpu, &suspend_calls[1], STANDBY_POWER_STATE | JUNK_UPPER);
		o.junk_x0 = suspend_calls[1].out.x[0];
	}
	judge_suspend_upper(&o, &v);
	report_verdict("psci.smc32_upper.cpu_suspend.x1", REF_SMC32_ARGS, &v);
	if (o.junk_returned && !smp_cpu_off(cpu))
		printf("CPU %d did not turn off after the CPU_SUSPEND checks\n", cpu);
}

/* Why an SMC32 CPU_ON of CPU cannot be made or judged, or NULL. */
static const char *cpu_on_obstacle(int cpu)
{
	if (secondary_entry_address() >> 32)
		return "the entry point lies above 4 GiB, out of reach of SMC32";
	if (cpu_mpidr(cpu) >> 32)
		return "the target's MPIDR has Aff3 set, out of reach of SMC32";
	if (psci_affinity_info(cpu_mpidr(cpu), 0) != PSCI_AFF_OFF)
		return "the target is not OFF";
	return NULL;
}

/*
 * CPU_ON (SMC32) of CPU with junk in the upper half of xREG (none for REG 0),
 * waiting BOUND_US for the target; turns it off again.
 */
static struct cpu_on_obs cpu_on_smc32(int cpu, int reg, u64 bound_us)
{
	struct smccc_regs in = { .x = { PSCI_FN(PSCI_NR_CPU_ON), cpu_mpidr(cpu), secondary_entry_address(),
					CONTEXT_ID_BASE | cpu } }, out;
	struct cpu_on_obs o = { .bound_us = bound_us };
	u64 start;

	if (reg)
		in.x[reg] |= JUNK_UPPER;
	start = timer_count();
	smccc_call_regs(&in, &out);
	o.ret = (s32)out.x[0];
	o.came_up = o.ret == PSCI_RET_SUCCESS && wait_until(cpu_online(cpu), bound_us);
	o.came_up_us = o.came_up ? timer_ticks_to_us(timer_count() - start) : 0;
	o.entry_x0 = cpu_entry_state(cpu)->context_id;
	if (o.came_up && !smp_cpu_off(cpu))
		printf("CPU %d did not turn off after an SMC32 CPU_ON\n", cpu);
	return o;
}

/* x2 last: an entry point read with its junk sends the target where it cannot come back from. */
static void check_cpu_on_upper(int cpu)
{
	static const int regs[] = { 1, 3, 2 };
	const char *obstacle = cpu_on_obstacle(cpu);
	struct cpu_on_obs clean = { 0 }, junk;
	char check[CHECK_ID_SIZE], where[16];
	struct verdict v;
	u64 junk_bound_us;

	if (!obstacle)
		clean = cpu_on_smc32(cpu, 0, SMP_BRINGUP_TIMEOUT_US);
	junk_bound_us = MIN(SMP_BRINGUP_TIMEOUT_US, MAX(JUNK_BRINGUP_FLOOR_US, JUNK_BRINGUP_FACTOR * clean.came_up_us));
	if (clean.came_up)
		report_info("psci.smc32_upper.cpu_on.bound", REF_SMC32_ARGS,
			    "a junk CPU_ON's target is waited for %lu ms: %d x the clean one's %lu us, at least %d ms, at most %d ms",
			    junk_bound_us / 1000, JUNK_BRINGUP_FACTOR, clean.came_up_us, JUNK_BRINGUP_FLOOR_US / 1000,
			    SMP_BRINGUP_TIMEOUT_US / 1000);
	for (unsigned int i = 0; i < ARRAY_SIZE(regs); i++) {
		upper_check_id(PSCI_FN(PSCI_NR_CPU_ON), regs[i], check, sizeof(check));
		if (!obstacle)
			obstacle = cpu_on_obstacle(cpu);
		if (obstacle) {
			report_skip(check, REF_SMC32_ARGS, "CPU %d: %s", cpu, obstacle);
			continue;
		}
		junk = cpu_on_smc32(cpu, regs[i], junk_bound_us);
		snprintf(where, sizeof(where), "x%d[63:32]", regs[i]);
		judge_cpu_on_upper(where, CONTEXT_ID_BASE | cpu, &clean, &junk, &v);
		report_verdict(check, REF_SMC32_ARGS, &v);
	}
}

static void check_secondary_calls(void)
{
	char check[CHECK_ID_SIZE];

	if (nr_cpus() < 2) {
		report_skip("psci.smc32_upper.cpu_suspend.x1", REF_SMC32_ARGS,
			    "needs a second CPU: a CPU_SUSPEND that never returned would stop the CPU making it");
		for (int reg = 1; reg <= 3; reg++)
			report_skip(upper_check_id(PSCI_FN(PSCI_NR_CPU_ON), reg, check, sizeof(check)), REF_SMC32_ARGS,
				    "needs a second CPU to turn on");
		return;
	}
	check_suspend_upper(1);
	check_cpu_on_upper(nr_cpus() - 1);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	discover_versions();
	check_upper(PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0);
	check_features_upper();
	check_affinity_info_upper();
	check_preserved();
	check_unknown_fids();
	check_secondary_calls();
	return 0;
}
