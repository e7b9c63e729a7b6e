/* Host tests of the SYSTEM_OFF/RESET/RESET2/OFF2 judges: right answers pass, wrong ones FAIL. */
#include <judges/system.h>
#include <libc/string.h>
#include "harness.h"

#define W0(ret) ((u64)(u32)(ret))
#define X0(ret) ((u64)(s64)(ret))
#define BOUND_US 10000000

static const u32 reset2 = PSCI_FN(PSCI_NR_SYSTEM_RESET2);
static const u32 reset2_64 = PSCI_FN64(PSCI_NR_SYSTEM_RESET2);
static const u32 off2 = PSCI_FN(PSCI_NR_SYSTEM_OFF2);
static const u32 off2_64 = PSCI_FN64(PSCI_NR_SYSTEM_OFF2);

static struct system_call returned(u32 id, u32 type, u64 cookie, u64 x0)
{
	return (struct system_call){ id, PSCI_V1_3, type, cookie, BOUND_US, true, x0 };
}

static struct system_call stuck(u32 id, u32 type)
{
	return (struct system_call){ id, PSCI_V1_3, type, 0, BOUND_US, false, 0 };
}

static bool contains(const char *s, const char *text)
{
	for (size_t n = strlen(text); *s; s++)
		if (!strncmp(s, text, n))
			return true;
	return false;
}

/* The explanation holds TEXT. */
#define EXPECT_WHY_HAS(v, text) \
	do { \
		if (!contains((v).why, text)) \
			harness_fail(__FILE__, __LINE__, "an explanation with: " text, &(v)); \
	} while (0)

/* C is described as TEXT (shown as the explanation when it is not). */
#define EXPECT_CALL_TEXT(c, text) \
	do { \
		struct verdict __v = { CHECK_FAIL, "" }; \
		struct system_call __c = (c); \
		system_call_text(&__c, __v.why, sizeof(__v.why)); \
		if (strcmp(__v.why, text)) \
			harness_fail(__FILE__, __LINE__, "the text " text, &__v); \
	} while (0)

JUDGE_TEST(call_text_names_the_parameters)
{
	EXPECT_CALL_TEXT(returned(reset2_64, 0x1, 0x100000000ul, 0),
			 "SYSTEM_RESET264(reset_type 0x1, cookie 0x100000000)");
	EXPECT_CALL_TEXT(returned(off2, OFF2_HIBERNATE_OFF, 0, 0), "SYSTEM_OFF2(type 0x1, cookie 0x0)");
	EXPECT_CALL_TEXT(returned(PSCI_FN(PSCI_NR_SYSTEM_OFF), 0, 0, 0), "SYSTEM_OFF");
}

