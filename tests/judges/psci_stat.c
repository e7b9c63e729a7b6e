/* Host tests of the PSCI_STAT judges: right answers pass, wrong ones FAIL. */
#include <judges/psci_stat.h>
#include "harness.h"

static struct stat_run good_run(bool smc64)
{
	return (struct stat_run){
		.count_id = smc64 ? PSCI_FN64(PSCI_NR_PSCI_STAT_COUNT) : PSCI_FN(PSCI_NR_PSCI_STAT_COUNT),
		.residency_id = smc64 ? PSCI_FN64(PSCI_NR_PSCI_STAT_RESIDENCY) : PSCI_FN(PSCI_NR_PSCI_STAT_RESIDENCY),
		.power_state = 0, .calls = 4, .waited = 4, .elapsed_us = 8000,
		.count_before = 2, .count_after = 6, .residency_before = 100, .residency_after = 7900,
	};
}

JUDGE_TEST(stat_count_grows_by_the_calls)
{
	struct stat_run r = good_run(true);
	struct verdict v;

	judge_stat_count_grows(&r, &v);
	EXPECT_PASS(v);
	r.count_after = 5;	/* one call that waited not counted */
	judge_stat_count_grows(&r, &v);
	EXPECT_FAIL(v);
	r.count_after = 7;	/* more entries than calls */
	judge_stat_count_grows(&r, &v);
	EXPECT_FAIL(v);
	r.count_after = 2;	/* nothing counted */
	judge_stat_count_grows(&r, &v);
	EXPECT_FAIL(v);
	r.count_after = 1;	/* went down */
	judge_stat_count_grows(&r, &v);
	EXPECT_FAIL(v);
	/* A call that returned at once may not have entered. */
	r = good_run(true);
	r.waited = 3;
	r.count_after = 5;
	judge_stat_count_grows(&r, &v);
	EXPECT_PASS(v);
	r.waited = 0;
	judge_stat_count_grows(&r, &v);
	EXPECT_SKIP(v);
}

JUDGE_TEST(stat_count_smc32_reads_w0)
{
	struct stat_run r = good_run(false);
	struct verdict v;

	r.count_before = 0xdead000000000002ul;
	r.count_after = 0xbeef000000000006ul;
	judge_stat_count_grows(&r, &v);
	EXPECT_PASS(v);
	r = good_run(true);
	r.count_after = 0x100000006ul;
	judge_stat_count_grows(&r, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(stat_residency_within_the_calls)
{
	struct stat_run r = good_run(true);
	struct verdict v;

	judge_stat_residency_grows(&r, &v);
	EXPECT_PASS(v);
	r.residency_after = 100 + 8004;	/* the calls' time, each rounded up */
	judge_stat_residency_grows(&r, &v);
	EXPECT_PASS(v);
	r.residency_after = 100 + 8000 * 62;	/* timer ticks, not microseconds */
	judge_stat_residency_grows(&r, &v);
	EXPECT_FAIL(v);
	r.residency_after = 100;	/* waited, added nothing */
	judge_stat_residency_grows(&r, &v);
	EXPECT_FAIL(v);
	r.residency_after = 50;
	judge_stat_residency_grows(&r, &v);
	EXPECT_FAIL(v);
}

JUDGE_TEST(stat_zero_for_cores_that_never_entered)
{
	u32 count = PSCI_FN64(PSCI_NR_PSCI_STAT_COUNT), count32 = PSCI_FN(PSCI_NR_PSCI_STAT_COUNT);
	struct stat_unentered u[] = { { 0, 0x0, 0, 0 }, { 2, 0x2, 0, 0 } };
	struct verdict v;

	judge_stat_never_entered(count, u, 2, &v);
	EXPECT_PASS(v);
	judge_stat_never_entered(count, u, 0, &v);
	EXPECT_SKIP(v);
	u[1].count_x0 = 4;	/* the suspending core's count, answered for another */
	judge_stat_never_entered(count, u, 2, &v);
	EXPECT_FAIL(v);
	u[1].count_x0 = 0;
	u[0].residency_x0 = 7;
	judge_stat_never_entered(count, u, 2, &v);
	EXPECT_FAIL(v);
	u[0].residency_x0 = 0xffffffff00000000ul;	/* SMC32: W0 is 0 */
	judge_stat_never_entered(count32, u, 2, &v);
	EXPECT_PASS(v);
}
