/*
 * Discovery: PSCI_VERSION and the DT, PSCI_FEATURES for every ID of the PSCI
 * range in both widths, a call to every function reported absent and to every
 * one reported present that stops nothing, the dependencies between optional
 * functions, and SMCCC version discovery.
 */
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <judges/discovery.h>
#include <spec/psci.h>

#define PROBE_TIMEOUT_US 500000
/* A type SYSTEM_OFF2 reserves (5.1.10): INVALID_PARAMETERS if it were implemented. */
#define SYSTEM_OFF2_RESERVED_TYPE 0x40000000u
/* A reserved architectural reset type (5.13.2 Table 10). */
#define SYSTEM_RESET2_RESERVED_TYPE 1u
/* Reserved bits set: no CPU has this MPIDR (5.1.4 target_cpu format). */
#define MPIDR_NO_SUCH_CPU 0xffffffffffffffffUL

struct probe {
	u32 id;
	struct smccc_regs in;
	struct smccc_regs out;
};

static s32 features_of[2][PSCI_FN_COUNT];
static u32 version;

static u32 range_id(unsigned int number, bool smc64)
{
	return smc64 ? PSCI_FN64(number) : PSCI_FN(number);
}

static void check_version(void)
{
	struct verdict v;
	u64 x0 = smccc_call(PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0);

	version = (u32)x0;
	judge_version_well_formed(x0, &v);
	report_verdict("psci.version.well_formed", REF_VERSION, &v);
	judge_version_matches_dt(version, boot.psci.compatible, boot.psci.compatible_len, &v);
	report_verdict("psci.version.dt_compatible", REF_VERSION_DT, &v);
}

static const char *ref_of(u32 id)
{
	const struct psci_function *fn = psci_function_by_id(id);

	return fn ? fn->section : psci_functions[PSCI_NR_PSCI_FEATURES].section;
}

static void check_features(void)
{
	char check[CHECK_ID_SIZE];
	struct verdict v;

	for (int smc64 = 0; smc64 <= 1; smc64++) {
		for (unsigned int nr = 0; nr < PSCI_FN_COUNT; nr++) {
			u32 id = range_id(nr, smc64);

			features_of[smc64][nr] = psci_features(id);
			judge_features(id, version, features_of[smc64][nr], &v);
			report_verdict(psci_check_id("psci.features", id, check, sizeof(check)), ref_of(id), &v);
		}
	}
}

/*
 * Arguments that cannot hurt if the function turns out to be implemented
 * after all: queries, invalid targets, reserved types, default modes.
 */
static void harmless_args(struct probe *p)
{
	u64 *a = &p->in.x[1];

	switch (PSCI_FN_NUMBER(p->id)) {
	case PSCI_NR_MIGRATE:
		a[0] = MPIDR_NO_SUCH_CPU;
		break;
	case PSCI_NR_CPU_DEFAULT_SUSPEND:
	case PSCI_NR_SYSTEM_SUSPEND:
		a[0] = secondary_entry_address();
		break;
	case PSCI_NR_NODE_HW_STATE:
	case PSCI_NR_PSCI_STAT_RESIDENCY:
	case PSCI_NR_PSCI_STAT_COUNT:
		a[0] = mpidr_hwid();
		break;
	case PSCI_NR_SYSTEM_RESET2:
		a[0] = SYSTEM_RESET2_RESERVED_TYPE;
		break;
	case PSCI_NR_SYSTEM_OFF2:
		a[0] = SYSTEM_OFF2_RESERVED_TYPE;
		break;
	case PSCI_NR_PSCI_FEATURES:
		a[0] = PSCI_FN(PSCI_NR_PSCI_VERSION);
		break;
	}
}

/* Functions whose call could power off, reset or stop the machine if wrongly answered. */
static bool ends_the_machine(u32 id)
{
	unsigned int nr = PSCI_FN_NUMBER(id);

	return nr == PSCI_NR_SYSTEM_OFF || nr == PSCI_NR_SYSTEM_RESET;
}

