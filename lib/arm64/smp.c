#include <arm64/exceptions.h>
#include <arm64/gic.h>
#include <arm64/psci-call.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <devicetree.h>
#include <report.h>
#include <spec/psci.h>

/* Read by secondary_entry with the MMU off: layout in boot-info.h. */
struct smp_boot_info {
	u64 ttbr;
	u64 nr_cpus;
	u64 mpidr[NR_CPUS];
	u64 stack[NR_CPUS];
} smp_boot_info __aligned(64);

_Static_assert(__builtin_offsetof(struct smp_boot_info, ttbr) == BOOT_INFO_TTBR, "boot info");
_Static_assert(__builtin_offsetof(struct smp_boot_info, nr_cpus) == BOOT_INFO_NR_CPUS, "boot info");
_Static_assert(__builtin_offsetof(struct smp_boot_info, mpidr) == BOOT_INFO_MPIDR, "boot info");
_Static_assert(__builtin_offsetof(struct smp_boot_info, stack) == BOOT_INFO_STACK, "boot info");

struct cpu {
	bool online;
	cpu_work_fn fn;
	void *arg;
	u64 posted;
	u64 done;
	struct cpu_entry_state entry;
	/* What smp_cpu_start() gave the CPU to run first, once it is up. */
	cpu_work_fn start_fn;
	void *start_arg;
};

static struct cpu cpus[NR_CPUS];
static u8 stacks[NR_CPUS][CPU_STACK_SIZE] __aligned(16);
static int cpu_count;

extern char secondary_entry[];

static void set_cpu_id(u64 id)
{
	write_sysreg_el(id, tpidr);
}

int smp_processor_id(void)
{
	return (int)read_sysreg_el(tpidr);
}

int smp_first_secondary(void)
{
	for (int cpu = 0; cpu < cpu_count; cpu++)
		if (cpu != smp_processor_id())
			return cpu;
	return -1;
}

int nr_cpus(void)
{
	return cpu_count;
}

u64 cpu_mpidr(int cpu)
{
	return smp_boot_info.mpidr[cpu];
}

int cpu_by_mpidr(u64 mpidr)
{
	for (int cpu = 0; cpu < cpu_count; cpu++)
		if (smp_boot_info.mpidr[cpu] == (mpidr & MPIDR_HWID_MASK))
			return cpu;
	return -1;
}

bool cpu_online(int cpu)
{
	return READ_ONCE(cpus[cpu].online);
}

u64 secondary_entry_address(void)
{
	return (u64)secondary_entry;
}

const struct cpu_entry_state *cpu_entry_state(int cpu)
{
	return &cpus[cpu].entry;
}

/* Returns the number of CPUs, or 0 if the boot CPU is not among the DT's. */
int smp_init(void)
{
	u64 mpidrs[NR_CPUS];
	int self;

	cpu_count = MIN(dt_cpus(mpidrs, NR_CPUS), NR_CPUS);
	smp_boot_info.nr_cpus = cpu_count;
	smp_boot_info.ttbr = read_sysreg_el(ttbr0);
	for (int cpu = 0; cpu < cpu_count; cpu++) {
		smp_boot_info.mpidr[cpu] = mpidrs[cpu] & MPIDR_HWID_MASK;
		smp_boot_info.stack[cpu] = (u64)stacks[cpu + 1];
	}
	dcache_clean_poc(&smp_boot_info, sizeof(smp_boot_info));
	self = cpu_by_mpidr(mpidr_hwid());
	if (self < 0)
		return 0;
	set_cpu_id(self);
	cpus[self].online = true;
	return cpu_count;
}

static void run_work(struct cpu *c)
{
	u64 posted = READ_ONCE(c->posted);

	dmb(ish);
	c->fn(c->arg);
	dmb(ish);
	WRITE_ONCE(c->done, posted);
	sev();
}

static void run_start_work(struct cpu *c)
{
	cpu_work_fn fn = READ_ONCE(c->start_fn);

	if (!fn)
		return;
	WRITE_ONCE(c->start_fn, NULL);
	fn(c->start_arg);
}

