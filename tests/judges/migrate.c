/* Host tests of the MIGRATE judges: right answers pass, wrong ones FAIL. */
#include <judges/migrate.h>
#include "harness.h"

#define W0(ret) ((u64)(u32)(ret))
#define X0(ret) ((u64)(s64)(ret))

static const u64 mpidrs[] = { 0x0, 0x1, 0x100, 0x100000000ul };

static const u32 migrate = PSCI_FN(PSCI_NR_MIGRATE);
static const u32 migrate64 = PSCI_FN64(PSCI_NR_MIGRATE);
static const u32 up_cpu = PSCI_FN(PSCI_NR_MIGRATE_INFO_UP_CPU);
static const u32 up_cpu64 = PSCI_FN64(PSCI_NR_MIGRATE_INFO_UP_CPU);

JUDGE_TEST(info_type_values)
{
	struct verdict v;

	for (s32 type = MIGRATE_TYPE_UP_CAPABLE; type <= MIGRATE_TYPE_NOT_REQUIRED; type++) {
		judge_info_type(type, &v);
		EXPECT_PASS(v);
	}
	judge_info_type(X0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_PASS(v);
	judge_info_type(3, &v);
	EXPECT_FAIL(v);
	judge_info_type(W0(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_FAIL(v);
	judge_info_type(W0(PSCI_RET_DENIED), &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(info_type_must_be_constant)
{
	struct info_type_reading r[] = { { 0, true, 2 }, { 0, true, 2 }, { 1, true, 2 }, { 2, true, 2 } };
	struct verdict v;

	judge_info_type_constant(r, 4, &v);
	EXPECT_PASS(v);
	r[2].value = 1;
	judge_info_type_constant(r, 4, &v);
	EXPECT_FAIL(v);
	r[2].value = 2;
	r[1].value = PSCI_RET_NOT_SUPPORTED;
	judge_info_type_constant(r, 4, &v);
	EXPECT_FAIL(v);
	r[1].value = 2;
	r[3].ran = false;
	judge_info_type_constant(r, 4, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(up_cpu_undefined_without_resident_os)
{
	struct verdict v;

	judge_info_up_cpu(MIGRATE_TYPE_NOT_REQUIRED, up_cpu, W0(PSCI_RET_NOT_SUPPORTED), false, mpidrs, 4, &v);
	EXPECT_SKIP(v);
	judge_info_up_cpu(PSCI_RET_NOT_SUPPORTED, up_cpu64, 0x12345, false, mpidrs, 4, &v);
	EXPECT_SKIP(v);
	judge_info_up_cpu(7, up_cpu64, 0x1, false, mpidrs, 4, &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(up_cpu_must_name_a_cpu)
{
	struct verdict v;

	judge_info_up_cpu(MIGRATE_TYPE_UP_CAPABLE, up_cpu, 0x100, false, mpidrs, 4, &v);
	EXPECT_PASS(v);
	judge_info_up_cpu(MIGRATE_TYPE_UP_NOT_CAPABLE, up_cpu64, 0x100000000ul, false, mpidrs, 4, &v);
	EXPECT_PASS(v);
	/* The SMC32 form sees W0 only, so it cannot name a core with Aff3 set. */
	judge_info_up_cpu(MIGRATE_TYPE_UP_CAPABLE, up_cpu, 0x100000000ul, false, mpidrs, 4, &v);
	EXPECT_PASS(v);
	judge_info_up_cpu(MIGRATE_TYPE_UP_CAPABLE, up_cpu64, 0x2, false, mpidrs, 4, &v);
	EXPECT_FAIL(v);
	judge_info_up_cpu(MIGRATE_TYPE_UP_CAPABLE, up_cpu, W0(PSCI_RET_NOT_SUPPORTED), false, mpidrs, 4, &v);
	EXPECT_FAIL(v);
	judge_info_up_cpu(MIGRATE_TYPE_UP_CAPABLE, up_cpu64, 0x1 | 0xff00000000000000ul, false, mpidrs, 4, &v);
	EXPECT_FAIL(v);
	judge_info_up_cpu(MIGRATE_TYPE_UP_CAPABLE, up_cpu64, X0(PSCI_RET_NOT_SUPPORTED), true, mpidrs, 4, &v);
	EXPECT_SKIP(v);
	if (migrate_resident_cpu(up_cpu, 0x100000000ul, mpidrs, 4) != 0 ||
	    migrate_resident_cpu(up_cpu64, 0x100000000ul, mpidrs, 4) != 3)
		harness_fail(__FILE__, __LINE__, "resident CPU by width", &v);
}

JUDGE_TEST(migrate_follows_table9)
{
	struct verdict v;

	judge_migrate_valid_target(MIGRATE_TYPE_NOT_REQUIRED, PSCI_V1_1, migrate, false, W0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_PASS(v);
	judge_migrate_valid_target(PSCI_RET_NOT_SUPPORTED, PSCI_V1_1, migrate64, true, X0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_PASS(v);
	judge_migrate_valid_target(MIGRATE_TYPE_NOT_REQUIRED, PSCI_V1_1, migrate, false, PSCI_RET_SUCCESS, &v);
	EXPECT_FAIL(v);
	judge_migrate_valid_target(MIGRATE_TYPE_NOT_REQUIRED, PSCI_V1_1, migrate64, false, W0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_FAIL(v);
	judge_migrate_valid_target(MIGRATE_TYPE_NOT_REQUIRED, PSCI_V1_1, migrate, false, W0(PSCI_RET_DENIED), &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(migrate_from_non_resident_core)
{
	struct verdict v;

	judge_migrate_valid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate, false, W0(PSCI_RET_NOT_PRESENT), &v);
	EXPECT_PASS(v);
	judge_migrate_valid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate, false, W0(PSCI_RET_DENIED), &v);
	EXPECT_FAIL(v);
	judge_migrate_valid_target(MIGRATE_TYPE_UP_NOT_CAPABLE, PSCI_V1_1, migrate64, false, X0(PSCI_RET_DENIED), &v);
	EXPECT_PASS(v);
	judge_migrate_valid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate, false, PSCI_RET_SUCCESS, &v);
	EXPECT_FAIL(v);
	judge_migrate_valid_target(MIGRATE_TYPE_UP_NOT_CAPABLE, PSCI_V1_1, migrate, false, W0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_FAIL(v);
	judge_migrate_valid_target(MIGRATE_TYPE_UP_NOT_CAPABLE, PSCI_V1_1, migrate, true, W0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_PASS(v);
	judge_migrate_valid_target(4, PSCI_V1_1, migrate, false, PSCI_RET_SUCCESS, &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(migrate_invalid_target)
{
	struct verdict v;

	judge_migrate_invalid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate, W0(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_PASS(v);
	judge_migrate_invalid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate64, X0(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_PASS(v);
	judge_migrate_invalid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate, PSCI_RET_SUCCESS, &v);
	EXPECT_FAIL(v);
	judge_migrate_invalid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate, W0(PSCI_RET_DENIED), &v);
	EXPECT_FAIL(v);
	judge_migrate_invalid_target(MIGRATE_TYPE_UP_NOT_CAPABLE, PSCI_V1_1, migrate, W0(PSCI_RET_DENIED), &v);
	EXPECT_PASS(v);
	judge_migrate_invalid_target(MIGRATE_TYPE_NOT_REQUIRED, PSCI_V1_1, migrate, W0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_PASS(v);
	judge_migrate_invalid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate, W0(PSCI_RET_NOT_SUPPORTED), &v);
	EXPECT_FAIL(v);
	judge_migrate_invalid_target(MIGRATE_TYPE_UP_CAPABLE, PSCI_V1_1, migrate64, W0(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_FAIL(v);
}
