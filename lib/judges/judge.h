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

/* Reports what a judge decided. */
static inline void report_verdict(const char *id, const char *ref, const struct verdict *v)
{
	report_result(v->status, id, ref, "%s", v->why);
}

#endif
