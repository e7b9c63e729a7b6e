/*
 * Check results, one line each on the console, in the format the runner parses:
 *   PASS|FAIL|SKIP|INFO: <check.id> [<spec reference>] <detail>
 * then at the end "SUMMARY: pass=N fail=N skip=N info=N" and "END: <status>".
 * A check ID is dotted and stable; the reference says which rule it checks.
 */
#ifndef LIB_REPORT_H
#define LIB_REPORT_H

#include <base.h>

enum check_status { CHECK_PASS, CHECK_FAIL, CHECK_SKIP, CHECK_INFO };

void report_result(enum check_status status, const char *id, const char *ref,
		   const char *fmt, ...) __printf(4, 5);
/* PASS if OK, else FAIL; returns OK. */
bool report(bool ok, const char *id, const char *ref, const char *fmt, ...) __printf(4, 5);
void report_skip(const char *id, const char *ref, const char *fmt, ...) __printf(3, 4);
void report_info(const char *id, const char *ref, const char *fmt, ...) __printf(3, 4);

/* Names the check in progress, so that a crash is reported against it. */
void report_running(const char *id, const char *ref);
/* FAIL of the check in progress (or of "runtime.outside_checks" if none is). */
void report_fail_running(const char *fmt, ...) __printf(1, 2);

/*
 * "EXPECT: EVENT ID [REF] call=NAME fid=0x... PARAM=0x... cpu=N mpidr=0x...":
 * the whole-system power call FID with arguments ARGS (W1/X1 on, as many as
 * the function has) that CPU is about to make, and the event it must cause
 * (poweroff or reset). A platform that reports its power events prints the
 * same fields for the call it performed (README: console protocol).
 */
void report_expect_call(const char *event, const char *id, const char *ref, u32 fid, const u64 *args,
			int cpu, u64 mpidr);
/* "EXPECT: return ID [REF] DETAIL": the calls that follow must all come back. */
void report_expect_return(const char *id, const char *ref, const char *detail);

/* Prints SUMMARY and END; CODE non-zero forces END: FAIL. */
void report_end(int code);

#endif