JUDGE_TEST(reset2_callable_from_1_1_when_reported)
{
	struct verdict v;

	if (!reset2_callable(PSCI_V1_1, 0, &v) || !reset2_callable(PSCI_V1_3, 0, &v))
		harness_fail(__FILE__, __LINE__, "callable", &v);
	if (reset2_callable(PSCI_V1_0, 0, &v))
		harness_fail(__FILE__, __LINE__, "not callable under 1.0", &v);
	EXPECT_SKIP(v);
	EXPECT_WHY_HAS(v, "exists from 1.1");
	if (reset2_callable(PSCI_V1_1, PSCI_RET_NOT_SUPPORTED, &v))
		harness_fail(__FILE__, __LINE__, "not callable when absent", &v);
	EXPECT_SKIP(v);
	if (reset2_callable(PSCI_V1_1, PSCI_RET_INVALID_PARAMETERS, &v))
		harness_fail(__FILE__, __LINE__, "not callable on a bad PSCI_FEATURES answer", &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(off2_callable_from_1_3_with_hibernate_off)
{
	struct verdict v;

	if (!off2_callable(PSCI_V1_3, OFF2_HIBERNATE_OFF, &v))
		harness_fail(__FILE__, __LINE__, "callable", &v);
	/* Reserved flags are psci.features.system_off2's to judge; HIBERNATE_OFF is there. */
	if (!off2_callable(PSCI_V1_3, 0x3, &v))
		harness_fail(__FILE__, __LINE__, "callable with extra flags", &v);
	if (off2_callable(PSCI_V1_2, OFF2_HIBERNATE_OFF, &v))
		harness_fail(__FILE__, __LINE__, "not callable under 1.2", &v);
	EXPECT_SKIP(v);
	if (off2_callable(PSCI_V1_3, 0, &v))
		harness_fail(__FILE__, __LINE__, "not callable without HIBERNATE_OFF", &v);
	EXPECT_SKIP(v);
	EXPECT_WHY_HAS(v, "HIBERNATE_OFF");
	if (off2_callable(PSCI_V1_3, PSCI_RET_NOT_SUPPORTED, &v))
		harness_fail(__FILE__, __LINE__, "not callable when absent", &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(reserved_reset_types_must_be_invalid_parameters)
{
	struct system_call calls[] = {
		returned(reset2, 0x1, 0, W0(PSCI_RET_INVALID_PARAMETERS)),
		returned(reset2, 0x7fffffff, 0, W0(PSCI_RET_INVALID_PARAMETERS)),
	};
	struct verdict v;

	judge_invalid_calls(calls, 2, &v);
	EXPECT_PASS(v);
	/* SMC32: W0 is the result, whatever X0[63:32] holds (5.2.2). */
	calls[0].x0 = 0xdead0000fffffffeul;
	judge_invalid_calls(calls, 2, &v);
	EXPECT_PASS(v);
	calls[1].x0 = W0(PSCI_RET_NOT_SUPPORTED);
	judge_invalid_calls(calls, 2, &v);
	EXPECT_FAIL(v);
	calls[1].x0 = W0(PSCI_RET_SUCCESS);
	judge_invalid_calls(calls, 2, &v);
	EXPECT_FAIL(v);
	calls[1].x0 = W0(PSCI_RET_DENIED);
	judge_invalid_calls(calls, 2, &v);
	EXPECT_FAIL(v);
	calls[1] = stuck(reset2, 0x7fffffff);
	judge_invalid_calls(calls, 2, &v);
	EXPECT_FAIL(v);
	EXPECT_WHY_HAS(v, "did not come back within 10000 ms");
}

JUDGE_TEST(smc64_invalid_parameters_is_judged_on_x0)
{
	struct system_call c = returned(reset2_64, 0x1, 0, X0(PSCI_RET_INVALID_PARAMETERS));
	struct verdict v;

	judge_invalid_calls(&c, 1, &v);
	EXPECT_PASS(v);
	c.x0 = W0(PSCI_RET_INVALID_PARAMETERS);
	judge_invalid_calls(&c, 1, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(invalid_off2_calls_must_be_invalid_parameters)
{
	struct system_call calls[] = {
		returned(off2, 0x2, 0, W0(PSCI_RET_INVALID_PARAMETERS)),
		returned(off2, 0x40000000, 0, W0(PSCI_RET_INVALID_PARAMETERS)),
		returned(off2, 0x80000001, 0, W0(PSCI_RET_INVALID_PARAMETERS)),
		returned(off2_64, OFF2_HIBERNATE_OFF, 0x100000000ul, X0(PSCI_RET_INVALID_PARAMETERS)),
	};
	struct verdict v;

	judge_invalid_calls(calls, 4, &v);
	EXPECT_PASS(v);
	/* NOT_SUPPORTED only means SYSTEM_OFF2 is absent (5.11.2). */
	calls[2].x0 = W0(PSCI_RET_NOT_SUPPORTED);
	judge_invalid_calls(calls, 4, &v);
	EXPECT_FAIL(v);
	calls[2].x0 = W0(PSCI_RET_INVALID_PARAMETERS);
	calls[3] = stuck(off2_64, OFF2_HIBERNATE_OFF);
	judge_invalid_calls(calls, 4, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(vendor_reset_error_codes)
{
	static const s32 permitted[] = {
		PSCI_RET_INVALID_PARAMETERS, PSCI_RET_DENIED, PSCI_RET_ALREADY_ON, PSCI_RET_ON_PENDING,
		PSCI_RET_INTERNAL_FAILURE, PSCI_RET_NOT_PRESENT, PSCI_RET_DISABLED, PSCI_RET_INVALID_ADDRESS,
		-257, -100000,
	};
	static const s32 refused[] = { PSCI_RET_NOT_SUPPORTED, PSCI_RET_SUCCESS, 1, -10, -100, -256 };
	struct system_call c;
	struct verdict v;

	for (unsigned int i = 0; i < ARRAY_SIZE(permitted); i++) {
		c = returned(reset2, 0xffffffff, 0, W0(permitted[i]));
		judge_reset2_vendor(&c, &v);
		EXPECT_PASS(v);
		c = returned(reset2_64, 0xffffffff, 0, X0(permitted[i]));
		judge_reset2_vendor(&c, &v);
		EXPECT_PASS(v);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(refused); i++) {
		c = returned(reset2, 0xffffffff, 0, W0(refused[i]));
		judge_reset2_vendor(&c, &v);
		EXPECT_FAIL(v);
		c = returned(reset2_64, 0xffffffff, 0, X0(refused[i]));
		judge_reset2_vendor(&c, &v);
		EXPECT_FAIL(v);
	}
	/* An SMC64 error is 64-bit: -257 in W0 alone is a large positive X0. */
	c = returned(reset2_64, 0xffffffff, 0, W0(-257));
	judge_reset2_vendor(&c, &v);
	EXPECT_FAIL(v);
	c = stuck(reset2, 0xffffffff);
	judge_reset2_vendor(&c, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(power_calls_must_not_return)
{
	struct system_call c = returned(PSCI_FN(PSCI_NR_SYSTEM_OFF), 0, 0, W0(PSCI_RET_NOT_SUPPORTED));
	struct verdict v;

	judge_no_return(&c, &v);
	EXPECT_FAIL(v);
	c = stuck(PSCI_FN(PSCI_NR_SYSTEM_RESET), 0);
	judge_no_return(&c, &v);
	EXPECT_FAIL(v);
	EXPECT_WHY_HAS(v, "neither came back nor took the system down");
	c = returned(reset2_64, RESET2_WARM_RESET, 0x1234, X0(PSCI_RET_SUCCESS));
	judge_no_return(&c, &v);
	EXPECT_FAIL(v);
	c = returned(off2, OFF2_HIBERNATE_OFF, 0, W0(PSCI_RET_INVALID_PARAMETERS));
	judge_no_return(&c, &v);
	EXPECT_FAIL(v);
	if (contains(v.why, "issue F"))
		harness_fail(__FILE__, __LINE__, "no type 0 note for HIBERNATE_OFF", &v);
	/* Issue F allowed it; F.b, which the suite checks, does not. */
	c = returned(off2, OFF2_TYPE_DEFAULT, 0, W0(PSCI_RET_INVALID_PARAMETERS));
	judge_no_return(&c, &v);
	EXPECT_FAIL(v);
	EXPECT_WHY_HAS(v, "issue F allowed INVALID_PARAMETERS for type 0x0");
}

JUDGE_TEST(boot_after_reset)
{
	struct system_call c = { .id = PSCI_FN(PSCI_NR_SYSTEM_RESET) };
	struct verdict v;

	judge_boot_after_reset(RESET_WANTED, &c, 1, &v);
	EXPECT_PASS(v);
	judge_boot_after_reset(RESET_WANTED, &c, 2, &v);
	EXPECT_FAIL(v);
	c = (struct system_call){ .id = PSCI_FN(PSCI_NR_SYSTEM_OFF) };
	judge_boot_after_reset(RESET_INSTEAD_OF_OFF, &c, 1, &v);
	EXPECT_FAIL(v);
	c = (struct system_call){ .id = reset2, .type = 0x1 };
	judge_boot_after_reset(RESET_INSTEAD_OF_ERROR, &c, 1, &v);
	EXPECT_FAIL(v);
	c = (struct system_call){ .id = reset2_64, .type = 0xffffffff };
	judge_boot_after_reset(RESET_VENDOR, &c, 1, &v);
	EXPECT_INFO(v);
}
