/*
 * The robustness fuzz's calls as data, shared by its generator (fuzz/draw.h)
 * and its judges (judges/fuzz.h): the registers a call passed and got back,
 * what kind of call it is, and its arguments as the callee must read them.
 * Portable: nothing here touches the machine.
 */
#ifndef FUZZ_CALL_H
#define FUZZ_CALL_H

#include <spec/psci.h>
#include <spec/smccc.h>

#define FUZZ_REGS 18

/* The Arm Architecture IDs whose SMCCC_ARCH_FEATURES answer is learned at start. */
unsigned int fuzz_arch_question_count(void);
u32 fuzz_arch_question(unsigned int i);

/* What a call is, for judging and for counting: a PSCI function (its number, either width) or one of these. */
enum fuzz_class {
	FUZZ_CLASS_UNKNOWN_PSCI = PSCI_NR_COUNT,	/* in the PSCI range, no function's ID */
	FUZZ_CLASS_SMCCC_VERSION,
	FUZZ_CLASS_ARCH_FEATURES,
	FUZZ_CLASS_UNKNOWN_ARCH,			/* an unassigned Arm Architecture number */
	FUZZ_CLASSES,					/* none of these: not judged */
};

unsigned int fuzz_class_of(u32 id);

struct fuzz_call {
	int cpu;
	u64 index;			/* in that CPU's stream */
	u64 in[FUZZ_REGS];		/* x0-x17 passed */
	u64 out[FUZZ_REGS];		/* x0-x17 returned */
};

/* The function ID: W0. */
u32 fuzz_call_id(const struct fuzz_call *c);
/* Argument I as the callee must read it: W for an SMC32 call (DEN0028, 5.2.1), X for SMC64. */
u64 fuzz_arg(const struct fuzz_call *c, int i);
/* Registers IN (x0 = the ID, x1-x3) make an SMC32 call with a non-zero upper half in x1, x2 or x3. */
bool fuzz_has_junk(const u64 *in);

#endif
