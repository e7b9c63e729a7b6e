/* Host tests of the fuzz's checks: per function, per run, and the offending calls they name. */
#include <check-ids.h>
#include <libc/string.h>
#include "fuzz_fixture.h"

/* A call of each class the fuzz draws, with an answer the spec permits and one it does not. */
static const struct {
	u32 id;
	u64 a1, a2, right, wrong;
} each_class[] = {
	{ PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, PSCI_V1_1, RET(PSCI_RET_NOT_SUPPORTED) },
	{ CPU_ON32, 0x1, ENTRY, RET(PSCI_RET_ALREADY_ON), PSCI_RET_SUCCESS },
	{ AFF32, 0x2, 0, PSCI_AFF_OFF, PSCI_AFF_ON },
	{ PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE), 0, 0, MIGRATE_TYPE_NOT_REQUIRED, 3 },
	{ PSCI_FN(PSCI_NR_MIGRATE_INFO_UP_CPU), 0, 0, RET(PSCI_RET_NOT_SUPPORTED), 0 },
	{ FEATURES, CPU_ON32, 0, 0, RET(PSCI_RET_NOT_SUPPORTED) },
	{ PSCI_FN(PSCI_NR_NODE_HW_STATE), 0x0, 0, RET(PSCI_RET_NOT_SUPPORTED), PSCI_HW_ON },
	{ PSCI_FN(PSCI_NR_PSCI_SET_SUSPEND_MODE), 0, 0, RET(PSCI_RET_NOT_SUPPORTED), PSCI_RET_SUCCESS },
	{ PSCI_FN(PSCI_NR_PSCI_STAT_RESIDENCY), 0x0, 0, RET(PSCI_RET_NOT_SUPPORTED), 0 },
	{ PSCI_FN(PSCI_NR_PSCI_STAT_COUNT), 0x0, 0, RET(PSCI_RET_NOT_SUPPORTED), 0 },
	{ PSCI_FN(PSCI_NR_MEM_PROTECT), 1, 0, RET(PSCI_RET_NOT_SUPPORTED), 0 },
	{ PSCI_FN(PSCI_NR_MEM_PROTECT_CHECK_RANGE), 0, 0x1000, RET(PSCI_RET_NOT_SUPPORTED), PSCI_RET_SUCCESS },
	{ PSCI_FN(0x1f), 0, 0, RET(PSCI_RET_NOT_SUPPORTED), 0 },
	{ SMCCC_VERSION_ID, 0, 0, SMCCC_V1_1, RET(SMCCC_RET_NOT_SUPPORTED) },
	{ SMCCC_ARCH_FEATURES_ID, 0x80008000u, 0, 1, 2 },
	{ SMCCC_ARCH_UNDEFINED_ID, 0, 0, RET(SMCCC_RET_NOT_SUPPORTED), 0 },
};

static struct fuzz_tally tally;

static struct verdict after_one(u32 id, u64 a1, u64 a2, u64 x0, bool blame_upper, enum fuzz_property p)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	struct fuzz_call c = fuzz_call_of(id, a1, a2, 0, x0);

	memset(&tally, 0, sizeof(tally));
	fuzz_tally_one(&tally, &k, &four_cpus, &c, blame_upper);
	return fuzz_verdict_of(&tally, p, id, SMCCC_V1_1);
}

#define EXPECT_AFTER_ONE(status, ...) EXPECT_JUDGED(after_one(__VA_ARGS__), status)

