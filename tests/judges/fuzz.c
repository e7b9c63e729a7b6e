/* Host tests of what a fuzz call may return: right answers pass, wrong ones FAIL. */
#include "fuzz_fixture.h"

static struct verdict stable(const struct fuzz_knowledge *k, u32 id, u64 a1, u64 x0)
{
	struct fuzz_call c = fuzz_call_of(id, a1, 0, 0, x0);

	return fuzz_check_after(k, &four_cpus, &c, FUZZ_STABLE);
}

#define EXPECT_STABLE(status, ...) EXPECT_JUDGED(stable(__VA_ARGS__), status)

JUDGE_TEST(fuzz_undefined_psci_ids_must_be_not_supported)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_RESULT(CHECK_PASS, &k, PSCI_FN(0x16), ALL_ONES, 0, 0, RET(PSCI_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_PASS, &k, PSCI_FN(0x16), 0, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_FAIL, &k, PSCI_FN(0x1f), 0, 0, 0, 0);
	EXPECT_RESULT(CHECK_FAIL, &k, PSCI_FN(0x1f), 0, 0, 0, RET(PSCI_RET_INVALID_PARAMETERS));
	/* An SMC64 ID answers in X0: -1 in W0 alone is not NOT_SUPPORTED. */
	EXPECT_RESULT(CHECK_PASS, &k, PSCI_FN64(PSCI_NR_PSCI_VERSION), 0, 0, 0, RET(PSCI_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, PSCI_FN64(PSCI_NR_PSCI_VERSION), 0, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_FAIL, &k, PSCI_FN64(PSCI_NR_PSCI_VERSION), 0, 0, 0, PSCI_V1_1);
}

JUDGE_TEST(fuzz_functions_newer_than_advertised_follow_features)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_0, SMCCC_V1_1);
	u32 mem_protect = PSCI_FN(PSCI_NR_MEM_PROTECT);

	EXPECT_RESULT(CHECK_PASS, &k, mem_protect, 1, 0, 0, RET(PSCI_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, mem_protect, 1, 0, 0, 0);
	k.features[0][PSCI_NR_MEM_PROTECT] = 0;
	EXPECT_RESULT(CHECK_PASS, &k, mem_protect, 1, 0, 0, 1);
	EXPECT_RESULT(CHECK_FAIL, &k, mem_protect, 1, 0, 0, 2);
	EXPECT_RESULT(CHECK_FAIL, &k, mem_protect, 1, 0, 0, RET(PSCI_RET_NOT_SUPPORTED));
}

JUDGE_TEST(fuzz_optional_functions_not_supported_exactly_when_absent)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	u32 hw = PSCI_FN(PSCI_NR_NODE_HW_STATE), stat = PSCI_FN64(PSCI_NR_PSCI_STAT_COUNT);

	EXPECT_RESULT(CHECK_PASS, &k, hw, 2, 1, 0, RET(PSCI_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, hw, 2, 1, 0, 1);
	EXPECT_RESULT(CHECK_PASS, &k, stat, 1, 0, 0, RET(PSCI_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, stat, 1, 0, 0, 5);
	k.features[0][PSCI_NR_NODE_HW_STATE] = 0;
	k.features[1][PSCI_NR_PSCI_STAT_COUNT] = 0;
	EXPECT_RESULT(CHECK_PASS, &k, hw, 2, 1, 0, 1);
	EXPECT_RESULT(CHECK_FAIL, &k, hw, 2, 1, 0, RET(PSCI_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, hw, 2, 1, 0, 3);
	/* A count may be any value, even one that reads like an error. */
	EXPECT_RESULT(CHECK_PASS, &k, stat, 1, 0, 0, ALL_ONES);
}

JUDGE_TEST(fuzz_mandatory_functions_never_not_supported)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	k.features[1][PSCI_NR_AFFINITY_INFO] = PSCI_RET_NOT_SUPPORTED;
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x1, 0, 0, RET(PSCI_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x1, 0, 0, PSCI_AFF_ON);
	EXPECT_RESULT(CHECK_PASS, &k, PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0, PSCI_V1_1);
	EXPECT_RESULT(CHECK_FAIL, &k, PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0, RET(PSCI_RET_NOT_SUPPORTED));
}

JUDGE_TEST(fuzz_set_suspend_mode)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	u32 mode = PSCI_FN(PSCI_NR_PSCI_SET_SUSPEND_MODE);

	k.features[0][PSCI_NR_PSCI_SET_SUSPEND_MODE] = 0;
	EXPECT_RESULT(CHECK_PASS, &k, mode, 5, 0, 0, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, mode, 5, 0, 0, 0);
	EXPECT_RESULT(CHECK_PASS, &k, mode, JUNK | 1, 0, 0, RET(PSCI_RET_DENIED));
	EXPECT_RESULT(CHECK_FAIL, &k, mode, JUNK | 1, 0, 0, RET(PSCI_RET_INVALID_PARAMETERS));
}

