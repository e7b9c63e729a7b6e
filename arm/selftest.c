/*
 * Checks the runtime every PSCI check stands on: the DT was parsed, the MMU
 * maps RAM Normal and MMIO Device, exceptions are caught and reported, the
 * timer bounds waits and interrupts, and every CPU comes online and goes back.
 *
 * Arguments (test_args): cpus=N says how many CPUs the runner configured, so a
 * mismatch is a FAIL; crash=exception, crash=hang and crash=garbage misbehave
 * on purpose so the project's own tests can see the runner report them.
 */
#include <argv.h>
#include <arm64/exceptions.h>
#include <arm64/mmu.h>
#include <arm64/processor.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/spinlock.h>
#include <arm64/timer.h>
#include <console.h>
#include <libc/string.h>
#include <report.h>
#include <spec/psci.h>

#define REF_BOOT "Linux arm64 booting.rst"
#define REF_PSCI_DT "DT binding arm/psci.yaml"
#define REF_VMSA "DDI0487 D8 (VMSAv8-64)"
#define REF_EXC "DDI0487 D1.10 (exception entry)"
#define REF_TIMER "DDI0487 D11 (generic timer)"
#define REF_CPU_ON psci_functions[PSCI_NR_CPU_ON].section
#define REF_CPU_OFF psci_functions[PSCI_NR_CPU_OFF].section

#define PAR_F BIT(0)
#define PAR_ATTR(par) ((par) >> 56)
#define MAIR_NORMAL_WB 0xff
#define MAIR_DEVICE_NGNRE 0x04
#define UNMAPPED_VA (1UL << 40)
#define TIMER_IRQ_TIMEOUT_US 1000000
#define BOUNDED_WAIT_US 20000

struct options {
	unsigned long cpus;
	const char *crash;
};

static void parse_options(int argc, char **argv, struct options *opt)
{
	const char *v;

	for (int i = 1; i < argc; i++) {
		if ((v = arg_value(argv[i], "cpus")))
			opt->cpus = strtoul(v, NULL, 0);
		else if ((v = arg_value(argv[i], "crash")))
			opt->crash = v;
		else
			printf("ignoring unknown argument '%s'\n", argv[i]);
	}
}

static void check_dt(const struct options *opt)
{
	const struct dt_reg *ram;
	int n = mem_regions(&ram);
	bool method_ok = boot.psci.method &&
			 (!strcmp(boot.psci.method, "hvc") || !strcmp(boot.psci.method, "smc"));

	report(boot.psci.present && method_ok, "selftest.dt.psci_node", REF_PSCI_DT,
	       "/psci %s, method %s", boot.psci.present ? "present" : "missing",
	       boot.psci.method ? boot.psci.method : "(none)");
	report(nr_cpus() > 0 && (!opt->cpus || (unsigned long)nr_cpus() == opt->cpus),
	       "selftest.dt.cpus", "DT binding cpus.yaml", "%d CPUs in /cpus, runner configured %lu",
	       nr_cpus(), opt->cpus);
	report(n > 0 && mem_is_ram(boot.image_start, boot.image_end - boot.image_start) &&
		       mem_is_ram(boot.dtb, 8),
	       "selftest.dt.memory", REF_BOOT, "%d memory region(s), first 0x%lx+0x%lx; image and DTB inside RAM",
	       n, n ? ram[0].addr : 0, n ? ram[0].size : 0);
}

static void check_el(void)
{
	bool el_ok = boot.el == 1 || boot.el == 2;

	/* An image entered at EL2 stays there: its checks may rely on the EL it reports. */
	report(el_ok && current_el() == boot.el, "selftest.boot.el", REF_BOOT,
	       "entered at EL%u, running at EL%u", boot.el, current_el());
	/* An HVC issued at EL2 is taken by EL2 itself: only SMC reaches a PSCI provider. */
	report(boot.el == 2 ? smccc_conduit() == SMCCC_CONDUIT_SMC : smccc_conduit() != SMCCC_CONDUIT_NONE,
	       "selftest.boot.conduit", REF_PSCI_DT, "conduit %s at EL%u", smccc_conduit_name(), boot.el);
}

static u64 translate(u64 va)
{
	if (current_el() == 2)
		asm volatile("at s1e2r, %0" : : "r"(va));
	else
		asm volatile("at s1e1r, %0" : : "r"(va));
	isb();
	return read_sysreg(par_el1);
}

