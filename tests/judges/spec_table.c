/* Host tests of the spec table itself: the lookups the judges rely on. */
#include "harness.h"
#include "psci-spec.h"

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
