/*
 * MIGRATE, MIGRATE_INFO_TYPE and MIGRATE_INFO_UP_CPU (DEN0022F.b 5.1.6-5.1.8,
 * 5.8, 5.9): the type is valid and constant, and MIGRATE and the resident
 * CPU agree with it as Table 9 says. MIGRATE is never called from the core a
 * Trusted OS is resident on with a target it could really migrate to.
 */
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <judges/migrate.h>
#include <spec/psci.h>

/* Reserved bits [31:24] of target_cpu, zero in both forms (5.1.4); the affinity fields stay the caller's. */
#define TARGET_RESERVED_BITS 0xff000000UL
#define INFO_TYPE_REPEATS 4

static u32 version;
static s32 info_type;
static u64 mpidrs[NR_CPUS];
static struct info_type_reading readings[NR_CPUS + INFO_TYPE_REPEATS];
static int nr_readings;

static u64 call_info_type(void)
{
	return smccc_call(PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE), 0, 0, 0);
}

/* PSCI_FEATURES says ID is not implemented (PSCI 0.2 cannot say). */
static bool reported_absent(u32 id)
{
	return psci_has_features(version) && psci_features(id) == PSCI_RET_NOT_SUPPORTED;
}

static void check_info_type(void)
{
	u64 x0 = call_info_type();
	struct verdict v;

	info_type = (s32)x0;
	judge_info_type(x0, &v);
	report_verdict("migrate.info_type.value", REF_INFO_TYPE, &v);
}

static void record_info_type(void *slot)
{
	struct info_type_reading *r = slot;

	r->value = (s32)call_info_type();
	r->ran = true;
}

/* 5.9.1: constant; 5.9.3: callable from any core. Secondaries stay on for MIGRATE's targets (5.8.2). */
static void check_info_type_constant(void)
{
	struct verdict v;

	for (int i = 0; i < INFO_TYPE_REPEATS; i++)
		readings[nr_readings++] = (struct info_type_reading){ smp_processor_id(), true, (s32)call_info_type() };
	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		struct info_type_reading *r = &readings[nr_readings++];

		*r = (struct info_type_reading){ .cpu = cpu };
		on_cpu(cpu, record_info_type, r);
	}
	judge_info_type_constant(readings, nr_readings, &v);
	report_verdict("migrate.info_type.constant", REF_INFO_TYPE_CONSTANT, &v);
}

/* The resident CPU: the one both forms name, or the one form that names a CPU; else -1. */
static int check_up_cpu(void)
{
	static const char *const checks[] = { "migrate.info_up_cpu", "migrate.info_up_cpu64" };
	bool up = migrate_type_is_up(info_type);
	int named[2];
	struct verdict v;

	for (int smc64 = 0; smc64 <= 1; smc64++) {
		u32 id = smc64 ? PSCI_FN64(PSCI_NR_MIGRATE_INFO_UP_CPU) : PSCI_FN(PSCI_NR_MIGRATE_INFO_UP_CPU);
		/* Not even called when its value is UNDEFINED (5.1.8). */
		u64 x0 = up ? smccc_call(id, 0, 0, 0) : 0;

		judge_info_up_cpu(info_type, id, x0, reported_absent(id), mpidrs, nr_cpus(), &v);
		report_verdict(checks[smc64], REF_UP_CPU, &v);
		named[smc64] = up ? migrate_resident_cpu(id, x0, mpidrs, nr_cpus()) : -1;
	}
	if (named[0] >= 0 && named[1] >= 0 && named[0] != named[1])
		return -1;
	return named[0] >= 0 ? named[0] : named[1];
}

/* Written by the calling CPU, possibly after the boot CPU gave up waiting: not on a stack. */
static struct migrate_call {
	u32 id;
	u64 target;
	u64 x0;
} consistent_calls[2], invalid_target_calls[2];

static void call_migrate(void *arg)
{
	struct migrate_call *c = arg;

	c->x0 = smccc_call(c->id, c->target, 0, 0);
}

static u32 migrate_id(int smc64)
{
	return smc64 ? PSCI_FN64(PSCI_NR_MIGRATE) : PSCI_FN(PSCI_NR_MIGRATE);
}

