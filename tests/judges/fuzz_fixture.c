#include <judges/convention.h>
#include <libc/string.h>
#include "fuzz_fixture.h"

static const u32 mandatory_ids[] = {
	PSCI_FN(PSCI_NR_PSCI_VERSION), PSCI_FN(PSCI_NR_CPU_SUSPEND), PSCI_FN64(PSCI_NR_CPU_SUSPEND),
	PSCI_FN(PSCI_NR_CPU_OFF), PSCI_FN(PSCI_NR_CPU_ON), PSCI_FN64(PSCI_NR_CPU_ON),
	PSCI_FN(PSCI_NR_AFFINITY_INFO), PSCI_FN64(PSCI_NR_AFFINITY_INFO), PSCI_FN(PSCI_NR_SYSTEM_OFF),
	PSCI_FN(PSCI_NR_SYSTEM_RESET), PSCI_FN(PSCI_NR_PSCI_FEATURES), PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE),
};

struct fuzz_knowledge fuzz_knowledge_of(u32 psci_version, u32 smccc_version)
{
	struct fuzz_knowledge k = {
		.psci_version = psci_version,
		.smccc_version = smccc_version,
		.smccc_version_feature = smccc_version >= SMCCC_V1_1 ? 0 : PSCI_RET_NOT_SUPPORTED,
		.smccc_version_word = smccc_version >= SMCCC_V1_1 ? smccc_version : NOT_SUPPORTED_W0,
		.migrate_info_type = MIGRATE_TYPE_NOT_REQUIRED,
		.entry_point = ENTRY,
	};

	for (int w = 0; w < 2; w++)
		for (int n = 0; n < PSCI_FN_COUNT; n++)
			k.features[w][n] = PSCI_RET_NOT_SUPPORTED;
	for (unsigned int i = 0; i < ARRAY_SIZE(mandatory_ids); i++)
		k.features[PSCI_FN_IS_SMC64(mandatory_ids[i])][PSCI_FN_NUMBER(mandatory_ids[i])] = 0;
	for (int cpu = 0; cpu < FUZZ_MAX_CPUS; cpu++)
		for (unsigned int q = 0; q < fuzz_arch_question_count(); q++)
			k.arch_features[cpu][q] = smccc_version >= SMCCC_V1_1 ? 0 : SMCCC_RET_NOT_SUPPORTED;
	return k;
}

const struct fuzz_cpus four_cpus = {
	.count = 4,
	.cpu = { { 0x0, CPU_KNOWN_ON }, { 0x1, CPU_KNOWN_ON }, { 0x2, CPU_KNOWN_OFF }, { 0x3, CPU_KNOWN_STARTING } },
};

struct fuzz_call fuzz_call_of(u32 id, u64 a1, u64 a2, u64 a3, u64 x0)
{
	struct fuzz_call c = { .cpu = 0, .index = 4711, .in = { id, a1, a2, a3 }, .out = { x0, a1, a2, a3 } };

	for (int i = SMCCC_FIRST_PRESERVED; i <= SMCCC_LAST_PRESERVED; i++)
		c.in[i] = c.out[i] = 0x5eed0000ul + i;
	return c;
}

static const struct fuzz_count *count_of(const struct fuzz_tally *t, enum fuzz_property p, u32 id)
{
	switch (p) {
	case FUZZ_RESULTS:
		return &t->results[fuzz_class_of(id)];
	case FUZZ_SMC32_UPPER:
		return &t->upper[fuzz_class_of(id)];
	case FUZZ_PRESERVED:
		return &t->preserved;
	default:
		return &t->stable;
	}
}

void fuzz_tally_one(struct fuzz_tally *t, const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus,
		    const struct fuzz_call *c, bool blame_upper)
{
	struct fuzz_judgement j;

	judge_fuzz_call(k, cpus, c, &j);
	fuzz_tally_call(t, c, &j, blame_upper, 0);
}

struct verdict fuzz_verdict_of(const struct fuzz_tally *t, enum fuzz_property p, u32 id, u32 smccc_version)
{
	const struct fuzz_run run = { SEED, smccc_version };
	struct verdict v;

	judge_fuzz_check(count_of(t, p, id), p, &run, &v);
	return v;
}

struct verdict fuzz_check_after(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus,
				const struct fuzz_call *c, enum fuzz_property p)
{
	static struct fuzz_tally t;

	memset(&t, 0, sizeof(t));
	fuzz_tally_one(&t, k, cpus, c, false);
	return fuzz_verdict_of(&t, p, (u32)c->in[0], k->smccc_version);
}

struct verdict fuzz_result_of(const struct fuzz_knowledge *k, u32 id, u64 a1, u64 a2, u64 a3, u64 x0)
{
	struct fuzz_call c = fuzz_call_of(id, a1, a2, a3, x0);

	return fuzz_check_after(k, &four_cpus, &c, FUZZ_RESULTS);
}

bool text_contains(const char *text, const char *part)
{
	for (size_t n = strlen(part); *text; text++)
		if (!strncmp(text, part, n))
			return true;
	return false;
}
