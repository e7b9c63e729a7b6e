/*
 * The boot CPU's C entry: from the DTB to main(). Everything it cannot set up
 * is recorded in struct boot_facts for the selftest to report, rather than
 * stopping here where nothing can be reported yet.
 */
#include <argv.h>
#include <boot-args.h>
#include <arm64/console-drivers.h>
#include <arm64/gic.h>
#include <arm64/mmu.h>
#include <arm64/psci-call.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/spinlock.h>
#include <arm64/timer.h>
#include <libc/string.h>
#include <report.h>

struct boot_facts boot;
extern char _text[], _end[];

static const struct console_driver *const consoles[] = {
	&xen_console, &pl011_console, &uart16550_console, NULL,
};

static enum smccc_conduit conduit_from_method(const char *method)
{
	if (method && !strcmp(method, "hvc"))
		return SMCCC_CONDUIT_HVC;
	if (method && !strcmp(method, "smc"))
		return SMCCC_CONDUIT_SMC;
	return SMCCC_CONDUIT_NONE;
}

static void print_banner(void)
{
	printf("%s: EL%u, %d CPUs, PSCI conduit %s, GICv%d, console %s, image 0x%lx-0x%lx, DTB 0x%lx\n",
	       test_name, boot.el, nr_cpus(), smccc_conduit_name(), boot.gic_version, boot.console,
	       boot.image_start, boot.image_end, boot.dtb);
}

void __noreturn setup(const void *fdt)
{
	static char args[512];
	char *argv[MAX_ARGS + 1];
	int argc;

	boot.el = current_el();
	boot.dtb = (u64)fdt;
	boot.image_start = (u64)_text;
	boot.image_end = (u64)_end;
	if (dt_init(fdt))
		for (;;)	/* no DT, no console: the runner's timeout reports it */
			wfi();
	boot.console = console_init(fdt, consoles);
	boot.mmu_ok = mmu_setup();
	dt_psci(&boot.psci);
	smccc_set_conduit(conduit_from_method(boot.psci.method));
	if (!smp_init())
		panic("the boot CPU (MPIDR 0x%lx) is not among the DT's /cpus", mpidr_hwid());
	boot.timer_ok = timer_init();
	boot.gic_version = gic_init();
	if (boot.gic_version && !gic_cpu_init())
		panic("no GIC redistributor for the boot CPU (MPIDR 0x%lx)", mpidr_hwid());
	timer_cpu_init();
	print_banner();
	argc = split_args(test_name, boot_args(), args, sizeof(args), argv);
	exit(main(argc, argv));
}

/* Only the first CPU to get here ends the test; any other parks. */
void __noreturn exit(int code)
{
	static u64 exiting;
	s32 ret;

	if (atomic_add_return(&exiting, 1) != 1)
		for (;;)
			wfi();
	report_end(code);
	ret = psci_system_off();
	printf("SYSTEM_OFF returned %d (%s)\n", ret, psci_ret_name(ret));
	for (;;)
		wfi();
}
