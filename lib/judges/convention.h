/*
 * Judges of the SMC Calling Convention (DEN0028) as a PSCI implementation
 * meets it: SMC32 calls see only the low 32 bits of the function ID and of
 * every argument, X4-X17 survive a call from SMCCC 1.1 on, and function IDs
 * nobody defines answer "Unknown Function" (-1).
 */
#ifndef JUDGES_CONVENTION_H
#define JUDGES_CONVENTION_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>
#include <spec/smccc.h>

/* X4-X17: the registers SMCCC 1.1 adds to the callee-preserved set. */
#define SMCCC_FIRST_PRESERVED 4
#define SMCCC_LAST_PRESERVED 17

/*
 * The SMC32 call ID made twice, once clean and once with junk in JUNK_IN
 * (e.g. "x1[63:32]"), left CLEAN_X0 and JUNK_X0.
 */
void judge_upper_ignored(u32 id, const char *junk_in, u64 clean_x0, u64 junk_x0, struct verdict *v);

/* What a CPU_ON (SMC32) of an OFF CPU gave. */
struct cpu_on_obs {
	s32 ret;		/* W0 */
	bool came_up;		/* the target reached the entry point in time */
	u64 entry_x0;		/* what it found in X0 there */
	u64 bound_us;		/* how long it was waited for */
	u64 came_up_us;		/* how long it took, if it came up */
};

/*
 * The same CPU_ON, with CONTEXT_ID in x3, made clean and with junk in
 * JUNK_IN; the junk one was waited for as long as JUNK->bound_us.
 */
void judge_cpu_on_upper(const char *junk_in, u32 context_id, const struct cpu_on_obs *clean,
			const struct cpu_on_obs *junk, struct verdict *v);

/* CPU_SUSPEND (SMC32) to a standby state, clean and with junk in x1[63:32]. */
struct suspend_upper_obs {
	bool clean_returned, junk_returned;
	u64 clean_x0, junk_x0;
	u32 timeout_ms;
};

void judge_suspend_upper(const struct suspend_upper_obs *o, struct verdict *v);

/* CALL was made with IN[0..17] in X0-X17 and left OUT[0..17] under SMCCC SMCCC_VERSION. */
void judge_preserved(const char *call, u32 smccc_version, const u64 *in, const u64 *out, struct verdict *v);

/*
 * FID, a fast call, left X0. For a vendor-owned range QUERIES holds what the
 * range's General Service Queries answered (W0); it is unused otherwise.
 */
void judge_unknown_fid(u32 fid, const s32 *queries, u64 x0, struct verdict *v);

#endif
