/*
 * Judges of PSCI_SET_SUSPEND_MODE (DEN0022F.b 5.1.20, 5.21): the two modes
 * and the one other answer, and when a switch may be refused.
 */
#ifndef JUDGES_SUSPEND_MODE_H
#define JUDGES_SUSPEND_MODE_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

/* One PSCI_SET_SUSPEND_MODE call, the situation it was made in, and what it left in W0. */
struct mode_call {
	u32 version;
	u32 mode;
	const char *situation;
	u64 x0;
};

/* A mode other than 0 and 1: INVALID_PARAMETERS (5.1.20). */
void judge_mode_invalid(const struct mode_call *c, struct verdict *v);
/* A switch made by the only core on, which 5.21.2 allows in either direction: SUCCESS. */
void judge_mode_switch_alone(const struct mode_call *c, struct verdict *v);
/* Into platform-coordinated mode from OS-initiated with another core on: DENIED (5.21.2). */
void judge_mode_to_pc_others_on(const struct mode_call *c, struct verdict *v);

#endif
