/*
 * The fuzz and the CPUs: what CPU_ON, AFFINITY_INFO, NODE_HW_STATE and
 * MIGRATE_INFO_UP_CPU may answer given what the caller knows of each CPU,
 * what a CPU_ON's answer teaches it, and whether every CPU still runs at the
 * end.
 */
#ifndef JUDGES_FUZZ_CPUS_H
#define JUDGES_FUZZ_CPUS_H

#include <judges/fuzz.h>
#include <spec/refs.h>

/* Narrow P, the function's permitted set at the version, by the target's known state. */
void fuzz_narrow_cpu_on(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus, const struct fuzz_call *c,
			struct fuzz_permitted *p);
void fuzz_narrow_affinity_info(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus,
			       const struct fuzz_call *c, struct fuzz_permitted *p);
void fuzz_narrow_node_hw_state(const struct fuzz_cpus *cpus, const struct fuzz_call *c, struct fuzz_permitted *p);

/* Is RET, as call ID returned it (W0 for SMC32), the MPIDR of a CPU of the DT? */
bool fuzz_is_cpu_mpidr(const struct fuzz_cpus *cpus, u32 id, s64 ret);

/*
 * After call C: a CPU_ON that returned SUCCESS started its target, which is
 * then STARTING if it was OFF; any other target's state is no longer known.
 */
void fuzz_cpus_note(struct fuzz_cpus *cpus, const struct fuzz_call *c);

/* At the end, CPU i of COUNT (MPIDR[i]) ran a function within BOUND_MS if ALIVE[i]. */
void judge_fuzz_cpus_alive(int count, const u64 *mpidr, const bool *alive, u32 bound_ms, struct verdict *v);

#endif
