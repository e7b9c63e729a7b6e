/*
 * PSCI_SET_SUSPEND_MODE (DEN0022F.b 5.1.20, 5.21), where the advertised
 * version has it and PSCI_FEATURES reports it: a mode other than 0 and 1 is
 * INVALID_PARAMETERS; the boot CPU, the only core on, switches into
 * OS-initiated mode; with a secondary on and running, the switch back into
 * platform-coordinated mode is DENIED; once the secondary is OFF again it
 * succeeds. The image ends in platform-coordinated mode, the one the
 * platform boots in.
 */
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <judges/suspend_mode.h>
#include <judges/system.h>

enum { MODE_PLATFORM_COORDINATED, MODE_OS_INITIATED, MODE_UNDEFINED };

/* How long the secondary keeps running for the boot CPU's switch. */
#define RUN_BOUND_US 2000000

static const struct {
	const char *id, *ref;
} checks[] = {
	{ "suspend_mode.invalid_mode", REF_SUSPEND_MODE_INVALID },
	{ "suspend_mode.to_os_initiated_alone", REF_SUSPEND_MODE_SWITCH },
	{ "suspend_mode.to_platform_coordinated_others_on", REF_SUSPEND_MODE_TO_PC },
	{ "suspend_mode.to_platform_coordinated_alone", REF_SUSPEND_MODE_SWITCH },
};

enum { CHECK_INVALID, CHECK_TO_OSI, CHECK_TO_PC_OTHERS_ON, CHECK_TO_PC };

static u32 version;
static bool switched;	/* the boot CPU has made its switch with the secondary on */

static struct mode_call set_mode(u32 mode, const char *situation)
{
	return (struct mode_call){ version, mode, situation,
				   smccc_call(PSCI_FN(PSCI_NR_PSCI_SET_SUSPEND_MODE), mode, 0, 0) };
}

static void report_call(int check, const struct mode_call *c,
			void (*judge)(const struct mode_call *c, struct verdict *v))
{
	struct verdict v;

	judge(c, &v);
	report_verdict(checks[check].id, checks[check].ref, &v);
}

static void keep_running(void *arg)
{
	(void)arg;
	wait_until(READ_ONCE(switched), RUN_BOUND_US);
}

/* In OS-initiated mode, with the first secondary running. */
static void check_to_pc_others_on(void)
{
	int cpu = smp_first_secondary();
	struct mode_call c;

	if (cpu < 0) {
		report_skip(checks[CHECK_TO_PC_OTHERS_ON].id, checks[CHECK_TO_PC_OTHERS_ON].ref,
			    "one CPU: no other core to leave on");
		return;
	}
	if (!on_cpu_async(cpu, keep_running, NULL)) {
		report_skip(checks[CHECK_TO_PC_OTHERS_ON].id, checks[CHECK_TO_PC_OTHERS_ON].ref,
			    "CPU %d could not be brought online or given work", cpu);
		return;
	}
	c = set_mode(MODE_PLATFORM_COORDINATED, "in OS-initiated mode with another core on");
	WRITE_ONCE(switched, true);
	cpu_wait_idle(cpu, RUN_BOUND_US);
	report_call(CHECK_TO_PC_OTHERS_ON, &c, judge_mode_to_pc_others_on);
	if (!smp_cpu_off(cpu))
		printf("CPU %d did not reach OFF: the last switch is made with it on\n", cpu);
}

int main(int argc, char **argv)
{
	const struct psci_function *fn = &psci_functions[PSCI_NR_PSCI_SET_SUSPEND_MODE];
	struct mode_call c;
	struct verdict v;

	(void)argc;
	(void)argv;
	version = (u32)psci_version();
	if (!psci_callable(fn, version, psci_features_at(version, PSCI_FN(PSCI_NR_PSCI_SET_SUSPEND_MODE)), &v)) {
		for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++)
			report_verdict(checks[i].id, checks[i].ref, &v);
		return 0;
	}
	c = set_mode(MODE_UNDEFINED, "a mode 5.1.20 does not define");
	report_call(CHECK_INVALID, &c, judge_mode_invalid);
	c = set_mode(MODE_OS_INITIATED, "every other core OFF");
	report_call(CHECK_TO_OSI, &c, judge_mode_switch_alone);
	if (psci_result(PSCI_FN(PSCI_NR_PSCI_SET_SUSPEND_MODE), c.x0) == PSCI_RET_SUCCESS)
		check_to_pc_others_on();
	else
		report_skip(checks[CHECK_TO_PC_OTHERS_ON].id, checks[CHECK_TO_PC_OTHERS_ON].ref,
			    "not in OS-initiated mode (see suspend_mode.to_os_initiated_alone)");
	c = set_mode(MODE_PLATFORM_COORDINATED, "every other core OFF");
	report_call(CHECK_TO_PC, &c, judge_mode_switch_alone);
	return 0;
}