/* Some device every target has: the interrupt controller. */
static u64 mmio_sample(void)
{
	static const char *const devices[] = { "arm,gic-v3", "arm,cortex-a15-gic", "arm,gic-400", NULL };
	struct dt_reg reg = { 0 };

	dt_reg(dt_find_compatible(devices), 0, &reg);
	return reg.addr;
}

static void check_mmu(void)
{
	u64 sctlr = read_sysreg_el(sctlr);
	u64 stack_par = translate((u64)&sctlr);
	u64 mmio = mmio_sample();
	u64 mmio_par = translate(mmio);
	u8 buf[16] __aligned(8) = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	u64 unaligned, counter = 41;

	report(boot.mmu_ok && (sctlr & (SCTLR_M | SCTLR_C | SCTLR_I)) == (SCTLR_M | SCTLR_C | SCTLR_I),
	       "selftest.mmu.enabled", REF_VMSA, "SCTLR_EL%u 0x%lx, map from DT memory %s",
	       boot.el, sctlr, boot.mmu_ok ? "built" : "NOT built");
	report(!(stack_par & PAR_F) && PAR_ATTR(stack_par) == MAIR_NORMAL_WB, "selftest.mmu.ram_normal",
	       REF_VMSA, "stack translates with PAR 0x%lx (want Normal write-back attributes 0xff)", stack_par);
	report(mmio && !(mmio_par & PAR_F) && PAR_ATTR(mmio_par) == MAIR_DEVICE_NGNRE,
	       "selftest.mmu.mmio_device", REF_VMSA,
	       "GIC at 0x%lx translates with PAR 0x%lx (want Device-nGnRE 0x04)", mmio, mmio_par);
	/* Both fault on Device memory, so they prove RAM is Normal in practice too. */
	memcpy(&unaligned, buf + 1, sizeof(unaligned));
	atomic_add_return(&counter, 1);
	report(unaligned == 0x0908070605040302UL && counter == 42, "selftest.mmu.unaligned_and_exclusive",
	       REF_VMSA, "unaligned load 0x%lx, exclusive add %lu", unaligned, counter);
}

static void check_exceptions(void)
{
	struct expected_exception e = { .ec = EC_BRK };

	expect_exception(&e);
	asm volatile("brk #0x5a");
	expect_exception(NULL);
	report(e.taken && (e.esr & 0xffff) == 0x5a, "selftest.exceptions.brk", REF_EXC,
	       "BRK #0x5a %s, ESR 0x%lx", e.taken ? "taken and stepped over" : "NOT taken", e.esr);

	e = (struct expected_exception){ .ec = EC_DABT_CURRENT };
	expect_exception(&e);
	(void)READ_ONCE(*(u64 *)UNMAPPED_VA);
	expect_exception(NULL);
	report(e.taken && e.far == UNMAPPED_VA, "selftest.exceptions.data_abort", REF_EXC,
	       "load from unmapped 0x%lx: %s, ESR 0x%lx, FAR 0x%lx", UNMAPPED_VA,
	       e.taken ? "data abort taken" : "NOT taken", e.esr, e.far);
}

static void check_timer(void)
{
	u64 start = timer_count();
	bool met;

	met = wait_until(false, BOUNDED_WAIT_US);
	report(timer_freq() && !met && timer_ticks_to_us(timer_count() - start) >= BOUNDED_WAIT_US,
	       "selftest.timer.bounded_wait", REF_TIMER,
	       "a condition that never holds gave up after %lu us (bound %u us), counter at %lu Hz",
	       timer_ticks_to_us(timer_count() - start), BOUNDED_WAIT_US, timer_freq());
}

static bool timer_fires[NR_CPUS];

/*
 * First spinning (bounded), then in WFI once the interrupt is known to arrive.
 * The WFI runs with the interrupt masked, so one that fires before the WFI
 * stays pending and still wakes it (DDI0487 D1.16.2) instead of being taken
 * early and leaving the WFI with nothing to wait for.
 */
static void take_timer_interrupt(void *unused)
{
	int cpu = smp_processor_id();
	u64 before = timer_irq_count(cpu);

	(void)unused;
	timer_virt_arm_us(1000);
	local_irq_enable();
	timer_fires[cpu] = wait_until(timer_irq_count(cpu) > before, TIMER_IRQ_TIMEOUT_US);
	local_irq_disable();
	if (timer_fires[cpu]) {
		timer_virt_arm_us(1000);
		wfi();
		local_irq_enable();
		timer_fires[cpu] = wait_until(timer_irq_count(cpu) > before + 1, TIMER_IRQ_TIMEOUT_US);
		local_irq_disable();
	}
}

