/*
 * NODE_HW_STATE (DEN0022F.b 5.1.18, 5.19), where the advertised version has
 * it and PSCI_FEATURES reports it, in both widths: the boot CPU's own core,
 * and a secondary's while it runs code, are HW_ON; a target_cpu no core has
 * is INVALID_PARAMETERS.
 */
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <judges/affinity.h>
#include <judges/node_hw_state.h>
#include <judges/system.h>

/* How long a secondary keeps running for the boot CPU's question. */
#define RUN_BOUND_US 2000000

static u32 version;
static u64 mpidrs[NR_CPUS];
static bool asked;

static u64 hw_state(u32 id, u64 target)
{
	return smccc_call(id, target, 0, 0);
}

/* SMC32 passes target_cpu as a uint32: Aff3 must be 0 (5.1.18). */
static bool fits(u32 id, u64 mpidr)
{
	return PSCI_FN_IS_SMC64(id) || mpidr <= 0xffffffffUL;
}

static void check_self(u32 id)
{
	char check[CHECK_ID_SIZE];
	struct verdict v;

	psci_check_id("node_hw_state.self_on", id, check, sizeof(check));
	judge_hw_state_running(id, version, smp_processor_id(), hw_state(id, mpidr_hwid()), &v);
	report_verdict(check, REF_NODE_HW_STATE_ON, &v);
}

/* On the secondary: runs until the boot CPU has asked about it, within a bound. */
static void keep_running(void *arg)
{
	(void)arg;
	wait_until(READ_ONCE(asked), RUN_BOUND_US);
}

static void check_running_secondary(u32 id)
{
	int cpu = smp_first_secondary();
	char check[CHECK_ID_SIZE];
	struct verdict v;

	psci_check_id("node_hw_state.secondary_on", id, check, sizeof(check));
	if (cpu < 0 || !fits(id, mpidrs[cpu])) {
		report_skip(check, REF_NODE_HW_STATE_ON, "%s", cpu < 0 ? "one CPU: no secondary to ask about" :
				"the secondary's MPIDR has Aff3, out of reach of SMC32");
		return;
	}
	WRITE_ONCE(asked, false);
	if (!on_cpu_async(cpu, keep_running, NULL)) {
		report_skip(check, REF_NODE_HW_STATE_ON, "CPU %d could not be brought online or given work", cpu);
		return;
	}
	judge_hw_state_running(id, version, cpu, hw_state(id, mpidrs[cpu]), &v);
	WRITE_ONCE(asked, true);
	cpu_wait_idle(cpu, RUN_BOUND_US);
	report_verdict(check, REF_NODE_HW_STATE_ON, &v);
}

static void check_absent_target(u32 id)
{
	char check[CHECK_ID_SIZE];
	struct verdict v;
	u64 target;

	psci_check_id("node_hw_state.absent_target", id, check, sizeof(check));
	if (!mpidr_absent(mpidrs, nr_cpus(), mpidr_hwid(), 0, &target) || !fits(id, target)) {
		report_skip(check, REF_NODE_HW_STATE_INVALID, "no absent MPIDR next to the caller's that this width can pass");
		return;
	}
	judge_hw_state_absent_target(id, version, target, hw_state(id, target), &v);
	report_verdict(check, REF_NODE_HW_STATE_INVALID, &v);
}

static const struct {
	const char *prefix, *ref;
	void (*check)(u32 id);
} checks[] = {
	{ "node_hw_state.self_on", REF_NODE_HW_STATE_ON, check_self },
	{ "node_hw_state.secondary_on", REF_NODE_HW_STATE_ON, check_running_secondary },
	{ "node_hw_state.absent_target", REF_NODE_HW_STATE_INVALID, check_absent_target },
};

static void check_width(u32 id)
{
	const struct psci_function *fn = &psci_functions[PSCI_NR_NODE_HW_STATE];
	bool callable;
	struct verdict v;

	callable = psci_callable(fn, version, psci_features_at(version, id), &v);
	for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++) {
		char check[CHECK_ID_SIZE];

		if (callable)
			checks[i].check(id);
		else
			report_verdict(psci_check_id(checks[i].prefix, id, check, sizeof(check)), checks[i].ref, &v);
	}
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	version = (u32)psci_version();
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		mpidrs[cpu] = cpu_mpidr(cpu);
	check_width(PSCI_FN(PSCI_NR_NODE_HW_STATE));
	check_width(PSCI_FN64(PSCI_NR_NODE_HW_STATE));
	return 0;
}
