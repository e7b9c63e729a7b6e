/*
 * The robustness fuzz's calls, drawn from a seed: PSCI and SMCCC function IDs
 * and arguments, random and at the boundaries. On the same machine (CPUs,
 * entry point), call INDEX of CPU CPU is fixed by (seed, CPU, INDEX) alone.
 *
 * Left out: calls that stop, suspend or reset the caller or the machine (see
 * left_out()); yielding calls (bit 31 clear), whose space belongs to Trusted
 * OSes and to pre-SMCCC interfaces such as Xen's PSCI 0.1 IDs 0-3; and every
 * ID outside the PSCI range (0x00-0x1f of the Standard Secure service) and the
 * Arm Architecture service. There a number may belong to another standard
 * (SDEI from 0x20, TRNG from 0x50) or to a vendor, so no answer is fixed.
 * Portable: nothing here touches the machine.
 */
#ifndef FUZZ_DRAW_H
#define FUZZ_DRAW_H

#include <fuzz/call.h>

/* What the calls are drawn from. */
struct fuzz_draw {
	u64 seed;
	const u64 *mpidrs;	/* of the CPUs of the DT */
	int nr_cpus;
	/* Per CPU and affinity level: its MPIDR with that field changed to one no CPU has, or ~0. */
	const u64 (*absent)[MPIDR_LEVELS];
	u64 entry_point;	/* the only one CPU_ON is given: the runtime's own */
};

/* Does the fuzz draw calls of class CLS (fuzz/call.h)? Those that stop or reset something it does not. */
bool fuzz_draws(unsigned int cls);
void fuzz_draw_call(const struct fuzz_draw *d, int cpu, u64 index, struct fuzz_call *c);

/* Every ID the fuzz draws has a slot of its own below FUZZ_ID_SLOTS, for counting distinct IDs. */
#define FUZZ_ARCH_UNASSIGNED_COUNT (SMCCC_ARCH_UNASSIGNED_LAST - SMCCC_ARCH_UNASSIGNED_FIRST + 1)
#define FUZZ_ID_SLOTS (2 * PSCI_FN_COUNT + 2 + 2 * FUZZ_ARCH_UNASSIGNED_COUNT)
unsigned int fuzz_id_slot(u32 id);

#endif