/* A CPU other than AVOID, or -1. */
static int other_cpu(int avoid)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != avoid)
			return cpu;
	return -1;
}

/* Why MIGRATE cannot be judged from CALLER, or NULL. */
static const char *caller_obstacle(int resident, int caller)
{
	if (!migrate_type_is_up(info_type) && !migrate_type_not_required(info_type))
		return "MIGRATE_INFO_TYPE gave no valid type (see migrate.info_type.value)";
	if (migrate_type_is_up(info_type) && resident < 0)
		return "MIGRATE_INFO_UP_CPU named no single CPU of /cpus (see migrate.info_up_cpu)";
	if (caller < 0)
		return "one CPU, and the Trusted OS is resident on it";
	return NULL;
}

static void report_migrate(const char *check, const char *ref, int caller, struct migrate_call *c, bool invalid)
{
	struct verdict v;

	if (!on_cpu(caller, call_migrate, c)) {
		report(false, check, ref, "CPU %d did not make the MIGRATE call", caller);
		return;
	}
	if (invalid)
		judge_migrate_invalid_target(info_type, version, c->id, c->x0, &v);
	else
		judge_migrate_valid_target(info_type, version, c->id, reported_absent(c->id), c->x0, &v);
	report_verdict(check, ref, &v);
}

/*
 * Table 9 with a valid, powered-up target. With a resident Trusted OS the
 * call comes from another core and targets that core itself: even a wrong
 * SUCCESS would not move the Trusted OS off a core it was asked to leave.
 * Otherwise the boot CPU asks for another CPU (itself when it is alone).
 */
static void check_migrate_consistent(int resident)
{
	static const char *const checks[] = { "migrate.consistent", "migrate.consistent64" };
	bool up = migrate_type_is_up(info_type);
	int caller = up ? other_cpu(resident) : smp_processor_id();
	int target = up || nr_cpus() == 1 ? caller : other_cpu(caller);
	const char *obstacle = caller_obstacle(resident, caller);

	for (int smc64 = 0; smc64 <= 1; smc64++) {
		struct migrate_call *c = &consistent_calls[smc64];

		if (obstacle) {
			report_skip(checks[smc64], REF_MIGRATE_TABLE9, "%s", obstacle);
			continue;
		}
		*c = (struct migrate_call){ migrate_id(smc64), smc64 ? mpidrs[target] : (u32)mpidrs[target], 0 };
		report_migrate(checks[smc64], REF_MIGRATE_TABLE9, caller, c, false);
	}
}

/*
 * Only where PSCI_FEATURES says MIGRATE is implemented. The target's affinity
 * fields name the calling core, which with a resident Trusted OS is its own
 * core: an implementation that ignored the reserved bits would have nowhere
 * to move it.
 */
static void check_migrate_invalid_target(int resident)
{
	static const char *const checks[] = { "migrate.invalid_target", "migrate.invalid_target64" };
	int caller = migrate_type_is_up(info_type) ? resident : smp_processor_id();
	const char *caller_problem = caller_obstacle(resident, caller);

	for (int smc64 = 0; smc64 <= 1; smc64++) {
		struct migrate_call *c = &invalid_target_calls[smc64];
		const char *obstacle = caller_problem;

		if (!psci_has_features(version))
			obstacle = "PSCI 0.2 has no PSCI_FEATURES to say MIGRATE is implemented";
		else if (reported_absent(migrate_id(smc64)))
			obstacle = "PSCI_FEATURES reports it not implemented";
		if (obstacle) {
			report_skip(checks[smc64], REF_MIGRATE_INVALID, "%s", obstacle);
			continue;
		}
		*c = (struct migrate_call){ migrate_id(smc64), mpidrs[caller] | TARGET_RESERVED_BITS, 0 };
		report_migrate(checks[smc64], REF_MIGRATE_INVALID, caller, c, true);
	}
}

int main(int argc, char **argv)
{
	int resident;

	(void)argc;
	(void)argv;
	version = (u32)smccc_call(PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0);
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		mpidrs[cpu] = cpu_mpidr(cpu);
	check_info_type();
	check_info_type_constant();
	resident = check_up_cpu();
	check_migrate_consistent(resident);
	check_migrate_invalid_target(resident);
	return 0;
}
