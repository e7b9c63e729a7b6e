/* Host tests of the fuzz calls judged by the CPUs' states, and of the CPU bookkeeping. */
#include <judges/fuzz_cpus.h>
#include <libc/string.h>
#include "fuzz_fixture.h"

JUDGE_TEST(fuzz_cpu_on_follows_the_target_state)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON64, 0x1, ENTRY, 7, RET(PSCI_RET_ALREADY_ON));
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x1, ENTRY, 7, PSCI_RET_SUCCESS);
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x0, ENTRY, 7, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON64, 0x2, ENTRY, 7, PSCI_RET_SUCCESS);
	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON64, 0x2, ENTRY, 7, RET(PSCI_RET_DENIED));
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x2, ENTRY, 7, RET(PSCI_RET_ALREADY_ON));
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x2, ENTRY, 7, RET(PSCI_RET_INVALID_ADDRESS));
	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON64, 0x3, ENTRY, 7, RET(PSCI_RET_ON_PENDING));
	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON64, 0x3, ENTRY, 7, RET(PSCI_RET_ALREADY_ON));
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x3, ENTRY, 7, PSCI_RET_SUCCESS);
	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON64, 0x5, ENTRY, 7, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x5, ENTRY, 7, PSCI_RET_SUCCESS);
	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON64, 0x2 | BIT(40), ENTRY, 7, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x2 | BIT(40), ENTRY, 7, PSCI_RET_SUCCESS);
	/* 0.2 used INVALID_PARAMETERS for a bad entry point; with the valid one it is wrong there too. */
	k.psci_version = PSCI_V0_2;
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON64, 0x2, ENTRY, 7, RET(PSCI_RET_INVALID_PARAMETERS));
}

JUDGE_TEST(fuzz_cpu_on_smc32_reads_w_registers)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON32, JUNK | 0x1, ENTRY, JUNK | 7, (u32)PSCI_RET_ALREADY_ON);
	EXPECT_RESULT(CHECK_FAIL, &k, CPU_ON32, JUNK | 0x1, ENTRY, JUNK | 7, (u32)PSCI_RET_INVALID_PARAMETERS);
	EXPECT_RESULT(CHECK_PASS, &k, CPU_ON32, JUNK | 0x2, ENTRY, 7, JUNK | PSCI_RET_SUCCESS);
}

JUDGE_TEST(fuzz_cpu_on_unknown_or_foreign_entry_keeps_the_table)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	struct fuzz_cpus cpus = four_cpus;
	struct fuzz_call c = fuzz_call_of(CPU_ON64, 0x2, ENTRY + 4, 7, RET(PSCI_RET_INVALID_ADDRESS));

	EXPECT_CHECK(CHECK_PASS, &k, &cpus, &c, FUZZ_RESULTS);
	cpus.unknown[2] = true;
	c = fuzz_call_of(CPU_ON64, 0x2, ENTRY, 7, RET(PSCI_RET_ALREADY_ON));
	EXPECT_CHECK(CHECK_PASS, &k, &cpus, &c, FUZZ_RESULTS);
	c.out[0] = 1;
	EXPECT_CHECK(CHECK_FAIL, &k, &cpus, &c, FUZZ_RESULTS);
}

JUDGE_TEST(fuzz_affinity_info_level0)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x1, 0, 0, PSCI_AFF_ON);
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x1, 0, 0, PSCI_AFF_OFF);
	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x2, 0, 0, PSCI_AFF_OFF);
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x2, 0, 0, PSCI_AFF_ON);
	/* Every CPU has run: DISABLED cannot be. */
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x2, 0, 0, RET(PSCI_RET_DISABLED));
	/* A CPU whose CPU_ON returned SUCCESS is not OFF (6.6). */
	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x3, 0, 0, PSCI_AFF_ON_PENDING);
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x3, 0, 0, PSCI_AFF_OFF);
	/* No such CPU: only INVALID_PARAMETERS, not OFF. */
	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x9, 0, 0, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x9, 0, 0, PSCI_AFF_OFF);
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x1 | BIT(24), 0, 0, PSCI_AFF_ON);
	/* SMC32: the level is W2, junk above it must not turn level 0 into another. */
	EXPECT_RESULT(CHECK_PASS, &k, AFF32, JUNK | 0x2, JUNK, 0, PSCI_AFF_OFF);
	EXPECT_RESULT(CHECK_FAIL, &k, AFF32, JUNK | 0x2, JUNK, 0, PSCI_AFF_ON);
}

JUDGE_TEST(fuzz_affinity_info_levels_above_0)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);

	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x2, 1, 0, PSCI_AFF_ON);
	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x2, 1, 0, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x2, 1, 0, PSCI_AFF_OFF);
	/* Cluster 5 does not exist: ON is wrong at any level. */
	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x500, 1, 0, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x500, 1, 0, PSCI_AFF_ON);
	EXPECT_RESULT(CHECK_PASS, &k, AFF64, 0x1, 4, 0, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x1, 4, 0, PSCI_AFF_ON);
	/* Before 1.0 every level had to be answered (5.7.1). */
	k.psci_version = PSCI_V0_2;
	EXPECT_RESULT(CHECK_FAIL, &k, AFF64, 0x2, 1, 0, RET(PSCI_RET_INVALID_PARAMETERS));
}

