/*
 * Judges of the robustness fuzz, one call at a time: what DEN0022F.b and
 * DEN0028 permit a PSCI or SMCCC call with random and boundary arguments to
 * return at the advertised versions, given the answers learned once at start
 * and what the caller knows of each CPU. The calls whose answer depends on
 * the CPUs are judged in judges/fuzz_cpus.h; the tallies of all calls become
 * the checks in judges/fuzz_checks.h.
 */
#ifndef JUDGES_FUZZ_H
#define JUDGES_FUZZ_H

#include <fuzz/call.h>
#include <judges/affinity.h>
#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/smccc.h>

#define FUZZ_MAX_CPUS 32
#define FUZZ_MAX_ARCH_QUESTIONS 8

/*
 * What the caller knows of every CPU of the DT (index = CPU number) when a
 * call is made. Every CPU has run (so none can be DISABLED, 5.7.2); UNKNOWN
 * marks one whose state may change under the call or could not be settled.
 */
struct fuzz_cpus {
	int count;
	struct known_cpu cpu[FUZZ_MAX_CPUS];
	bool unknown[FUZZ_MAX_CPUS];
};

/* Asked once at start, with clean arguments. */
struct fuzz_knowledge {
	u32 psci_version;
	s32 features[2][PSCI_FN_COUNT];	/* PSCI_FEATURES of the PSCI range, [smc64][number]; from 1.0 */
	s32 smccc_version_feature;	/* PSCI_FEATURES(SMCCC_VERSION); NOT_SUPPORTED at PSCI 0.2 */
	u32 smccc_version_word;		/* W0 of SMCCC_VERSION */
	u32 smccc_version;		/* as discovered: 1.0 when nothing says more */
	s32 migrate_info_type;
	u64 entry_point;		/* an entry point known valid: the runtime's own */
	/* SMCCC_ARCH_FEATURES of fuzz_arch_question(i), per CPU: workarounds are per PE. */
	s32 arch_features[FUZZ_MAX_CPUS][FUZZ_MAX_ARCH_QUESTIONS];
};

/* A permitted set lists the values 0-31 and the codes -1 to -31 as bits. */
#define FUZZ_VAL(value) (1u << (value))
#define FUZZ_ERR(code) (1u << -(code))
#define FUZZ_MAX_LISTED 32

/* The answers a call may give: the values and codes listed, or a wider rule. */
enum fuzz_rule {
	FUZZ_LISTED,		/* only the values and codes below */
	FUZZ_NON_NEGATIVE,	/* any value >= 0, or a code below */
	FUZZ_CPU_MPIDR,		/* the MPIDR of a CPU of the DT, or a code below */
	FUZZ_FEATURES,		/* what 5.1.15 and 5.16.2 Table 11 allow for the ID asked about */
	FUZZ_ANY,		/* the spec fixes nothing */
};

struct fuzz_permitted {
	enum fuzz_rule rule;
	u32 values;		/* FUZZ_VAL bits */
	u32 errors;		/* FUZZ_ERR bits */
	const char *why;
};

void fuzz_permit(struct fuzz_permitted *p, enum fuzz_rule rule, u32 values, u32 errors, const char *why);
/* What the call's own arguments and the caller's knowledge narrow the function's set to. */
void fuzz_narrow(struct fuzz_permitted *p, u32 values, u32 errors, const char *why);

struct fuzz_judgement {
	struct fuzz_permitted want;
	bool permitted;
	bool asked_before;	/* a question answered at start */
	s32 learned;		/* that answer */
	bool stable;		/* answered as at start (true if not asked before) */
	int changed;		/* the first of x4-x17 that came back changed, 0 if none */
};

void judge_fuzz_call(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus, const struct fuzz_call *c,
		     struct fuzz_judgement *j);
bool fuzz_offends(const struct fuzz_judgement *j);

#endif
