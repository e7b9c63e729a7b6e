/*
 * Judges of PSCI_STAT_RESIDENCY and PSCI_STAT_COUNT (DEN0022F.b 5.1.21,
 * 5.1.22, 5.22): a power state's statistics for a core grow by what the
 * core did in that state, and are zero for a state the core never entered.
 */
#ifndef JUDGES_PSCI_STAT_H
#define JUDGES_PSCI_STAT_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

/* One core's standby calls into one state, and the statistics read around them. */
struct stat_run {
	u32 count_id, residency_id;	/* PSCI_STAT_COUNT and _RESIDENCY, one width */
	u32 power_state;
	u32 calls;		/* standby calls that returned SUCCESS */
	u32 waited;		/* of those, calls that lasted long enough to have been in the state */
	u64 elapsed_us;		/* time in the calls that returned SUCCESS */
	u64 count_before, count_after;		/* X0 (SMC64) or W0 (SMC32) as left */
	u64 residency_before, residency_after;
};

/*
 * 5.22: COUNT is the number of times the core entered the state. A call that
 * found its wake-up already pending may return SUCCESS without entering, so
 * the count grows by at least the calls that waited and at most all calls.
 */
void judge_stat_count_grows(const struct stat_run *r, struct verdict *v);
/*
 * 5.22: RESIDENCY is the time in microseconds spent in the state: it grows
 * when the core waited there, and never by more than the calls lasted.
 */
void judge_stat_residency_grows(const struct stat_run *r, struct verdict *v);

/* A core that never entered a state, and what the two functions answered for it. */
struct stat_unentered {
	int cpu;
	u64 mpidr;
	u64 count_x0, residency_x0;
};

/* Every core in U (N of them) has a zero count and residency for the state. */
void judge_stat_never_entered(u32 count_id, const struct stat_unentered *u, int n, struct verdict *v);

#endif
