/* Host tests of the affinity arithmetic and the AFFINITY_INFO judges. */
#include <judges/affinity.h>
#include "harness.h"

#define AI PSCI_FN(PSCI_NR_AFFINITY_INFO)
#define AI64 PSCI_FN64(PSCI_NR_AFFINITY_INFO)
#define RET(code) ((u64)(s64)(code))

static void expect(bool ok, const char *what)
{
	struct verdict v;

	verdict_expect(&v, ok, "%s", what);
	EXPECT_PASS(v);
}

JUDGE_TEST(mpidr_fields)
{
	expect(mpidr_aff(0x0100020304UL, 0) == 4, "Aff0");
	expect(mpidr_aff(0x0100020304UL, 1) == 3, "Aff1");
	expect(mpidr_aff(0x0100020304UL, 2) == 2, "Aff2");
	expect(mpidr_aff(0x0100020304UL, 3) == 1, "Aff3 is bits [39:32]");
	expect(mpidr_with_aff(0x0100020304UL, 3, 0x7f) == 0x7f00020304UL, "Aff3 replaced");
	expect(mpidr_same_instance(0x0101, 0x01ff, 1), "same cluster, Aff0 ignored at level 1");
	expect(!mpidr_same_instance(0x0101, 0x0201, 1), "other cluster");
	expect(!mpidr_same_instance(0x0101, 0x01000101UL, 3), "reserved bits never match");
}

JUDGE_TEST(mpidr_absent_one_above_the_highest)
{
	static const u64 cpus[] = { 0x0, 0x1, 0x2, 0x3, 0x100 };
	u64 absent = 0;

	expect(mpidr_absent(cpus, 5, 0x3, 0, &absent) && absent == 0x4, "Aff0 past the last CPU of cluster 0");
	expect(mpidr_absent(cpus, 5, 0x100, 0, &absent) && absent == 0x101, "Aff0 past the last CPU of cluster 1");
	expect(mpidr_absent(cpus, 5, 0x0, 1, &absent) && absent == 0x200, "Aff1 past the last cluster");
	expect(mpidr_absent(cpus, 5, 0x0, 3, &absent) && absent == 0x100000000UL, "Aff3 no CPU has");
}

JUDGE_TEST(mpidr_absent_wraps_or_gives_up)
{
	u64 cpus[256], absent = 0;

	for (int i = 0; i < 256; i++)
		cpus[i] = i;
	expect(!mpidr_absent(cpus, 256, 0, 0, &absent), "all 256 Aff0 values taken");
	cpus[5] = 0x100;
	expect(mpidr_absent(cpus, 256, 0, 0, &absent) && absent == 0x5, "the free value below the highest");
}

JUDGE_TEST(expected_state_of_instances)
{
	static const struct known_cpu cpus[] = {
		{ 0x000, CPU_KNOWN_ON }, { 0x001, CPU_KNOWN_OFF },
		{ 0x100, CPU_KNOWN_OFF }, { 0x101, CPU_KNOWN_STARTING },
		{ 0x200, CPU_KNOWN_OFF },
	};

	expect(affinity_expected(cpus, 5, 0x000, 0) == AFFINITY_EXPECT_ON, "the caller");
	expect(affinity_expected(cpus, 5, 0x001, 0) == AFFINITY_EXPECT_OFF, "an OFF CPU");
	expect(affinity_expected(cpus, 5, 0x101, 0) == AFFINITY_EXPECT_ON_OR_PENDING, "a starting CPU");
	expect(affinity_expected(cpus, 5, 0x0ee, 1) == AFFINITY_EXPECT_ON, "cluster 0 has an ON CPU");
	expect(affinity_expected(cpus, 5, 0x100, 1) == AFFINITY_EXPECT_ON_OR_PENDING, "cluster 1 pending");
	expect(affinity_expected(cpus, 5, 0x2e1, 1) == AFFINITY_EXPECT_OFF, "cluster 2 all OFF");
	expect(affinity_expected(cpus, 5, 0x300, 1) == AFFINITY_EXPECT_INVALID, "no cluster 3");
	expect(affinity_expected(cpus, 5, 0xe1e1e1, 2) == AFFINITY_EXPECT_INVALID, "no Aff2 0xe1");
	expect(affinity_expected(cpus, 5, 0x00e1e1, 2) == AFFINITY_EXPECT_ON, "Aff2 0 holds the caller");
	expect(affinity_expected(cpus, 5, 0x000, 4) == AFFINITY_EXPECT_INVALID, "no level 4");
	expect(affinity_expected(cpus, 5, 0x01000000, 0) == AFFINITY_EXPECT_INVALID, "bit 24 reserved");
	expect(affinity_expected(cpus, 5, 1UL << 40, 3) == AFFINITY_EXPECT_INVALID, "bit 40 reserved");
}