JUDGE_TEST(fuzz_every_function_check_can_fail)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(each_class); i++) {
		u32 id = each_class[i].id;
		u64 a1 = each_class[i].a1, a2 = each_class[i].a2;

		EXPECT_AFTER_ONE(CHECK_PASS, id, a1, a2, each_class[i].right, false, FUZZ_RESULTS);
		EXPECT_AFTER_ONE(CHECK_FAIL, id, a1, a2, each_class[i].wrong, false, FUZZ_RESULTS);
		/* The same with junk in x1[63:32]: wrong only with it, the junk's offence alone. */
		EXPECT_AFTER_ONE(CHECK_PASS, id, JUNK | a1, a2, each_class[i].right, false, FUZZ_SMC32_UPPER);
		EXPECT_AFTER_ONE(CHECK_FAIL, id, JUNK | a1, a2, each_class[i].wrong, true, FUZZ_SMC32_UPPER);
		EXPECT_AFTER_ONE(CHECK_PASS, id, JUNK | a1, a2, each_class[i].wrong, true, FUZZ_RESULTS);
		/* Without junk, no SMC32 upper-halves check has a call to judge. */
		EXPECT_AFTER_ONE(CHECK_SKIP, id, a1, a2, each_class[i].wrong, false, FUZZ_SMC32_UPPER);
	}
}

JUDGE_TEST(fuzz_each_function_has_a_check_of_its_own)
{
	bool seen[FUZZ_CLASSES] = { false };

	for (unsigned int i = 0; i < ARRAY_SIZE(each_class); i++) {
		unsigned int cls = fuzz_class_of(each_class[i].id);

		EXPECT_FACT(cls < FUZZ_CLASSES && !seen[cls], "a class of its own for each call of the table");
		seen[cls] = true;
	}
	/* One function's offence leaves the others' checks as their own calls make them. */
	after_one(AFF32, 0x2, 0, PSCI_AFF_ON, false, FUZZ_RESULTS);
	EXPECT_JUDGED(fuzz_verdict_of(&tally, FUZZ_RESULTS, AFF64, SMCCC_V1_1), CHECK_FAIL);
	EXPECT_JUDGED(fuzz_verdict_of(&tally, FUZZ_RESULTS, CPU_ON32, SMCCC_V1_1), CHECK_SKIP);
	EXPECT_JUDGED(fuzz_verdict_of(&tally, FUZZ_RESULTS, PSCI_FN(PSCI_NR_PSCI_VERSION), SMCCC_V1_1), CHECK_SKIP);
}

JUDGE_TEST(fuzz_check_ids_and_refs_name_the_function)
{
	char id[CHECK_ID_SIZE];

	EXPECT_FACT(!strcmp(fuzz_class_check_id("psci_fuzz.results", PSCI_NR_CPU_ON, id, sizeof(id)),
			    "psci_fuzz.results.cpu_on"), "psci_fuzz.results.cpu_on");
	EXPECT_FACT(!strcmp(fuzz_class_check_id("psci_fuzz.smc32_upper", PSCI_NR_MEM_PROTECT_CHECK_RANGE, id,
						sizeof(id)), "psci_fuzz.smc32_upper.mem_protect_check_range"),
		    "psci_fuzz.smc32_upper.mem_protect_check_range");
	EXPECT_FACT(!strcmp(fuzz_class_check_id("psci_fuzz.results", FUZZ_CLASS_UNKNOWN_PSCI, id, sizeof(id)),
			    "psci_fuzz.results.unknown_psci_id"), "psci_fuzz.results.unknown_psci_id");
	EXPECT_FACT(!strcmp(fuzz_class_check_id("psci_fuzz.results", FUZZ_CLASS_ARCH_FEATURES, id, sizeof(id)),
			    "psci_fuzz.results.smccc_arch_features"), "psci_fuzz.results.smccc_arch_features");
	EXPECT_FACT(!strcmp(fuzz_class_ref(PSCI_NR_AFFINITY_INFO), "DEN0022F.b 5.1.5, 5.7 AFFINITY_INFO"),
		    "AFFINITY_INFO's own sections as the ref");
	EXPECT_FACT(text_contains(fuzz_class_ref(FUZZ_CLASS_UNKNOWN_ARCH), "Unknown Function Identifier"),
		    "the unknown ID rule as the ref");
}