static void check_timer_interrupts(bool all_ran)
{
	int fired = 0;

	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		fired += timer_fires[cpu];
	report(boot.timer_ok && all_ran && fired == nr_cpus(), "selftest.timer.interrupt", REF_TIMER,
	       "virtual timer PPI %u taken (spinning and in WFI) on %d of %d CPUs, GICv%d",
	       timer_virt_intid(), fired, nr_cpus(), boot.gic_version);
}

/* What each CPU saw of itself, written by that CPU. */
static u64 seen_mpidr[NR_CPUS];

static void record_self(void *unused)
{
	(void)unused;
	seen_mpidr[smp_processor_id()] = mpidr_hwid();
}

/* Secondaries must have come in through secondary_entry ENTRIES times by now. */
static bool came_up_as_itself(int cpu, u64 entries)
{
	return seen_mpidr[cpu] == cpu_mpidr(cpu) &&
	       (cpu == smp_processor_id() || cpu_entry_state(cpu)->count == entries);
}

/* The PSCI entry state itself is psci_cpu_on's to judge (cpu_on.entry.*). */
static void check_cpus_came_up(const char *id, u64 entries)
{
	int good = 0;
	bool ran = on_cpus(record_self, NULL);

	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		good += came_up_as_itself(cpu, entries);
	report(ran && good == nr_cpus(), id, REF_CPU_ON,
	       "%d of %d CPUs ran work with their own MPIDR, secondaries after entering secondary_entry %lu time(s)",
	       good, nr_cpus(), entries);
	memset(seen_mpidr, 0, sizeof(seen_mpidr));
}

static void check_cpus_go_off(void)
{
	int off = 0;

	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != smp_processor_id())
			off += smp_cpu_off(cpu);
	report(off == nr_cpus() - 1, "selftest.smp.cpu_off", REF_CPU_OFF,
	       "%d of %d secondaries reached AFFINITY_INFO OFF within %u ms", off, nr_cpus() - 1,
	       SMP_OFF_TIMEOUT_US / 1000);
}

static void check_smp(void)
{
	if (nr_cpus() == 1) {
		report_skip("selftest.smp.online", REF_CPU_ON, "one CPU: no secondary to bring up");
		return;
	}
	check_cpus_came_up("selftest.smp.online", 1);
	check_timer_interrupts(on_cpus(take_timer_interrupt, NULL));
	check_cpus_go_off();
	check_cpus_came_up("selftest.smp.online_again", 2);
}

static void __noreturn crash(const char *how)
{
	report_running("selftest.crash.on_purpose", "runtime");
	if (!strcmp(how, "exception"))
		(void)READ_ONCE(*(u64 *)UNMAPPED_VA);
	if (!strcmp(how, "hang"))
		for (;;)
			wfi();
	panic("unknown crash mode '%s'", how);
}

/*
 * Protocol lines that are not whole, among bytes no console line should
 * hold, after a well-formed check; the image then ends normally (END: PASS),
 * so only the runner's parser can find anything wrong.
 */
static void print_garbage(void)
{
	static const char bytes[] = "selftest: raw bytes \0\x01\x7f\xff\x1b[0m\n";

	report(true, "selftest.garbage.before", "runtime", "a whole line before the garbage");
	console_write(bytes, sizeof(bytes) - 1);
	printf("PASS: selftest.garbage.unclosed [runtime\n");
	printf("END: MAYBE\n");
	printf("FAIL:selftest.garbage.no_blank [runtime]\n");
	printf("EXPECT: explode selftest.garbage.event [runtime]\n");
}

int main(int argc, char **argv)
{
	struct options opt = { 0 };

	parse_options(argc, argv, &opt);
	if (opt.crash && !strcmp(opt.crash, "garbage")) {
		print_garbage();
		return 0;
	}
	if (opt.crash)
		crash(opt.crash);
	check_dt(&opt);
	check_el();
	check_mmu();
	check_exceptions();
	check_timer();
	if (nr_cpus() == 1) {
		take_timer_interrupt(NULL);
		check_timer_interrupts(true);
	}
	check_smp();
	return 0;
}
