/* Host tests of the discovery judges: right answers pass, wrong ones FAIL. */
#include <judges/discovery.h>
#include "harness.h"

static const char compat_1x[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
static const char compat_02[] = "arm,psci-0.2\0arm,psci";

JUDGE_TEST(version_published_passes)
{
	struct verdict v;

	judge_version_well_formed(PSCI_V1_1, &v);
	EXPECT_PASS(v);
	judge_version_well_formed(PSCI_V0_2, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(version_bit31_or_unpublished_fails)
{
	struct verdict v;

	judge_version_well_formed(0x80010001, &v);
	EXPECT_FAIL(v);
	judge_version_well_formed(0x00010004, &v);
	EXPECT_FAIL(v);
	judge_version_well_formed((u64)PSCI_RET_NOT_SUPPORTED, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(version_dt_mismatch_fails)
{
	struct verdict v;

	judge_version_matches_dt(PSCI_V1_1, compat_1x, sizeof(compat_1x), &v);
	EXPECT_PASS(v);
	judge_version_matches_dt(PSCI_V0_2, compat_02, sizeof(compat_02), &v);
	EXPECT_PASS(v);
	judge_version_matches_dt(PSCI_V1_1, compat_02, sizeof(compat_02), &v);
	EXPECT_FAIL(v);
	judge_version_matches_dt(PSCI_V0_2, compat_1x, sizeof(compat_1x), &v);
	EXPECT_FAIL(v);
	judge_version_matches_dt(PSCI_V1_0, NULL, 0, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(features_mandatory_missing_fails)
{
	struct verdict v;

	judge_features(PSCI_FN(PSCI_NR_CPU_OFF), PSCI_V1_1, PSCI_RET_NOT_SUPPORTED, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN64(PSCI_NR_CPU_ON), PSCI_V1_0, PSCI_RET_NOT_SUPPORTED, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN(PSCI_NR_CPU_ON), PSCI_V1_0, 0, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(features_optional_absent_passes)
{
	struct verdict v;

	judge_features(PSCI_FN64(PSCI_NR_MIGRATE), PSCI_V1_1, PSCI_RET_NOT_SUPPORTED, &v);
	EXPECT_PASS(v);
	judge_features(PSCI_FN(PSCI_NR_SYSTEM_RESET2), PSCI_V1_1, 0, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(features_flags_out_of_spec_fail)
{
	struct verdict v;

	judge_features(PSCI_FN(PSCI_NR_CPU_OFF), PSCI_V1_1, 1, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN(PSCI_NR_CPU_SUSPEND), PSCI_V1_1, 4, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN(PSCI_NR_CPU_SUSPEND), PSCI_V1_1, 3, &v);
	EXPECT_PASS(v);
	judge_features(PSCI_FN(PSCI_NR_SYSTEM_OFF2), PSCI_V1_3, 0, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN(PSCI_NR_SYSTEM_OFF2), PSCI_V1_3, 3, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN(PSCI_NR_SYSTEM_OFF2), PSCI_V1_3, 1, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(features_error_other_than_not_supported_fails)
{
	struct verdict v;

	judge_features(PSCI_FN(PSCI_NR_MIGRATE), PSCI_V1_1, PSCI_RET_INVALID_PARAMETERS, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(features_non_function_reported_present_fails)
{
	struct verdict v;

	judge_features(PSCI_FN(0x16), PSCI_V1_3, 0, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN64(PSCI_NR_PSCI_VERSION), PSCI_V1_1, 0, &v);
	EXPECT_FAIL(v);
	judge_features(PSCI_FN(0x1f), PSCI_V1_1, PSCI_RET_NOT_SUPPORTED, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(features_newer_than_version_is_info)
{
	struct verdict v;

	judge_features(PSCI_FN(PSCI_NR_SYSTEM_OFF2), PSCI_V1_1, 1, &v);
	EXPECT_INFO(v);
	judge_features(PSCI_FN(PSCI_NR_SYSTEM_OFF2), PSCI_V1_1, PSCI_RET_NOT_SUPPORTED, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(present_call_must_not_be_not_supported)
{
	struct verdict v;

	judge_present_call(PSCI_FN(PSCI_NR_NODE_HW_STATE), 0, &v);
	EXPECT_PASS(v);
	judge_present_call(PSCI_FN(PSCI_NR_NODE_HW_STATE), (u32)PSCI_RET_INVALID_PARAMETERS, &v);
	EXPECT_PASS(v);
	judge_present_call(PSCI_FN(PSCI_NR_NODE_HW_STATE), 0xffffffffu, &v);
	EXPECT_FAIL(v);
	judge_present_call(PSCI_FN64(PSCI_NR_PSCI_STAT_COUNT), ~0ul, &v);
	EXPECT_FAIL(v);
	judge_present_call(PSCI_FN64(PSCI_NR_PSCI_STAT_COUNT), 0xffffffffu, &v);
	EXPECT_PASS(v);
}

JUDGE_TEST(absent_call_must_be_not_supported)
{
	struct verdict v;

	judge_absent_call(PSCI_FN(PSCI_NR_MIGRATE_INFO_UP_CPU), 0xffffffffu, &v);
	EXPECT_PASS(v);
	judge_absent_call(PSCI_FN64(PSCI_NR_MIGRATE), ~0ul, &v);
	EXPECT_PASS(v);
	judge_absent_call(PSCI_FN64(PSCI_NR_MIGRATE), 0xffffffffu, &v);
	EXPECT_FAIL(v);
	judge_absent_call(PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE), 2, &v);
	EXPECT_FAIL(v);
	judge_absent_call(PSCI_FN(PSCI_NR_MEM_PROTECT), 0, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(smccc_version_discovery)
{
	struct verdict v;

	judge_smccc_version(PSCI_V1_1, PSCI_RET_NOT_SUPPORTED, ~0ul, &v);
	EXPECT_PASS(v);
	judge_smccc_version(PSCI_V1_1, 0, SMCCC_V1_1, &v);
	EXPECT_PASS(v);
	judge_smccc_version(PSCI_V1_1, PSCI_RET_NOT_SUPPORTED, SMCCC_V1_1, &v);
	EXPECT_FAIL(v);
	judge_smccc_version(PSCI_V1_1, 0, ~0ul, &v);
	EXPECT_FAIL(v);
	judge_smccc_version(PSCI_V1_1, 0, 0x80010001, &v);
	EXPECT_FAIL(v);
	judge_smccc_version(PSCI_V1_1, 0, SMCCC_V1_0, &v);
	EXPECT_FAIL(v);
	judge_smccc_version(PSCI_V1_1, PSCI_RET_DENIED, SMCCC_V1_1, &v);
	EXPECT_FAIL(v);
	judge_smccc_version(PSCI_V0_2, PSCI_RET_NOT_SUPPORTED, SMCCC_V1_1, &v);
	EXPECT_INFO(v);
}

JUDGE_TEST(arch_features_values)
{
	const struct smccc_arch_function *wa1 = &smccc_arch_functions[0];
	const struct smccc_arch_function *wa2 = &smccc_arch_functions[1];
	struct verdict v;

	judge_arch_features(wa1, 1, &v);
	EXPECT_PASS(v);
	judge_arch_features(wa1, SMCCC_RET_NOT_REQUIRED, &v);
	EXPECT_FAIL(v);
	judge_arch_features(wa2, SMCCC_RET_NOT_REQUIRED, &v);
	EXPECT_PASS(v);
	judge_arch_features(wa2, 7, &v);
	EXPECT_FAIL(v);
	judge_arch_features_undefined(SMCCC_RET_NOT_SUPPORTED, &v);
	EXPECT_PASS(v);
	judge_arch_features_undefined(0, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(arch_features_of_the_mandatory_calls)
{
	struct verdict v;

	judge_arch_features_mandatory("SMCCC_VERSION", SMCCC_RET_SUCCESS, &v);
	EXPECT_PASS(v);
	judge_arch_features_mandatory("SMCCC_ARCH_FEATURES", 1, &v);
	EXPECT_PASS(v);
	judge_arch_features_mandatory("SMCCC_ARCH_FEATURES", SMCCC_RET_NOT_SUPPORTED, &v);
	EXPECT_FAIL(v);
	judge_arch_features_mandatory("SMCCC_VERSION", SMCCC_RET_NOT_REQUIRED, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(pairs_of_optional_functions)
{
	const struct psci_pair needs = { "needs", PSCI_NR_MIGRATE, PSCI_NR_MIGRATE_INFO_UP_CPU, false, "" };
	const struct psci_pair pair = { "pair", PSCI_NR_MEM_PROTECT, PSCI_NR_MEM_PROTECT_CHECK_RANGE, true, "" };
	struct verdict v;

	judge_pair(&needs, true, false, &v);
	EXPECT_FAIL(v);
	judge_pair(&needs, false, true, &v);
	EXPECT_PASS(v);
	judge_pair(&pair, false, true, &v);
	EXPECT_FAIL(v);
	judge_pair(&pair, true, true, &v);
	EXPECT_PASS(v);
	judge_pair(&pair, false, false, &v);
	EXPECT_PASS(v);
}

