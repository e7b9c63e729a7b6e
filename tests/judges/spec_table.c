/* Host tests of the spec table itself: the lookups the judges rely on. */
#include <libc/string.h>
#include <spec/psci.h>
#include "harness.h"

static void expect(bool ok, const char *what)
{
	struct verdict v;

	verdict_expect(&v, ok, "%s", what);
	EXPECT_PASS(v);
}

JUDGE_TEST(table_is_indexed_by_function_number)
{
	for (unsigned int nr = 0; nr < PSCI_NR_COUNT; nr++)
		expect(psci_functions[nr].number == nr && psci_functions[nr].name, "entry nr has number nr");
}

JUDGE_TEST(lookup_by_id)
{
	expect(psci_function_by_id(0xc4000003) == &psci_functions[PSCI_NR_CPU_ON], "CPU_ON64");
	expect(!psci_function_by_id(0xc4000000), "no PSCI_VERSION64");
	expect(!psci_function_by_id(0x84000016), "0x16 reserved");
	expect(!psci_function_by_id(0x85000003), "other owner");
	expect(!psci_function_by_id(0x84010003), "bits [15:5] not zero");
}

JUDGE_TEST(mandatory_per_version)
{
	expect(psci_function_is_mandatory(&psci_functions[PSCI_NR_PSCI_FEATURES], PSCI_V1_0), "FEATURES 1.0");
	expect(!psci_function_is_mandatory(&psci_functions[PSCI_NR_PSCI_FEATURES], PSCI_V0_2), "FEATURES 0.2");
	expect(!psci_function_is_mandatory(&psci_functions[PSCI_NR_MIGRATE], PSCI_V1_3), "MIGRATE optional");
}

JUDGE_TEST(invalid_address_from_1_0)
{
	const struct psci_function *on = &psci_functions[PSCI_NR_CPU_ON];

	expect(!psci_error_permitted(on, PSCI_V0_2, PSCI_RET_INVALID_ADDRESS), "0.2 no INVALID_ADDRESS");
	expect(psci_error_permitted(on, PSCI_V1_0, PSCI_RET_INVALID_ADDRESS), "1.0 INVALID_ADDRESS");
	expect(!psci_error_permitted(on, PSCI_V1_1, PSCI_RET_NOT_SUPPORTED), "mandatory: no NOT_SUPPORTED");
}

JUDGE_TEST(result_width)
{
	expect(psci_result(0x84000002, 0x00000000ffffffffu) == -1, "SMC32 judged on W0");
	expect(psci_result(0xc4000003, 0x00000000ffffffffu) == 0xffffffff, "SMC64 judged on X0");
}

/* 6.9 Table 17 notes b-d: MIGRATE needs MIGRATE_INFO_UP_CPU; the STAT and MEM_PROTECT pairs go together. */
JUDGE_TEST(pairs_are_table_17s_notes)
{
	unsigned int one_way = 0, both = 0;

	for (unsigned int i = 0; i < psci_pair_count; i++) {
		const struct psci_pair *p = &psci_pairs[i];

		one_way += p->fn == PSCI_NR_MIGRATE && p->with == PSCI_NR_MIGRATE_INFO_UP_CPU && !p->both_ways;
		both += p->both_ways && ((p->fn == PSCI_NR_PSCI_STAT_RESIDENCY && p->with == PSCI_NR_PSCI_STAT_COUNT) ||
					 (p->fn == PSCI_NR_MEM_PROTECT && p->with == PSCI_NR_MEM_PROTECT_CHECK_RANGE));
	}
	expect(psci_pair_count == 3 && one_way == 1 && both == 2, "three pairs: notes b, c, d");
}

/* 5.16.2 Table 11: CPU_SUSPEND may set bits [1:0]; SYSTEM_OFF2 must set HIBERNATE_OFF and nothing else. */
JUDGE_TEST(feature_flags_are_table_11s)
{
	const struct psci_function *suspend = &psci_functions[PSCI_NR_CPU_SUSPEND];
	const struct psci_function *off2 = &psci_functions[PSCI_NR_SYSTEM_OFF2];

	expect(psci_feature_flags_allowed(suspend) == 0x3 && psci_feature_flags_required(suspend) == 0, "CPU_SUSPEND");
	expect(psci_feature_flags_allowed(off2) == 0x1 && psci_feature_flags_required(off2) == 0x1, "SYSTEM_OFF2");
	for (unsigned int nr = 0; nr < PSCI_NR_COUNT; nr++)
		if (nr != PSCI_NR_CPU_SUSPEND && nr != PSCI_NR_SYSTEM_OFF2)
			expect(!psci_feature_flags_allowed(&psci_functions[nr]), "no flags for the others");
}

