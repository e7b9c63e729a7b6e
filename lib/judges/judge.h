/*
 * Observe, then judge: a test program gathers what the implementation did into
 * an observation struct, and a pure function of (observations, advertised
 * version, spec table) decides the status and says why. Judges never touch
 * hardware, so the same code is compiled into the host tests, which feed each
 * judge wrong observations and expect FAIL.
 */
#ifndef JUDGES_JUDGE_H
#define JUDGES_JUDGE_H

#include <base.h>
#include <report.h>

#define VERDICT_WHY_SIZE 320

struct verdict {
	enum check_status status;
	char why[VERDICT_WHY_SIZE];
};

void verdict_set(struct verdict *v, enum check_status status, const char *fmt, ...) __printf(3, 4);
/* PASS if OK, else FAIL, with the same explanation either way; returns OK. */
bool verdict_expect(struct verdict *v, bool ok, const char *fmt, ...) __printf(3, 4);

/*
 * Whether call ID answered CODE (read in W0 or X0, DEN0022F.b 5.2.2), where
 * the spec table lets ID's function give CODE at VERSION, or at the
 * function's own if that is newer. Judges compare a PSCI function's error
 * codes through this (the fuzz judge reads the same table for its sets), so
 * an error they expect is always one the table permits for the function and
 * version: a rule changes in the table alone. NOT_SUPPORTED, whose rules are
 * about presence (5.3.2, 5.16.2), values such as SUCCESS, and IDs outside the
 * PSCI table compare as they are.
 */
bool answered(u32 id, u32 version, u64 x0, s32 code);

/* Reports what a judge decided. */
static inline void report_verdict(const char *id, const char *ref, const struct verdict *v)
{
	report_result(v->status, id, ref, "%s", v->why);
}

#endif