static struct verdict verdict;

static struct verdict *judge(u32 id, u64 target, u32 level, enum affinity_expect expect, u32 version, u64 x0)
{
	struct affinity_query q = { .id = id, .target = target, .level = level, .expect = expect, .x0 = x0 };

	judge_affinity_info(&q, version, &verdict);
	return &verdict;
}

JUDGE_TEST(level0_state_must_be_right)
{
	EXPECT_PASS(*judge(AI64, 0, 0, AFFINITY_EXPECT_ON, PSCI_V1_1, PSCI_AFF_ON));
	EXPECT_FAIL(*judge(AI64, 0, 0, AFFINITY_EXPECT_ON, PSCI_V1_1, PSCI_AFF_OFF));
	EXPECT_PASS(*judge(AI, 1, 0, AFFINITY_EXPECT_OFF, PSCI_V1_1, PSCI_AFF_OFF));
	EXPECT_FAIL(*judge(AI, 1, 0, AFFINITY_EXPECT_OFF, PSCI_V1_1, PSCI_AFF_ON_PENDING));
	/* Level 0 may never be refused, whatever the version. */
	EXPECT_FAIL(*judge(AI, 1, 0, AFFINITY_EXPECT_OFF, PSCI_V1_1, (u32)PSCI_RET_INVALID_PARAMETERS));
}

JUDGE_TEST(on_pending_only_while_starting)
{
	EXPECT_PASS(*judge(AI64, 1, 0, AFFINITY_EXPECT_ON_OR_PENDING, PSCI_V1_1, PSCI_AFF_ON_PENDING));
	EXPECT_PASS(*judge(AI64, 1, 0, AFFINITY_EXPECT_ON_OR_PENDING, PSCI_V1_1, PSCI_AFF_ON));
	EXPECT_FAIL(*judge(AI64, 1, 0, AFFINITY_EXPECT_ON_OR_PENDING, PSCI_V1_1, PSCI_AFF_OFF));
	EXPECT_FAIL(*judge(AI64, 1, 0, AFFINITY_EXPECT_ON, PSCI_V1_1, PSCI_AFF_ON_PENDING));
}

JUDGE_TEST(smc32_judged_on_w0_smc64_on_x0)
{
	EXPECT_PASS(*judge(AI, 1, 0, AFFINITY_EXPECT_OFF, PSCI_V1_1, 0xdead000000000001UL));
	EXPECT_FAIL(*judge(AI64, 1, 0, AFFINITY_EXPECT_OFF, PSCI_V1_1, 0xdead000000000001UL));
	EXPECT_PASS(*judge(AI64, BIT(24), 0, AFFINITY_EXPECT_INVALID, PSCI_V1_1, RET(PSCI_RET_INVALID_PARAMETERS)));
	EXPECT_FAIL(*judge(AI64, BIT(24), 0, AFFINITY_EXPECT_INVALID, PSCI_V1_1, (u32)PSCI_RET_INVALID_PARAMETERS));
}