JUDGE_TEST(fuzz_registers_preserved_from_smccc_1_1)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	struct fuzz_call c = fuzz_call_of(PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0, PSCI_V1_1);
	struct verdict v;

	EXPECT_CHECK(CHECK_PASS, &k, &four_cpus, &c, FUZZ_PRESERVED);
	c.out[7] = 0;
	v = fuzz_check_after(&k, &four_cpus, &c, FUZZ_PRESERVED);
	EXPECT_FAIL(v);
	EXPECT_TEXT(v, "x7 0x5eed0007 came back 0x0");
	k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_0);
	EXPECT_CHECK(CHECK_INFO, &k, &four_cpus, &c, FUZZ_PRESERVED);
}

JUDGE_TEST(fuzz_offence_names_the_call_in_full)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	struct verdict v = fuzz_result_of(&k, AFF32, JUNK | 0x2, 0, 0, PSCI_AFF_ON);

	EXPECT_FAIL(v);
	EXPECT_TEXT(v, "seed=42");
	EXPECT_TEXT(v, "CPU 0 call 4711: AFFINITY_INFO (0x84000004)");
	EXPECT_TEXT(v, "x1=0xa5a5a5a500000002");
	EXPECT_TEXT(v, "-> W0 0x0; permitted: 0x1");
	v = fuzz_result_of(&k, SMCCC_ARCH_FEATURES_ID, 0x80007fffu, 0, 0, RET(SMCCC_RET_INVALID_PARAMETER));
	EXPECT_FAIL(v);
	EXPECT_TEXT(v, "W0 0xfffffffd (INVALID_PARAMETER); permitted: 0x0, 0x1, NOT_SUPPORTED, NOT_REQUIRED");
}

JUDGE_TEST(fuzz_junk_blamed_when_the_clean_call_passes)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	struct fuzz_call junk = fuzz_call_of(CPU_ON32, JUNK | 0x1, ENTRY, 7, (u32)PSCI_RET_INVALID_PARAMETERS);
	struct fuzz_call clean = fuzz_call_of(CPU_ON32, 0x1, ENTRY, 7, (u32)PSCI_RET_ALREADY_ON);
	struct fuzz_judgement jj, cj;
	struct verdict v;

	memset(&tally, 0, sizeof(tally));
	judge_fuzz_call(&k, &four_cpus, &junk, &jj);
	judge_fuzz_call(&k, &four_cpus, &clean, &cj);
	fuzz_tally_call(&tally, &clean, &cj, false, 0);
	fuzz_tally_call(&tally, &junk, &jj, fuzz_offends(&jj) && !fuzz_offends(&cj), clean.out[0]);
	v = fuzz_verdict_of(&tally, FUZZ_RESULTS, CPU_ON32, SMCCC_V1_1);
	EXPECT_PASS(v);
	EXPECT_TEXT(v, "2 calls");
	v = fuzz_verdict_of(&tally, FUZZ_SMC32_UPPER, CPU_ON32, SMCCC_V1_1);
	EXPECT_FAIL(v);
	EXPECT_TEXT(v, "1 of 1 SMC32 calls");
	EXPECT_TEXT(v, "with x1-x3[63:32] clear: W0 0xfffffffc (ALREADY_ON)");
}

JUDGE_TEST(fuzz_hung_call_fails_and_merge_adds_up)
{
	struct fuzz_call c = fuzz_call_of(PSCI_FN(0x17), 1, 2, 3, 0);
	static struct fuzz_tally more;
	struct verdict v;

	after_one(PSCI_FN(0x16), 0, 0, RET(PSCI_RET_NOT_SUPPORTED), false, FUZZ_RESULTS);
	fuzz_tally_hung(&more, &c, 2000);
	fuzz_tally_merge(&tally, &more);
	v = fuzz_verdict_of(&tally, FUZZ_RESULTS, PSCI_FN(0x16), SMCCC_V1_1);
	EXPECT_FAIL(v);
	EXPECT_TEXT(v, "1 of 2 calls");
	EXPECT_TEXT(v, "did not return within 2000 ms");
	EXPECT_FACT(tally.calls == 2, "both calls counted");
	EXPECT_JUDGED(fuzz_verdict_of(&tally, FUZZ_SMC32_UPPER, PSCI_FN(0x16), SMCCC_V1_1), CHECK_SKIP);
}
