#include <libfdt.h>
#include <arm64/exceptions.h>
#include <arm64/gic.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <devicetree.h>

#define CNTV_CTL_ENABLE BIT(0)
#define CNTV_CTL_IMASK BIT(1)
/* The GIC binding numbers PPIs from 0; their INTIDs start at 16. */
#define PPI_BASE 16
/* Arch timer binding: secure, non-secure physical, virtual, hypervisor. */
#define TIMER_IRQ_VIRT 2

static u64 freq;
static u32 virt_intid;
static u64 irq_counts[NR_CPUS];
static u64 rearm_us[NR_CPUS];

static void timer_irq(u32 intid)
{
	int cpu = smp_processor_id();

	(void)intid;
	if (rearm_us[cpu])
		timer_virt_arm_us(rearm_us[cpu]);
	else
		write_sysreg(0, cntv_ctl_el0);
	WRITE_ONCE(irq_counts[cpu], irq_counts[cpu] + 1);
}

bool timer_init(void)
{
	static const char *const compat[] = { "arm,armv8-timer", "arm,armv7-timer", NULL };
	int node = dt_find_compatible(compat);
	const fdt32_t *dt_freq;
	u32 type, number, flags;

	freq = read_sysreg(cntfrq_el0);
	if (node < 0)
		return false;
	/* Firmware that leaves CNTFRQ_EL0 unset must give clock-frequency (timer binding). */
	dt_freq = fdt_getprop(dt_fdt(), node, "clock-frequency", NULL);
	if (dt_freq)
		freq = fdt32_to_cpu(*dt_freq);
	if (!dt_interrupt(node, TIMER_IRQ_VIRT, &type, &number, &flags))
		return false;
	virt_intid = PPI_BASE + number;
	irq_set_handler(virt_intid, timer_irq);
	return freq != 0;
}

void timer_cpu_init(void)
{
	if (virt_intid)
		gic_enable_ppi(virt_intid);
}

u64 timer_irq_count(int cpu)
{
	return READ_ONCE(irq_counts[cpu]);
}

u64 timer_freq(void)
{
	return freq;
}

u32 timer_virt_intid(void)
{
	return virt_intid;
}

u64 timer_us_to_ticks(u64 us)
{
	return us * (freq / 1000000) + us * (freq % 1000000) / 1000000;
}

u64 timer_ticks_to_us(u64 ticks)
{
	return ticks / freq * 1000000 + ticks % freq * 1000000 / freq;
}

void udelay(u64 us)
{
	struct deadline d = deadline_in_us(us);

	while (!deadline_passed(d))
		cpu_relax();
}

void timer_virt_arm_us(u64 us)
{
	write_sysreg(timer_count() + timer_us_to_ticks(us), cntv_cval_el0);
	write_sysreg(CNTV_CTL_ENABLE, cntv_ctl_el0);
	isb();
}

void timer_virt_arm_periodic_us(u64 us)
{
	rearm_us[smp_processor_id()] = us;
	timer_virt_arm_us(us);
}

void timer_virt_stop(void)
{
	rearm_us[smp_processor_id()] = 0;
	write_sysreg(0, cntv_ctl_el0);
	isb();
}