/* Functions whose call could stop the calling CPU: those run on a secondary. */
static bool may_stop_the_cpu(u32 id)
{
	unsigned int nr = PSCI_FN_NUMBER(id);

	return nr == PSCI_NR_CPU_OFF || nr == PSCI_NR_CPU_FREEZE || nr == PSCI_NR_CPU_SUSPEND ||
	       nr == PSCI_NR_CPU_DEFAULT_SUSPEND || nr == PSCI_NR_SYSTEM_SUSPEND || nr == PSCI_NR_CPU_ON;
}

static void call_probe(void *arg)
{
	struct probe *p = arg;

	smccc_call_regs(&p->in, &p->out);
}

static int probe_cpu = -1;

/* A secondary that stays online while the probes run, or -1. */
static int pick_probe_cpu(void)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != smp_processor_id() && on_cpu(cpu, call_probe, &(struct probe){ 0 }))
			return cpu;
	return -1;
}

static void check_absent_call(u32 id)
{
	struct probe p = { .id = id, .in = { .x = { id } } };
	char check[CHECK_ID_SIZE];
	struct verdict v;

	psci_check_id("psci.absent_call", id, check, sizeof(check));
	harmless_args(&p);
	if (!may_stop_the_cpu(id)) {
		call_probe(&p);
	} else if (probe_cpu < 0) {
		report_skip(check, REF_ABSENT, "needs a second CPU: the call could stop the CPU making it");
		return;
	} else if (!on_cpu_async(probe_cpu, call_probe, &p) || !cpu_wait_idle(probe_cpu, PROBE_TIMEOUT_US)) {
		report(false, check, REF_ABSENT, "CPU %d did not return from 0x%08x within %u ms",
		       probe_cpu, id, PROBE_TIMEOUT_US / 1000);
		probe_cpu = -1;
		return;
	}
	judge_absent_call(id, p.out.x[0], &v);
	report_verdict(check, REF_ABSENT, &v);
}

/*
 * A function whose answer may be NOT_SUPPORTED although it is implemented
 * (MIGRATE and its queries where no Trusted OS needs migrating, 5.9, Table
 * 17 note a), or whose harmless call is another image's (SYSTEM_RESET2 and
 * SYSTEM_OFF2 with reserved types: psci_system).
 */
static bool present_call_judged_elsewhere(u32 id)
{
	unsigned int nr = PSCI_FN_NUMBER(id);

	return nr == PSCI_NR_MIGRATE || nr == PSCI_NR_MIGRATE_INFO_TYPE || nr == PSCI_NR_MIGRATE_INFO_UP_CPU ||
	       nr == PSCI_NR_SYSTEM_RESET2 || nr == PSCI_NR_SYSTEM_OFF2;
}

/*
 * Every function reported present that can be called without stopping the
 * caller or the machine is called, with the harmless arguments, once per
 * width it has.
 */
static void check_present_calls(void)
{
	char check[CHECK_ID_SIZE];
	struct verdict v;

	for (int smc64 = 0; smc64 <= 1; smc64++) {
		for (unsigned int nr = 0; nr < PSCI_FN_COUNT; nr++) {
			u32 id = range_id(nr, smc64);
			struct probe p = { .id = id, .in = { .x = { id } } };

			if (features_of[smc64][nr] < 0 || present_call_judged_elsewhere(id))
				continue;
			psci_check_id("psci.present_call", id, check, sizeof(check));
			if (may_stop_the_cpu(id) || ends_the_machine(id)) {
				report_skip(check, REF_PRESENT, "a call could stop the CPU or the machine; its own image calls it");
				continue;
			}
			harmless_args(&p);
			call_probe(&p);
			judge_present_call(id, p.out.x[0], &v);
			report_verdict(check, REF_PRESENT, &v);
		}
	}
}

/* The calls that could end the machine go last, announced, so a wrong answer is visible. */
static void check_absent_calls(bool machine_enders)
{
	for (int smc64 = 0; smc64 <= 1; smc64++) {
		for (unsigned int nr = 0; nr < PSCI_FN_COUNT; nr++) {
			u32 id = range_id(nr, smc64);

			if (features_of[smc64][nr] != PSCI_RET_NOT_SUPPORTED || ends_the_machine(id) != machine_enders)
				continue;
			if (machine_enders)
				printf("calling 0x%08x, reported absent: the machine must not stop\n", id);
			check_absent_call(id);
		}
	}
}

