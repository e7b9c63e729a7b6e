/*
 * Judges of NODE_HW_STATE (DEN0022F.b 5.1.18, 5.19): the hardware state of a
 * core that is running code, and the answer for a target no core has.
 */
#ifndef JUDGES_NODE_HW_STATE_H
#define JUDGES_NODE_HW_STATE_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

/* NODE_HW_STATE (ID, under VERSION) of level 0 of CPU, which was running code meanwhile, left X0. */
void judge_hw_state_running(u32 id, u32 version, int cpu, u64 x0, struct verdict *v);
/* NODE_HW_STATE of TARGET, an MPIDR no core has, left X0: INVALID_PARAMETERS (5.19.2). */
void judge_hw_state_absent_target(u32 id, u32 version, u64 target, u64 x0, struct verdict *v);

#endif
