/*
 * A minimal host test harness for the judges: JUDGE_TEST(name) defines a test
 * that registers itself; EXPECT_STATUS checks a verdict and prints why it was
 * given when it is not the one expected.
 */
#ifndef TESTS_JUDGES_HARNESS_H
#define TESTS_JUDGES_HARNESS_H

#include <judges/judge.h>

void harness_register(const char *name, void (*fn)(void));
void harness_fail(const char *file, int line, const char *what, const struct verdict *v);

#define JUDGE_TEST(name) \
	static void name(void); \
	__attribute__((constructor)) static void register_##name(void) \
	{ \
		harness_register(#name, name); \
	} \
	static void name(void)

#define EXPECT_STATUS(v, want) \
	do { \
		if ((v).status != (want)) \
			harness_fail(__FILE__, __LINE__, "status " #want, &(v)); \
	} while (0)

#define EXPECT_PASS(v) EXPECT_STATUS(v, CHECK_PASS)
#define EXPECT_FAIL(v) EXPECT_STATUS(v, CHECK_FAIL)
#define EXPECT_INFO(v) EXPECT_STATUS(v, CHECK_INFO)
#define EXPECT_SKIP(v) EXPECT_STATUS(v, CHECK_SKIP)

#endif
