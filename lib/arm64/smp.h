/*
 * CPUs as the DT lists them (the index in /cpus is the CPU number), brought up
 * with PSCI CPU_ON and given work to run. Every wait is bounded: a function
 * that waits returns false when its deadline passes, and the caller reports.
 */
#ifndef ARM64_SMP_H
#define ARM64_SMP_H

#include <arm64/boot-info.h>
#include <arm64/processor.h>

/* How long a CPU may take from a successful CPU_ON to running C, and to turn off. */
#define SMP_BRINGUP_TIMEOUT_US	5000000
#define SMP_OFF_TIMEOUT_US	5000000
#define SMP_WORK_TIMEOUT_US	10000000

/* The state a CPU entered secondary_entry in (DEN0022F.b 6.4.3). */
struct cpu_entry_state {
	u64 context_id;		/* x0 */
	u64 current_el;		/* CurrentEL, EL in bits [3:2] */
	u64 daif;
	u64 sctlr;		/* SCTLR_ELx of the entry EL */
	u64 count;		/* entries so far */
};

typedef void (*cpu_work_fn)(void *arg);

int smp_init(void);
int nr_cpus(void);
u64 cpu_mpidr(int cpu);
int cpu_by_mpidr(u64 mpidr);
int smp_processor_id(void);
/* The first CPU of the DT other than the caller, or -1. */
int smp_first_secondary(void);
bool cpu_online(int cpu);
u64 secondary_entry_address(void);
const struct cpu_entry_state *cpu_entry_state(int cpu);

/*
 * CPU_ON for CPU with context_id = the CPU number; on SUCCESS waits until the
 * CPU runs C. Returns the PSCI code, *timed_out set if it never came up.
 */
s32 smp_cpu_on(int cpu, bool *timed_out);
/*
 * CPU_ON for an OFF CPU, which runs FN(ARG) first once it is up, before it
 * waits for work; returns the PSCI code at once, without waiting for the CPU.
 */
s32 smp_cpu_start(int cpu, cpu_work_fn fn, void *arg);
/* Asks an online CPU to call CPU_OFF; waits until AFFINITY_INFO says OFF. */
bool smp_cpu_off(int cpu);

/* Runs FN(ARG) on CPU (turned on first if it is off). */
bool on_cpu_async(int cpu, cpu_work_fn fn, void *arg);
bool cpu_wait_idle(int cpu, u64 timeout_us);
bool on_cpu(int cpu, cpu_work_fn fn, void *arg);
/* Runs FN(ARG) on every CPU, the caller included, and waits for all. */
bool on_cpus(cpu_work_fn fn, void *arg);

/* The calling CPU turns itself off; never returns (a return is reported as FAIL). */
void __noreturn cpu_off_self(void);

#endif