/* Called by secondary_entry once the MMU is on; the CPU then waits for work. */
void __noreturn secondary_start(u64 cpu, u64 context_id, u64 el, u64 daif, u64 sctlr)
{
	struct cpu *c = &cpus[cpu];

	set_cpu_id(cpu);
	c->entry = (struct cpu_entry_state){ context_id, el, daif, sctlr, c->entry.count + 1 };
	if (gic_version() && !gic_cpu_init())
		panic("CPU %lu: no GIC CPU interface/redistributor for MPIDR 0x%lx", cpu, mpidr_hwid());
	timer_cpu_init();
	dmb(ish);
	/*
	 * Entering here ends the work this CPU was running, if any: a powerdown
	 * CPU_SUSPEND may resume at the entry point instead of returning
	 * (DEN0022F.b 5.4.9, 6.4.3). It counts as done, so that the loop below
	 * does not run it again and its poster stops waiting.
	 */
	WRITE_ONCE(c->done, READ_ONCE(c->posted));
	WRITE_ONCE(c->online, true);
	sev();
	run_start_work(c);
	for (;;) {
		while (READ_ONCE(c->posted) == READ_ONCE(c->done))
			wfe();
		run_work(c);
	}
}

s32 smp_cpu_on(int cpu, bool *timed_out)
{
	s32 ret = psci_cpu_on(cpu_mpidr(cpu), secondary_entry_address(), cpu);

	*timed_out = ret == PSCI_RET_SUCCESS && !wait_until(cpu_online(cpu), SMP_BRINGUP_TIMEOUT_US);
	return ret;
}

s32 smp_cpu_start(int cpu, cpu_work_fn fn, void *arg)
{
	struct cpu *c = &cpus[cpu];

	c->start_arg = arg;
	WRITE_ONCE(c->start_fn, fn);
	dsb(ish);
	return psci_cpu_on(cpu_mpidr(cpu), secondary_entry_address(), cpu);
}

static void turn_self_off(void *unused)
{
	(void)unused;
	cpu_off_self();
}

void __noreturn cpu_off_self(void)
{
	struct cpu *c = &cpus[smp_processor_id()];
	s32 ret;

	/* The poster of this work waits for OFF, not for done: mark it done now. */
	WRITE_ONCE(c->online, false);
	WRITE_ONCE(c->done, READ_ONCE(c->posted));
	dsb(ish);
	/* Whatever starts this CPU next, only secondary_entry may run the runtime's handlers. */
	vectors_park();
	ret = psci_cpu_off();
	vectors_install();
	panic("CPU_OFF returned %d (%s) on CPU %d; it must not return (%s)", ret, psci_ret_name(ret),
	      smp_processor_id(), psci_functions[PSCI_NR_CPU_OFF].section);
}

bool smp_cpu_off(int cpu)
{
	return on_cpu_async(cpu, turn_self_off, NULL) &&
	       wait_until(psci_affinity_info(cpu_mpidr(cpu), 0) == PSCI_AFF_OFF, SMP_OFF_TIMEOUT_US);
}

bool on_cpu_async(int cpu, cpu_work_fn fn, void *arg)
{
	struct cpu *c = &cpus[cpu];
	bool timed_out;

	if (!cpu_online(cpu) && (smp_cpu_on(cpu, &timed_out) != PSCI_RET_SUCCESS || timed_out))
		return false;
	if (!cpu_wait_idle(cpu, SMP_WORK_TIMEOUT_US))
		return false;
	c->fn = fn;
	c->arg = arg;
	dmb(ish);
	WRITE_ONCE(c->posted, c->posted + 1);
	dsb(ish);
	sev();
	return true;
}

bool cpu_wait_idle(int cpu, u64 timeout_us)
{
	struct cpu *c = &cpus[cpu];

	return wait_until(READ_ONCE(c->done) == READ_ONCE(c->posted), timeout_us);
}

bool on_cpu(int cpu, cpu_work_fn fn, void *arg)
{
	if (cpu == smp_processor_id()) {
		fn(arg);
		return true;
	}
	return on_cpu_async(cpu, fn, arg) && cpu_wait_idle(cpu, SMP_WORK_TIMEOUT_US);
}

bool on_cpus(cpu_work_fn fn, void *arg)
{
	int self = smp_processor_id();
	bool ok = true;

	for (int cpu = 0; cpu < cpu_count; cpu++)
		if (cpu != self)
			ok &= on_cpu_async(cpu, fn, arg);
	fn(arg);
	for (int cpu = 0; cpu < cpu_count; cpu++)
		if (cpu != self)
			ok &= cpu_wait_idle(cpu, SMP_WORK_TIMEOUT_US);
	return ok;
}