/* Table 17 notes b, c and d: optional functions that come with another. */
static void check_pairs(void)
{
	char check[CHECK_ID_SIZE];
	struct verdict v;

	for (unsigned int i = 0; i < psci_pair_count; i++) {
		const struct psci_pair *p = &psci_pairs[i];

		snprintf(check, sizeof(check), "psci.features.%s", p->name);
		judge_pair(p, features_of[0][p->fn] >= 0, features_of[0][p->with] >= 0, &v);
		report_verdict(check, p->ref, &v);
	}
}

/* The Arm Architecture calls an SMCCC 1.1 implementation has: SMCCC_ARCH_FEATURES must report them. */
static const struct {
	const char *check, *name;
	u32 id;
} mandatory_arch_calls[] = {
	{ "smccc.arch_features.version", "SMCCC_VERSION", SMCCC_VERSION_ID },
	{ "smccc.arch_features.arch_features", "SMCCC_ARCH_FEATURES", SMCCC_ARCH_FEATURES_ID },
};

static void check_mandatory_arch_calls(void)
{
	struct verdict v;

	for (unsigned int i = 0; i < ARRAY_SIZE(mandatory_arch_calls); i++) {
		judge_arch_features_mandatory(mandatory_arch_calls[i].name,
					      (s32)smccc_call(SMCCC_ARCH_FEATURES_ID, mandatory_arch_calls[i].id, 0, 0), &v);
		report_verdict(mandatory_arch_calls[i].check, REF_ARCH_MANDATORY, &v);
	}
}

static void check_smccc(void)
{
	s32 features = psci_features_at(version, SMCCC_VERSION_ID);
	u64 x0 = smccc_call(SMCCC_VERSION_ID, 0, 0, 0);
	u32 smccc = smccc_version_discovered(version, features, x0);
	char check[CHECK_ID_SIZE];
	struct verdict v;

	judge_smccc_version(version, features, x0, &v);
	report_verdict("smccc.version.discovery", REF_SMCCC_VERSION, &v);
	for (unsigned int i = 0; i < smccc_arch_function_count; i++) {
		const struct smccc_arch_function *fn = &smccc_arch_functions[i];

		snprintf(check, sizeof(check), "smccc.arch_features.%s", fn->name + 6);
		for (char *c = check; *c; c++)
			*c = *c >= 'A' && *c <= 'Z' ? *c + 'a' - 'A' : *c;
		if (smccc < SMCCC_V1_1) {
			report_skip(check, fn->section, "SMCCC 1.0: no SMCCC_ARCH_FEATURES to ask");
			continue;
		}
		judge_arch_features(fn, (s32)smccc_call(SMCCC_ARCH_FEATURES_ID, fn->id, 0, 0), &v);
		report_verdict(check, fn->section, &v);
	}
	if (smccc < SMCCC_V1_1) {
		report_skip("smccc.arch_features.undefined_id", REF_ARCH_FEATURES, "SMCCC 1.0: no SMCCC_ARCH_FEATURES to ask");
		for (unsigned int i = 0; i < ARRAY_SIZE(mandatory_arch_calls); i++)
			report_skip(mandatory_arch_calls[i].check, REF_ARCH_MANDATORY, "SMCCC 1.0: no SMCCC_ARCH_FEATURES to ask");
		return;
	}
	check_mandatory_arch_calls();
	judge_arch_features_undefined((s32)smccc_call(SMCCC_ARCH_FEATURES_ID, SMCCC_ARCH_UNDEFINED_ID, 0, 0), &v);
	report_verdict("smccc.arch_features.undefined_id", REF_ARCH_FEATURES, &v);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	check_version();
	if (!psci_has_features(version)) {
		report_skip("psci.features.all", psci_functions[PSCI_NR_PSCI_FEATURES].section, "PSCI 0.2 has no PSCI_FEATURES");
	} else {
		check_features();
		check_pairs();
		probe_cpu = pick_probe_cpu();
		check_absent_calls(false);
		check_present_calls();
	}
	check_smccc();
	if (psci_has_features(version))
		check_absent_calls(true);
	return 0;
}
