/*
 * The generic timer's virtual counter and timer: every wait of the runtime is
 * bounded by a deadline on it, and the virtual timer interrupt is what wakes a
 * CPU from WFI or a standby CPU_SUSPEND.
 */
#ifndef ARM64_TIMER_H
#define ARM64_TIMER_H

#include <arm64/processor.h>

struct deadline {
	u64 end;
};

/*
 * Reads the frequency and the virtual timer's PPI from the DT and installs an
 * interrupt handler that counts and disarms (or re-arms) the timer; false if unusable.
 */
bool timer_init(void);
/* Enables the virtual timer's PPI on the calling CPU. */
void timer_cpu_init(void);
/* Virtual timer interrupts CPU has taken so far. */
u64 timer_irq_count(int cpu);
u64 timer_freq(void);
u32 timer_virt_intid(void);

static inline u64 timer_count(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

u64 timer_us_to_ticks(u64 us);
u64 timer_ticks_to_us(u64 ticks);

static inline struct deadline deadline_in_us(u64 us)
{
	return (struct deadline){ timer_count() + timer_us_to_ticks(us) };
}

static inline bool deadline_passed(struct deadline d)
{
	return timer_count() >= d.end;
}

void udelay(u64 us);

/* Fires the virtual timer interrupt US microseconds from now on this CPU. */
void timer_virt_arm_us(u64 us);
/*
 * Fires it every US microseconds until timer_virt_stop(): a wait for "the
 * next interrupt" (WFI, a standby CPU_SUSPEND) then always has one coming,
 * even if an earlier one was taken just before the wait began.
 */
void timer_virt_arm_periodic_us(u64 us);
void timer_virt_stop(void);

/* Evaluates COND until it holds or US microseconds pass; its value at the end. */
#define wait_until(cond, us) \
	({ \
		struct deadline __d = deadline_in_us(us); \
		bool __ok; \
		while (!(__ok = (cond)) && !deadline_passed(__d)) \
			cpu_relax(); \
		__ok; \
	})

#endif