JUDGE_TEST(fuzz_migrate_info_up_cpu)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	u32 up = PSCI_FN64(PSCI_NR_MIGRATE_INFO_UP_CPU);

	k.features[1][PSCI_NR_MIGRATE_INFO_UP_CPU] = 0;
	EXPECT_RESULT(CHECK_PASS, &k, up, 0, 0, 0, 0x1234);
	k.migrate_info_type = MIGRATE_TYPE_UP_NOT_CAPABLE;
	EXPECT_RESULT(CHECK_PASS, &k, up, 0, 0, 0, 0x1);
	EXPECT_RESULT(CHECK_FAIL, &k, up, 0, 0, 0, 0x1234);
}

JUDGE_TEST(fuzz_psci_features_answers)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_RESULT(CHECK_PASS, &k, FEATURES, PSCI_FN(PSCI_NR_CPU_SUSPEND), 0, 0, 3);
	EXPECT_RESULT(CHECK_FAIL, &k, FEATURES, PSCI_FN(PSCI_NR_CPU_SUSPEND), 0, 0, 4);
	EXPECT_RESULT(CHECK_FAIL, &k, FEATURES, CPU_ON32, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_PASS, &k, FEATURES, PSCI_FN(PSCI_NR_NODE_HW_STATE), 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_FAIL, &k, FEATURES, PSCI_FN(PSCI_NR_NODE_HW_STATE), 0, 0, 2);
	/* An ID outside PSCI is no PSCI function; SMCCC_VERSION is the exception (5.16.2). */
	EXPECT_RESULT(CHECK_PASS, &k, FEATURES, 0x84000050, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_FAIL, &k, FEATURES, 0x84000050, 0, 0, 0);
	EXPECT_RESULT(CHECK_PASS, &k, FEATURES, SMCCC_VERSION_ID, 0, 0, 0);
	EXPECT_RESULT(CHECK_PASS, &k, FEATURES, SMCCC_VERSION_ID, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_FAIL, &k, FEATURES, SMCCC_VERSION_ID, 0, 0, (u32)PSCI_RET_DENIED);
	/* PSCI 0.2 has no PSCI_FEATURES. */
	k.psci_version = PSCI_V0_2;
	EXPECT_RESULT(CHECK_PASS, &k, FEATURES, CPU_ON32, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_FAIL, &k, FEATURES, CPU_ON32, 0, 0, 0);
}

JUDGE_TEST(fuzz_psci_0_2_optional_may_be_either)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V0_2, SMCCC_V1_0);
	u32 type = PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE);

	EXPECT_RESULT(CHECK_PASS, &k, type, 0, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_PASS, &k, type, 0, 0, 0, MIGRATE_TYPE_NOT_REQUIRED);
	EXPECT_RESULT(CHECK_FAIL, &k, type, 0, 0, 0, 3);
	EXPECT_RESULT(CHECK_FAIL, &k, PSCI_FN(PSCI_NR_MEM_PROTECT), 0, 0, 0, 0);
}