JUDGE_TEST(fuzz_node_hw_state_running_cores)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	u32 hw = PSCI_FN64(PSCI_NR_NODE_HW_STATE);

	k.features[1][PSCI_NR_NODE_HW_STATE] = 0;
	EXPECT_RESULT(CHECK_PASS, &k, hw, 0x0, 0, 0, PSCI_HW_ON);
	EXPECT_RESULT(CHECK_FAIL, &k, hw, 0x0, 0, 0, PSCI_HW_STANDBY);
	EXPECT_RESULT(CHECK_PASS, &k, hw, 0x1, 0, 0, PSCI_HW_STANDBY);
	EXPECT_RESULT(CHECK_FAIL, &k, hw, 0x1, 0, 0, PSCI_HW_OFF);
	EXPECT_RESULT(CHECK_PASS, &k, hw, 0x2, 0, 0, PSCI_HW_OFF);
	EXPECT_RESULT(CHECK_PASS, &k, hw, 0x9, 0, 0, RET(PSCI_RET_INVALID_PARAMETERS));
	EXPECT_RESULT(CHECK_FAIL, &k, hw, 0x9, 0, 0, PSCI_HW_OFF);
	/* power_level 7 is IMPLEMENTATION DEFINED: only the result kind is fixed. */
	EXPECT_RESULT(CHECK_PASS, &k, hw, 0x9, 7, 0, PSCI_HW_OFF);
	EXPECT_RESULT(CHECK_FAIL, &k, hw, 0x9, 7, 0, 3);
}

JUDGE_TEST(fuzz_cpu_on_success_starts_an_off_target)
{
	struct fuzz_cpus cpus = four_cpus;
	struct fuzz_call c = fuzz_call_of(CPU_ON64, 0x2, ENTRY, 7, PSCI_RET_SUCCESS);

	fuzz_cpus_note(&cpus, &c);
	EXPECT_FACT(cpus.cpu[2].state == CPU_KNOWN_STARTING && !cpus.unknown[2], "CPU 2 STARTING after CPU_ON SUCCESS");
	/* Refused, or another call: nothing changes. */
	cpus = four_cpus;
	c = fuzz_call_of(CPU_ON64, 0x2, ENTRY, 7, RET(PSCI_RET_DENIED));
	fuzz_cpus_note(&cpus, &c);
	c = fuzz_call_of(AFF64, 0x2, 0, 0, PSCI_RET_SUCCESS);
	fuzz_cpus_note(&cpus, &c);
	EXPECT_FACT(!memcmp(&cpus, &four_cpus, sizeof(cpus)), "no change without CPU_ON SUCCESS");
}

JUDGE_TEST(fuzz_cpu_on_success_against_the_spec_forgets_the_state)
{
	struct fuzz_knowledge k = fuzz_knowledge_of(PSCI_V1_1, SMCCC_V1_1);
	struct fuzz_cpus cpus = four_cpus;
	/* SMC32: the upper half of x1 is no part of the MPIDR. */
	struct fuzz_call c = fuzz_call_of(CPU_ON32, JUNK | 0x1, ENTRY, 7, JUNK | PSCI_RET_SUCCESS);

	fuzz_cpus_note(&cpus, &c);
	EXPECT_FACT(cpus.unknown[1] && !cpus.unknown[2], "CPU 1, running, unknown after CPU_ON SUCCESS");
	/* An MPIDR no CPU has: whichever CPU was OFF may have started. */
	cpus = four_cpus;
	c = fuzz_call_of(CPU_ON64, 0x2 | BIT(24), ENTRY, 7, PSCI_RET_SUCCESS);
	fuzz_cpus_note(&cpus, &c);
	EXPECT_FACT(cpus.unknown[2] && !cpus.unknown[0] && !cpus.unknown[1] && !cpus.unknown[3], "only CPU 2, OFF, unknown");
	c = fuzz_call_of(AFF64, 0x2, 0, 0, PSCI_AFF_ON);
	EXPECT_CHECK(CHECK_PASS, &k, &cpus, &c, FUZZ_RESULTS);
	c.out[0] = PSCI_AFF_OFF;
	EXPECT_CHECK(CHECK_PASS, &k, &cpus, &c, FUZZ_RESULTS);
}

JUDGE_TEST(fuzz_cpus_alive_names_the_lost)
{
	const u64 mpidr[] = { 0x0, 0x1, 0x100 };
	bool alive[] = { true, true, true };
	struct verdict v;

	judge_fuzz_cpus_alive(3, mpidr, alive, 10000, &v);
	EXPECT_PASS(v);
	alive[2] = false;
	judge_fuzz_cpus_alive(3, mpidr, alive, 10000, &v);
	EXPECT_FAIL(v);
	EXPECT_TEXT(v, "CPU 2 (MPIDR 0x100)");
}
