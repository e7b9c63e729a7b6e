/*
 * Judges of CPU_ON (DEN0022F.b 5.1.4, 5.6): the state a started CPU enters
 * in (6.4), the error codes for targets and entry points, and the race of
 * many callers on one target (6.6).
 */
#ifndef JUDGES_CPU_ON_H
#define JUDGES_CPU_ON_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

/* Architectural bits the entry-state judges read (DDI0487: PSTATE.DAIF, SCTLR_ELx, SPSel). */
#define ENTRY_DAIF_ALL_MASKED 0x3c0UL
#define ENTRY_SCTLR_M (1UL << 0)
#define ENTRY_SCTLR_C (1UL << 2)
#define ENTRY_SCTLR_I (1UL << 12)
#define ENTRY_SCTLR_EE (1UL << 25)
#define ENTRY_SPSEL_ELX 1UL

/* One CPU_ON of an OFF CPU and what the CPU had when it reached the entry point. */
struct cpu_on_start {
	u32 id;			/* CPU_ON or CPU_ON64 */
	u32 version;		/* the PSCI version advertised */
	u64 context_id;		/* as passed */
	u64 x0;			/* what the call returned */
	u64 bound_us;		/* how long the CPU was given to arrive */
	u64 entries;		/* times it reached the entry point meanwhile */
	/* As captured at the entry point, valid if entries > 0. */
	u64 entry_x0, entry_current_el, entry_daif, entry_sctlr;
	/* Read later by the started CPU's own code, which never writes them. */
	bool read_back;
	u64 spsel, cntfrq;
	/* The caller's own, for comparison. */
	unsigned int caller_el;
	u64 caller_sctlr, caller_cntfrq;
};

void judge_cpu_on_starts(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_context_id(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_el(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_stack_pointer(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_daif(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_mmu_off(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_caches_off(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_endianness(const struct cpu_on_start *s, struct verdict *v);
void judge_entry_cntfrq(const struct cpu_on_start *s, struct verdict *v);

/* Why a CPU_ON must be refused, and so with which code (the judge knows the rule). */
enum cpu_on_refusal {
	CPU_ON_TARGET_ON,	/* the target is ON: ALREADY_ON */
	CPU_ON_TARGET_INVALID,	/* no core has the target_cpu: INVALID_PARAMETERS */
};

/* A CPU_ON that must be refused for WHY; SITUATION says how the target was picked. */
void judge_cpu_on_refusal(u32 id, u32 version, enum cpu_on_refusal why, u64 x0, const char *situation, struct verdict *v);
/* CPU_ON of an OFF CPU at an entry point the caller knows to be invalid. */
void judge_cpu_on_invalid_entry(u32 id, u32 version, u64 entry, u64 x0, struct verdict *v);

/* Does the context ID a CPU entered with match the one passed (W0 for SMC32, 6.4.3.7)? */
bool context_id_matches(u32 id, u64 passed, u64 entry_x0);

/* The race: every caller issues CPU_ON on one OFF target at once, round after round. */
#define RACE_MAX_CALLERS 32
#define RACE_AFFINITY_POLLS 3
#define RACE_KEPT 4		/* offending rounds kept for the report, per check */

struct race_round {
	u32 round;
	u32 id;			/* CPU_ON or CPU_ON64, all callers alike */
	u32 version;		/* the PSCI version advertised */
	int callers;
	u64 x0[RACE_MAX_CALLERS];
	u64 context_id[RACE_MAX_CALLERS];
	/* AFFINITY_INFO level 0 of the target, polled by each SUCCESS caller at once. */
	u32 affinity_id;
	u64 affinity_x0[RACE_MAX_CALLERS][RACE_AFFINITY_POLLS];
	/* The target, after every caller returned. */
	bool entered;
	u64 entries;
	u64 entry_x0;
};

/* An offending round as the report shows it. */
struct race_kept {
	u32 round;
	u8 success, already_on, on_pending, other;
	s64 value;		/* an other code, an AFFINITY_INFO answer, or the target's x0 */
	u64 expected;		/* the winner's context ID */
	u64 entries;		/* the target's entries in the round */
};

struct race_offences {
	u32 rounds;
	struct race_kept kept[RACE_KEPT];
};

/* How far a run of rounds got. */
struct rounds_run {
	u32 planned, rounds;
	const char *stopped;	/* why the rounds stopped early, or NULL */
	u32 stopped_round;
};

struct race_tally {
	struct rounds_run run;
	u32 callers;
	u64 success, already_on, on_pending, other;
	u32 affinity_polls;
	struct race_offences not_one_success, bad_loser, affinity_off, wrong_entry;
};

void race_tally_round(struct race_tally *t, const struct race_round *r);
/* Every planned round ran, or where and why the rounds stopped. */
void judge_race_rounds_completed(const struct race_tally *t, struct verdict *v);
void judge_race_one_success(const struct race_tally *t, struct verdict *v);
void judge_race_losers(const struct race_tally *t, struct verdict *v);
void judge_race_affinity_after_success(const struct race_tally *t, struct verdict *v);
void judge_race_winner_entry(const struct race_tally *t, struct verdict *v);

/*
 * CPU_ON against a CPU_OFF in progress (6.6): the target has said it is
 * calling CPU_OFF when the caller calls CPU_ON for it, round after round,
 * with a new context ID each round.
 */
struct vs_off_round {
	u32 round;
	u32 id, version;	/* CPU_ON or CPU_ON64, and the PSCI version advertised */
	u64 context_id;		/* this round's */
	u64 x0;			/* CPU_ON's answer */
	/* After SUCCESS: the target's entries within the bound, and its x0 at the last. */
	u64 entries, entry_x0;
	/*
	 * After any other answer: AFFINITY_INFO showed the target OFF within the
	 * bound, and then a plain CPU_ON answered RESTART_RET and started it.
	 */
	bool reached_off;
	s32 restart_ret;
	bool restarted;
};

struct vs_off_tally {
	struct rounds_run run;
	u64 success, already_on;
	struct race_offences bad_answer, bad_start, not_back;
};

void vs_off_tally_round(struct vs_off_tally *t, const struct vs_off_round *r);
void judge_vs_off_rounds_completed(const struct vs_off_tally *t, struct verdict *v);
/* Each CPU_ON got SUCCESS (the target was already OFF) or ALREADY_ON (it was not yet). */
void judge_vs_off_answer(const struct vs_off_tally *t, struct verdict *v);
/* After SUCCESS the target entered once, with that round's context ID: never stale, never lost. */
void judge_vs_off_clean_start(const struct vs_off_tally *t, struct verdict *v);
/* After ALREADY_ON the CPU_OFF completed (AFFINITY_INFO OFF), and a CPU_ON then started the core. */
void judge_vs_off_off_then_on(const struct vs_off_tally *t, struct verdict *v);

#endif
