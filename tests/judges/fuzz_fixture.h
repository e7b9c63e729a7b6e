/*
 * What the host tests of the fuzz judges share: the knowledge a plain
 * implementation gives at start, four CPUs in every known state, and calls
 * judged and tallied the way the image does.
 */
#ifndef TESTS_JUDGES_FUZZ_FIXTURE_H
#define TESTS_JUDGES_FUZZ_FIXTURE_H

#include <judges/fuzz_checks.h>
#include "harness.h"

#define ENTRY 0x40080000ul
#define JUNK (0xa5a5a5a5ul << 32)
#define ALL_ONES (~0ul)
#define NOT_SUPPORTED_W0 0xffffffffu
#define RET(code) ((u64)(s64)(code))
#define SEED 42

#define CPU_ON32 PSCI_FN(PSCI_NR_CPU_ON)
#define CPU_ON64 PSCI_FN64(PSCI_NR_CPU_ON)
#define AFF32 PSCI_FN(PSCI_NR_AFFINITY_INFO)
#define AFF64 PSCI_FN64(PSCI_NR_AFFINITY_INFO)
#define FEATURES PSCI_FN(PSCI_NR_PSCI_FEATURES)

/* The mandatory functions and MIGRATE_INFO_TYPE (answering 2) present, nothing else. */
struct fuzz_knowledge fuzz_knowledge_of(u32 psci_version, u32 smccc_version);

/* CPU 0 (the caller) and CPU 1 run, CPU 2 is OFF, CPU_ON of CPU 3 returned SUCCESS. */
extern const struct fuzz_cpus four_cpus;

/* Call 4711 of CPU 0, with x4-x17 passed and returned alike. */
struct fuzz_call fuzz_call_of(u32 id, u64 a1, u64 a2, u64 a3, u64 x0);

/* Judges call C and counts it into T as the image does. */
void fuzz_tally_one(struct fuzz_tally *t, const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus,
		    const struct fuzz_call *c, bool blame_upper);
/* The verdict of check P of ID's class (or of the whole run) from T, seed SEED. */
struct verdict fuzz_verdict_of(const struct fuzz_tally *t, enum fuzz_property p, u32 id, u32 smccc_version);
/* The verdict of check P of C's class (or of the whole run) after C alone. */
struct verdict fuzz_check_after(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus,
				const struct fuzz_call *c, enum fuzz_property p);
/* The verdict of the results check of call ID (x1-x3 = A1-A3) answered X0, four_cpus known. */
struct verdict fuzz_result_of(const struct fuzz_knowledge *k, u32 id, u64 a1, u64 a2, u64 a3, u64 x0);

bool text_contains(const char *text, const char *part);

/* The harness reads its verdict twice: a judged call is made once, into a local. */
#define EXPECT_JUDGED(judged, status) \
	do { \
		struct verdict judged_ = judged; \
		EXPECT_STATUS(judged_, status); \
	} while (0)
#define EXPECT_CHECK(status, ...) EXPECT_JUDGED(fuzz_check_after(__VA_ARGS__), status)
#define EXPECT_RESULT(status, ...) EXPECT_JUDGED(fuzz_result_of(__VA_ARGS__), status)
#define EXPECT_TEXT(v, part) \
	do { \
		if (!text_contains((v).why, part)) \
			harness_fail(__FILE__, __LINE__, "a reason naming '" part "'", &(v)); \
	} while (0)
/* A fact about state other than a verdict. */
#define EXPECT_FACT(fact, what) \
	do { \
		if (!(fact)) { \
			const struct verdict none_ = { CHECK_FAIL, "(no verdict: a fact was checked)" }; \
			harness_fail(__FILE__, __LINE__, what, &none_); \
		} \
	} while (0)

#endif
