/*
 * The fuzz's checks, from its judged calls: per function called, one check
 * that every answer was one the spec permits and one that junk in x1-x3[63:32]
 * of its SMC32 calls changed no answer; over the whole run, one that x4-x17
 * came back preserved and one that questions answered at start were answered
 * the same again. A FAIL names its first offending calls in full.
 */
#ifndef JUDGES_FUZZ_CHECKS_H
#define JUDGES_FUZZ_CHECKS_H

#include <judges/fuzz.h>
#include <spec/refs.h>

/* Offending calls kept per check for the report. */
#define FUZZ_SHOWN 3

/* "PREFIX.cpu_on", "PREFIX.unknown_psci_id", ...: the check of the calls of class CLS. */
const char *fuzz_class_check_id(const char *prefix, unsigned int cls, char *buf, size_t size);
/* The rules the answers of class CLS are judged by. */
const char *fuzz_class_ref(unsigned int cls);

enum fuzz_property { FUZZ_RESULTS, FUZZ_SMC32_UPPER, FUZZ_PRESERVED, FUZZ_STABLE };

/* An offending call, as much of it as the report names. */
struct fuzz_offence {
	int cpu;
	u64 index;
	u64 in[4];		/* x0-x3 passed */
	u64 x0;			/* returned */
	int changed;		/* the first of x4-x17 that came back changed, 0 if none */
	u64 changed_in, changed_out;
	struct fuzz_permitted want;
	s32 learned;		/* the answer at start, if the question was asked then */
	u64 clean_x0;		/* SMC32_UPPER: what the call returned with x1-x3[63:32] clear */
	u32 hung_ms;		/* RESULTS: the call did not return within this bound */
};

/* One check's tally: the calls it judged, how many offended, the first few in full. */
struct fuzz_count {
	u64 calls, offences;
	unsigned int kept;
	struct fuzz_offence first[FUZZ_SHOWN];
};

struct fuzz_tally {
	u64 calls;
	struct fuzz_count results[FUZZ_CLASSES];	/* every call of the class */
	struct fuzz_count upper[FUZZ_CLASSES];		/* its SMC32 calls with junk in x1-x3[63:32] */
	struct fuzz_count preserved;			/* every call */
	struct fuzz_count stable;			/* the questions answered at start */
};

/*
 * Counts call C, judged J. BLAME_UPPER: C offended with junk in x1-x3[63:32]
 * and the same call made with them clear, returning CLEAN_X0, did not; the
 * offence is then the junk's alone.
 */
void fuzz_tally_call(struct fuzz_tally *t, const struct fuzz_call *c, const struct fuzz_judgement *j,
		     bool blame_upper, u64 clean_x0);
/* Call C did not return within BOUND_MS. */
void fuzz_tally_hung(struct fuzz_tally *t, const struct fuzz_call *c, u32 bound_ms);
void fuzz_tally_merge(struct fuzz_tally *into, const struct fuzz_tally *from);

/* What the verdicts quote about the run. */
struct fuzz_run {
	u64 seed;
	u32 smccc_version;
};

/* The verdict of check N, of kind P: SKIP when it judged no call. */
void judge_fuzz_check(const struct fuzz_count *n, enum fuzz_property p, const struct fuzz_run *run,
		      struct verdict *v);
/* One offending call in full: caller, index, ID, x1-x3, what came back, what was permitted. */
const char *fuzz_offence_text(enum fuzz_property p, const struct fuzz_offence *o, char *buf, size_t size);

#endif