JUDGE_TEST(levels_above_0_per_version)
{
	/* From 1.0: the right state or INVALID_PARAMETERS. */
	EXPECT_PASS(*judge(AI64, 0, 1, AFFINITY_EXPECT_ON, PSCI_V1_0, PSCI_AFF_ON));
	EXPECT_PASS(*judge(AI64, 0, 2, AFFINITY_EXPECT_ON, PSCI_V1_1, RET(PSCI_RET_INVALID_PARAMETERS)));
	EXPECT_FAIL(*judge(AI64, 0, 3, AFFINITY_EXPECT_ON, PSCI_V1_3, PSCI_AFF_OFF));
	EXPECT_FAIL(*judge(AI64, 0, 1, AFFINITY_EXPECT_ON, PSCI_V1_1, RET(PSCI_RET_NOT_SUPPORTED)));
	/* 0.2: every level must be answered. */
	EXPECT_PASS(*judge(AI, 0, 2, AFFINITY_EXPECT_ON, PSCI_V0_2, PSCI_AFF_ON));
	EXPECT_FAIL(*judge(AI, 0, 1, AFFINITY_EXPECT_ON, PSCI_V0_2, (u32)PSCI_RET_INVALID_PARAMETERS));
	EXPECT_PASS(*judge(AI, 0x100, 1, AFFINITY_EXPECT_OFF, PSCI_V0_2, PSCI_AFF_OFF));
	EXPECT_FAIL(*judge(AI, 0x100, 1, AFFINITY_EXPECT_OFF, PSCI_V0_2, PSCI_AFF_ON));
}

JUDGE_TEST(absent_instances_and_levels_are_invalid)
{
	EXPECT_PASS(*judge(AI64, 0, 4, AFFINITY_EXPECT_INVALID, PSCI_V1_1, RET(PSCI_RET_INVALID_PARAMETERS)));
	EXPECT_FAIL(*judge(AI64, 0, 4, AFFINITY_EXPECT_INVALID, PSCI_V1_1, PSCI_AFF_ON));
	EXPECT_FAIL(*judge(AI, 0x300, 1, AFFINITY_EXPECT_INVALID, PSCI_V1_1, PSCI_AFF_ON));
	EXPECT_FAIL(*judge(AI, 0x8, 0, AFFINITY_EXPECT_INVALID, PSCI_V1_1, PSCI_AFF_OFF));
	EXPECT_FAIL(*judge(AI, 0x8, 0, AFFINITY_EXPECT_INVALID, PSCI_V1_1, (u32)PSCI_RET_DISABLED));
}

JUDGE_TEST(disabled_only_for_never_booted)
{
	struct affinity_query q = { .id = AI64, .target = 1, .expect = AFFINITY_EXPECT_OFF,
				    .x0 = RET(PSCI_RET_DISABLED) };
	struct verdict v;

	judge_affinity_info(&q, PSCI_V1_1, &v);
	EXPECT_FAIL(v);
	q.never_booted = true;
	judge_affinity_info(&q, PSCI_V1_1, &v);
	EXPECT_INFO(v);
}

JUDGE_TEST(lower_fields_must_be_ignored)
{
	struct verdict v;

	judge_affinity_lower_fields_ignored(AI64, 1, PSCI_AFF_ON, PSCI_AFF_ON, &v);
	EXPECT_PASS(v);
	judge_affinity_lower_fields_ignored(AI64, 1, RET(PSCI_RET_INVALID_PARAMETERS),
					    RET(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_PASS(v);
	judge_affinity_lower_fields_ignored(AI64, 2, PSCI_AFF_ON, RET(PSCI_RET_INVALID_PARAMETERS), &v);
	EXPECT_FAIL(v);
	judge_affinity_lower_fields_ignored(AI, 1, PSCI_AFF_ON, PSCI_AFF_OFF, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(invalid_mpidrs_match_no_cpu)
{
	static const u64 cpus[] = { 0x0, 0x1, 0x2, 0x3 };
	struct invalid_mpidr bad[INVALID_MPIDR_KINDS];
	struct known_cpu known[4];
	int n = invalid_mpidrs(cpus, 4, 0x1, bad);

	for (int i = 0; i < 4; i++)
		known[i] = (struct known_cpu){ cpus[i], CPU_KNOWN_ON };
	expect(n == INVALID_MPIDR_KINDS, "every kind built");
	expect(bad[0].mpidr == 0x4, "Aff0 past the last CPU");
	expect(bad[4].mpidr == 0x01000001, "bit 24 on the caller's MPIDR");
	for (int i = 0; i < n; i++)
		expect(affinity_expected(known, 4, bad[i].mpidr, 0) == AFFINITY_EXPECT_INVALID, bad[i].name);
}