/* 5.1.10, 5.1.12: the parameters the EXPECT and POWER lines name. */
JUDGE_TEST(parameter_names_follow_the_prototypes)
{
	const struct psci_function *reset2 = &psci_functions[PSCI_NR_SYSTEM_RESET2];
	const struct psci_function *off2 = &psci_functions[PSCI_NR_SYSTEM_OFF2];

	expect(!strcmp(psci_param_name(reset2, 0), "reset_type") && !strcmp(psci_param_name(reset2, 1), "cookie") &&
	       !psci_param_name(reset2, 2), "SYSTEM_RESET2(reset_type, cookie)");
	expect(!strcmp(psci_param_name(off2, 0), "type") && !strcmp(psci_param_name(off2, 1), "cookie"),
	       "SYSTEM_OFF2(type, cookie)");
	expect(!psci_param_name(&psci_functions[PSCI_NR_SYSTEM_OFF], 0), "SYSTEM_OFF()");
	expect(!psci_param_name(reset2, PSCI_MAX_PARAMS), "past the last");
}

/* 5.2.2: INVALID_ADDRESS from 1.0, INVALID_PARAMETERS in its place before. */
JUDGE_TEST(bad_address_code_follows_the_version)
{
	const struct psci_function *on = &psci_functions[PSCI_NR_CPU_ON];
	const struct psci_function *suspend = &psci_functions[PSCI_NR_CPU_SUSPEND];

	expect(psci_bad_address_code(on, PSCI_V0_2) == PSCI_RET_INVALID_PARAMETERS, "CPU_ON at 0.2");
	expect(psci_bad_address_code(on, PSCI_V1_0) == PSCI_RET_INVALID_ADDRESS, "CPU_ON at 1.0");
	expect(psci_bad_address_code(suspend, PSCI_V1_3) == PSCI_RET_INVALID_ADDRESS, "CPU_SUSPEND at 1.3");
}

/* The codes the judges require are ones the table permits, at every version (5.6.2, 5.4.5). */
JUDGE_TEST(codes_the_judges_require_are_permitted)
{
	const struct psci_function *on = &psci_functions[PSCI_NR_CPU_ON];

	for (unsigned int i = 0; i < psci_published_version_count; i++) {
		u32 version = psci_published_versions[i];

		expect(psci_error_permitted(on, version, PSCI_RET_ALREADY_ON), "CPU_ON ALREADY_ON");
		expect(psci_error_permitted(on, version, PSCI_RET_INVALID_PARAMETERS), "CPU_ON INVALID_PARAMETERS");
		expect(psci_error_permitted(on, version, psci_bad_address_code(on, version)), "CPU_ON bad address");
	}
}

/*
 * The error codes the judges accept or require by their own rule, and the
 * function they come from: each must be one the table permits at every
 * version the function exists in, or the judge and the table disagree (a
 * table change that drops one fails here, not silently in a judge).
 */
JUDGE_TEST(codes_the_judges_accept_are_permitted_throughout)
{
	static const struct { unsigned int nr; s32 code; } accepted[] = {
		{ PSCI_NR_CPU_ON, PSCI_RET_DENIED }, { PSCI_NR_CPU_ON, PSCI_RET_INTERNAL_FAILURE },
		{ PSCI_NR_CPU_ON, PSCI_RET_ALREADY_ON }, { PSCI_NR_CPU_ON, PSCI_RET_ON_PENDING },
		{ PSCI_NR_CPU_ON, PSCI_RET_INVALID_PARAMETERS }, { PSCI_NR_CPU_OFF, PSCI_RET_DENIED },
		{ PSCI_NR_AFFINITY_INFO, PSCI_RET_INVALID_PARAMETERS }, { PSCI_NR_AFFINITY_INFO, PSCI_RET_DISABLED },
		{ PSCI_NR_CPU_SUSPEND, PSCI_RET_INVALID_PARAMETERS }, { PSCI_NR_MIGRATE, PSCI_RET_NOT_PRESENT },
		{ PSCI_NR_MIGRATE, PSCI_RET_DENIED }, { PSCI_NR_MIGRATE, PSCI_RET_INVALID_PARAMETERS },
		{ PSCI_NR_MIGRATE, PSCI_RET_NOT_SUPPORTED }, { PSCI_NR_SYSTEM_SUSPEND, PSCI_RET_DENIED },
		{ PSCI_NR_SYSTEM_SUSPEND, PSCI_RET_ALREADY_ON }, { PSCI_NR_SYSTEM_RESET2, PSCI_RET_INVALID_PARAMETERS },
		{ PSCI_NR_SYSTEM_OFF2, PSCI_RET_INVALID_PARAMETERS },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(accepted); i++) {
		const struct psci_function *fn = &psci_functions[accepted[i].nr];

		for (unsigned int j = 0; j < psci_published_version_count; j++) {
			u32 version = psci_published_versions[j];

			if (psci_function_exists_in(fn, version))
				expect(psci_error_permitted(fn, version, accepted[i].code), fn->name);
		}
	}
}