JUDGE_TEST(fuzz_answers_must_match_the_start)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_STABLE(CHECK_PASS, &k, FEATURES, JUNK | CPU_ON32, 0);
	EXPECT_STABLE(CHECK_FAIL, &k, FEATURES, JUNK | CPU_ON32, NOT_SUPPORTED_W0);
	EXPECT_STABLE(CHECK_PASS, &k, PSCI_FN(PSCI_NR_PSCI_VERSION), JUNK, PSCI_V1_1);
	EXPECT_STABLE(CHECK_FAIL, &k, PSCI_FN(PSCI_NR_PSCI_VERSION), 0, PSCI_V1_0);
	EXPECT_STABLE(CHECK_FAIL, &k, PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE), 0, NOT_SUPPORTED_W0);
	EXPECT_STABLE(CHECK_FAIL, &k, SMCCC_VERSION_ID, 0, 0x10002);
	EXPECT_STABLE(CHECK_FAIL, &k, FEATURES, SMCCC_VERSION_ID, NOT_SUPPORTED_W0);
	/* Questions nobody asked at start are not compared. */
	EXPECT_STABLE(CHECK_SKIP, &k, PSCI_FN(0x16), 0, 0);
}

JUDGE_TEST(fuzz_smccc_version)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_0);

	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_VERSION_ID, 0, 0, 0, RET(SMCCC_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, SMCCC_VERSION_ID, 0, 0, 0, SMCCC_V1_1);
	k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_VERSION_ID, 0, 0, 0, SMCCC_V1_1);
	EXPECT_RESULT(CHECK_FAIL, &k, SMCCC_VERSION_ID, 0, 0, 0, RET(SMCCC_RET_NOT_SUPPORTED));
	k.psci_version = PSCI_V0_2;
	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_VERSION_ID, 0, 0, 0, RET(SMCCC_RET_NOT_SUPPORTED));
}

JUDGE_TEST(fuzz_arch_features)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_0);
	u32 wa1 = smccc_arch_functions[0].id, wa2 = smccc_arch_functions[1].id;

	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_ARCH_FEATURES_ID, wa1, 0, 0, RET(SMCCC_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, SMCCC_ARCH_FEATURES_ID, wa1, 0, 0, 0);
	k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_ARCH_FEATURES_ID, wa1, 0, 0, 1);
	EXPECT_RESULT(CHECK_FAIL, &k, SMCCC_ARCH_FEATURES_ID, wa1, 0, 0, 2);
	EXPECT_RESULT(CHECK_FAIL, &k, SMCCC_ARCH_FEATURES_ID, wa1, 0, 0, RET(SMCCC_RET_NOT_REQUIRED));
	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_ARCH_FEATURES_ID, wa2, 0, 0, RET(SMCCC_RET_NOT_REQUIRED));
	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_ARCH_FEATURES_ID, JUNK | 0x80009000u, 0, 0, RET(SMCCC_RET_NOT_SUPPORTED));
	EXPECT_RESULT(CHECK_FAIL, &k, SMCCC_ARCH_FEATURES_ID, JUNK | 0x80009000u, 0, 0, 0);
	EXPECT_RESULT(CHECK_PASS, &k, SMCCC_ARCH_FEATURES_ID, SMCCC_VERSION_ID, 0, 0, 0);
	EXPECT_RESULT(CHECK_FAIL, &k, SMCCC_ARCH_FEATURES_ID, SMCCC_VERSION_ID, 0, 0, RET(SMCCC_RET_INVALID_PARAMETER));
}

JUDGE_TEST(fuzz_arch_features_stable_per_cpu)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	struct fuzz_call c = fuzz_call_of(SMCCC_ARCH_FEATURES_ID, smccc_arch_functions[0].id, 0, 0, 1);

	k.arch_features[1][0] = 1;
	EXPECT_CHECK(CHECK_FAIL, &k, &four_cpus, &c, FUZZ_STABLE);
	c.cpu = 1;
	EXPECT_CHECK(CHECK_PASS, &k, &four_cpus, &c, FUZZ_STABLE);
}

JUDGE_TEST(fuzz_unassigned_arch_ids)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_RESULT(CHECK_PASS, &k, 0x8000fefe, 0, 0, 0, NOT_SUPPORTED_W0);
	EXPECT_RESULT(CHECK_FAIL, &k, 0x8000fefe, 0, 0, 0, 0);
	EXPECT_RESULT(CHECK_PASS, &k, 0xc0008001, 0, 0, 0, ALL_ONES);
	EXPECT_RESULT(CHECK_FAIL, &k, 0xc0008001, 0, 0, 0, NOT_SUPPORTED_W0);
}
