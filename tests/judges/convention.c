/* Host tests of the calling-convention judges: right answers pass, wrong ones FAIL. */
#include <judges/convention.h>
#include "harness.h"

#define JUNK (0xa5a5a5a5ul << 32)
#define ALL_ONES (~0ul)

static const s32 service_absent[SMCCC_NR_SERVICE_QUERIES] = { -1, -1, -1 };
/* Only Call UID answers, as where Call Count is not implemented. */
static const s32 service_present[SMCCC_NR_SERVICE_QUERIES] = { -1, 0x1234, 1 };

JUDGE_TEST(upper_ignored_compares_w0)
{
	u32 features = PSCI_FN(PSCI_NR_PSCI_FEATURES);
	struct verdict v;

	judge_upper_ignored(features, "x1[63:32]", 0, 0, &v);
	EXPECT_PASS(v);
	/* Only W0 counts for an SMC32 call. */
	judge_upper_ignored(features, "x1[63:32]", 0xffffffffu, ALL_ONES, &v);
	EXPECT_PASS(v);
	judge_upper_ignored(features, "x1[63:32]", 0, ALL_ONES, &v);
	EXPECT_FAIL(v);
	judge_upper_ignored(PSCI_FN(PSCI_NR_PSCI_VERSION), "x0[63:32]", PSCI_V1_1, ALL_ONES, &v);
	EXPECT_FAIL(v);
	judge_upper_ignored(PSCI_FN(PSCI_NR_AFFINITY_INFO), "x2[63:32]", PSCI_AFF_OFF, PSCI_AFF_ON, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(cpu_on_upper_needs_success_entry_and_clean_context)
{
	const struct cpu_on_obs good = { .ret = PSCI_RET_SUCCESS, .came_up = true, .entry_x0 = 0x5eed0001 };
	struct cpu_on_obs o = good;
	struct verdict v;

	judge_cpu_on_upper("x1[63:32]", 0x5eed0001, &good, &o, &v);
	EXPECT_PASS(v);
	o.ret = PSCI_RET_INVALID_PARAMETERS;
	judge_cpu_on_upper("x1[63:32]", 0x5eed0001, &good, &o, &v);
	EXPECT_FAIL(v);
	o = good;
	o.came_up = false;
	judge_cpu_on_upper("x2[63:32]", 0x5eed0001, &good, &o, &v);
	EXPECT_FAIL(v);
	o = good;
	o.entry_x0 = JUNK | 0x5eed0001;
	judge_cpu_on_upper("x3[63:32]", 0x5eed0001, &good, &o, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(cpu_on_upper_skips_without_a_clean_reference)
{
	const struct cpu_on_obs good = { .ret = PSCI_RET_SUCCESS, .came_up = true, .entry_x0 = 0x5eed0001 };
	const struct cpu_on_obs denied = { .ret = PSCI_RET_DENIED };
	const struct cpu_on_obs stuck = { .ret = PSCI_RET_SUCCESS };
	struct verdict v;

	judge_cpu_on_upper("x1[63:32]", 0x5eed0001, &denied, &denied, &v);
	EXPECT_SKIP(v);
	judge_cpu_on_upper("x1[63:32]", 0x5eed0001, &stuck, &good, &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(suspend_upper_must_return_like_clean)
{
	struct suspend_upper_obs o = { true, true, PSCI_RET_SUCCESS, PSCI_RET_SUCCESS, 1000 };
	struct verdict v;

	judge_suspend_upper(&o, &v);
	EXPECT_PASS(v);
	o.junk_x0 = (u32)PSCI_RET_INVALID_PARAMETERS;
	judge_suspend_upper(&o, &v);
	EXPECT_FAIL(v);
	o.junk_returned = false;
	judge_suspend_upper(&o, &v);
	EXPECT_FAIL(v);
	o.clean_returned = false;
	judge_suspend_upper(&o, &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(preserved_depends_on_smccc_version)
{
	u64 in[18], out[18];
	struct verdict v;

	for (int i = 0; i < 18; i++)
		in[i] = out[i] = 0x1111111111111111ul * i;
	out[0] = 0;
	out[3] = 7;
	judge_preserved("PSCI_VERSION", SMCCC_V1_1, in, out, &v);
	EXPECT_PASS(v);
	out[17] = 0;
	judge_preserved("PSCI_VERSION", SMCCC_V1_1, in, out, &v);
	EXPECT_FAIL(v);
	judge_preserved("PSCI_VERSION", SMCCC_V1_0, in, out, &v);
	EXPECT_INFO(v);
	for (int i = 4; i < 18; i++)
		out[i] = 0;
	judge_preserved("PSCI_VERSION", SMCCC_V1_1 + 1, in, out, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(owners_by_oen)
{
	if (smccc_owner_of(0) != SMCCC_OWNER_STANDARD || smccc_owner_of(4) != SMCCC_OWNER_STANDARD ||
	    smccc_owner_of(5) != SMCCC_OWNER_STANDARD || smccc_owner_of(1) != SMCCC_OWNER_VENDOR ||
	    smccc_owner_of(7) != SMCCC_OWNER_VENDOR || smccc_owner_of(8) != SMCCC_OWNER_RESERVED ||
	    smccc_owner_of(47) != SMCCC_OWNER_RESERVED || smccc_owner_of(48) != SMCCC_OWNER_VENDOR ||
	    smccc_owner_of(63) != SMCCC_OWNER_VENDOR) {
		struct verdict v = { CHECK_FAIL, "owner table" };

		harness_fail(__FILE__, __LINE__, "OEN classes of DEN0028", &v);
	}
	if (smccc_service_query_id(2, 0) != 0x8200ff00 || smccc_service_query_id(50, 1) != 0xbf00ff01 ||
	    smccc_service_query_id(48, 2) != 0xbf00ff03 || SMCCC_FAST_FID(4, true, SMCCC_PROBE_NUMBER) != 0xc400fefe) {
		struct verdict v = { CHECK_FAIL, "query IDs" };

		harness_fail(__FILE__, __LINE__, "General Service Query IDs", &v);
	}
}

JUDGE_TEST(unknown_fid_in_standard_and_reserved_ranges)
{
	struct verdict v;

	judge_unknown_fid(SMCCC_FAST_FID(4, false, SMCCC_PROBE_NUMBER), NULL, 0xffffffffu, &v);
	EXPECT_PASS(v);
	judge_unknown_fid(SMCCC_FAST_FID(0, false, SMCCC_PROBE_NUMBER), NULL, ALL_ONES, &v);
	EXPECT_PASS(v);
	judge_unknown_fid(SMCCC_FAST_FID(5, true, SMCCC_PROBE_NUMBER), NULL, ALL_ONES, &v);
	EXPECT_PASS(v);
	/* SMC64: all of X0. */
	judge_unknown_fid(SMCCC_FAST_FID(5, true, SMCCC_PROBE_NUMBER), NULL, 0xffffffffu, &v);
	EXPECT_FAIL(v);
	judge_unknown_fid(SMCCC_FAST_FID(20, false, SMCCC_PROBE_NUMBER), NULL, 0, &v);
	EXPECT_FAIL(v);
	judge_unknown_fid(SMCCC_FAST_FID(4, false, SMCCC_PROBE_NUMBER), NULL, (u64)(s64)PSCI_RET_INVALID_PARAMETERS,
			  &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(unknown_fid_in_vendor_ranges_fails_only_on_evidence)
{
	u32 sip = SMCCC_FAST_FID(2, false, SMCCC_PROBE_NUMBER);
	u32 tos64 = SMCCC_FAST_FID(55, true, SMCCC_PROBE_NUMBER);
	struct verdict v;

	judge_unknown_fid(sip, service_absent, 0xffffffffu, &v);
	EXPECT_PASS(v);
	judge_unknown_fid(sip, service_present, 0xffffffffu, &v);
	EXPECT_PASS(v);
	judge_unknown_fid(sip, service_absent, 0, &v);
	EXPECT_FAIL(v);
	judge_unknown_fid(sip, service_present, 0, &v);
	EXPECT_INFO(v);
	judge_unknown_fid(tos64, service_absent, 0xffffffffu, &v);
	EXPECT_FAIL(v);
	judge_unknown_fid(tos64, service_absent, ALL_ONES, &v);
	EXPECT_PASS(v);
}