/*
 * The judges' comparison of error codes asks the table: a code the function
 * may not give at the version is no match, even when the value is equal.
 */
JUDGE_TEST(answered_asks_the_table)
{
	const u32 suspend = PSCI_FN(PSCI_NR_CPU_SUSPEND), on64 = PSCI_FN64(PSCI_NR_CPU_ON);
	const u32 off = PSCI_FN(PSCI_NR_CPU_OFF), suspend2 = PSCI_FN(PSCI_NR_SYSTEM_SUSPEND);

	expect(answered(suspend, PSCI_V1_0, (u32)PSCI_RET_DENIED, PSCI_RET_DENIED), "CPU_SUSPEND DENIED at 1.0");
	expect(!answered(suspend, PSCI_V0_2, (u32)PSCI_RET_DENIED, PSCI_RET_DENIED), "CPU_SUSPEND DENIED at 0.2");
	expect(!answered(on64, PSCI_V0_2, (u64)(s64)PSCI_RET_INVALID_ADDRESS, PSCI_RET_INVALID_ADDRESS),
	       "CPU_ON INVALID_ADDRESS at 0.2");
	expect(answered(on64, PSCI_V1_1, (u64)(s64)PSCI_RET_INVALID_ADDRESS, PSCI_RET_INVALID_ADDRESS),
	       "CPU_ON INVALID_ADDRESS at 1.1");
	expect(!answered(on64, PSCI_V1_1, (u32)PSCI_RET_INVALID_ADDRESS, PSCI_RET_INVALID_ADDRESS),
	       "CPU_ON64 reads X0, not W0");
	expect(!answered(off, PSCI_V1_3, (u32)PSCI_RET_ALREADY_ON, PSCI_RET_ALREADY_ON), "CPU_OFF never ALREADY_ON");
	/* A function newer than the version advertised (reported present) is read at its own. */
	expect(answered(suspend2, PSCI_V0_2, (u32)PSCI_RET_DENIED, PSCI_RET_DENIED), "SYSTEM_SUSPEND at its 1.0");
	expect(answered(off, PSCI_V0_2, (u32)PSCI_RET_NOT_SUPPORTED, PSCI_RET_NOT_SUPPORTED), "NOT_SUPPORTED as it is");
	expect(answered(0x8400ff00, PSCI_V1_1, (u32)PSCI_RET_DENIED, PSCI_RET_DENIED), "an ID outside the table");
	expect(!answered(off, PSCI_V1_3, (u32)PSCI_RET_INTERNAL_FAILURE, PSCI_RET_DENIED), "another code");
}

/* 5.16: PSCI_FEATURES from 1.0; 5.7.1: levels above 0 refusable from 1.0, level 0 never. */
JUDGE_TEST(version_rules)
{
	expect(!psci_has_features(PSCI_V0_2) && psci_has_features(PSCI_V1_0) && psci_has_features(PSCI_V1_3),
	       "PSCI_FEATURES from 1.0");
	expect(!psci_affinity_level_refusable(PSCI_V0_2, 1), "0.2 answers every level");
	expect(psci_affinity_level_refusable(PSCI_V1_0, 1) && psci_affinity_level_refusable(PSCI_V1_3, 3),
	       "1.0 on may refuse levels 1-3");
	expect(!psci_affinity_level_refusable(PSCI_V1_3, 0), "level 0 is always answered");
}
