/*
 * Judges of MEM_PROTECT and MEM_PROTECT_CHECK_RANGE (DEN0022F.b 5.1.13,
 * 5.1.14, 5.14, 5.15): MEM_PROTECT answers the state it replaces, and a
 * range is protected only when it is all memory that protection covers.
 */
#ifndef JUDGES_MEM_PROTECT_H
#define JUDGES_MEM_PROTECT_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

#define MEM_PROTECT_STEPS_MAX 8

/* One MEM_PROTECT(enable) call and what it left in W0. */
struct mem_protect_step {
	u32 enable;
	u64 x0;
};

/*
 * A sequence of MEM_PROTECT calls: each returns the state before it, 0 for
 * disabled and 1 for enabled (5.14.2), the first one included, whose state
 * the caller did not set.
 */
void judge_mem_protect_previous(const struct mem_protect_step *steps, int n, struct verdict *v);

/* MEM_PROTECT_CHECK_RANGE (ID, under VERSION) of a range WHAT describes, and what it left in X0. */
struct mem_check {
	u32 id;
	u32 version;
	const char *what;
	u64 base, length;
	u64 x0;
};

/* With protection enabled, a range of the memory the DT gives the OS: SUCCESS (5.15.2). */
void judge_mem_check_protected(const struct mem_check *c, struct verdict *v);
/* An empty range, one that wraps, or one with no memory at all: DENIED (5.15.2). */
void judge_mem_check_denied(const struct mem_check *c, struct verdict *v);

#endif
