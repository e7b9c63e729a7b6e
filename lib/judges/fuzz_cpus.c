#include <judges/fuzz_cpus.h>
#include <libc/string.h>

static bool touches_unknown(const struct fuzz_cpus *cpus, u64 target, u32 level)
{
	if (level >= MPIDR_LEVELS)
		return false;
	for (int i = 0; i < cpus->count; i++)
		if (cpus->unknown[i] && mpidr_same_instance(cpus->cpu[i].mpidr, target, level))
			return true;
	return false;
}

static enum affinity_expect expected(const struct fuzz_cpus *cpus, u64 target, u32 level)
{
	return affinity_expected(cpus->cpu, cpus->count, target, level);
}

/* 5.6.2, 6.6: with the runtime's own entry point, the target's state decides. */
void fuzz_narrow_cpu_on(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus, const struct fuzz_call *c,
			struct fuzz_permitted *p)
{
	u64 target = fuzz_arg(c, 1);

	if (fuzz_arg(c, 2) != k->entry_point || touches_unknown(cpus, target, 0))
		return;
	switch (expected(cpus, target, 0)) {
	case AFFINITY_EXPECT_INVALID:
		fuzz_narrow(p, 0, FUZZ_ERR(PSCI_RET_INVALID_PARAMETERS),
			    "no CPU of the DT has this MPIDR, or a reserved bit is set (5.1.4)");
		break;
	case AFFINITY_EXPECT_ON:
		fuzz_narrow(p, 0, FUZZ_ERR(PSCI_RET_ALREADY_ON), "the target is running (6.6)");
		break;
	case AFFINITY_EXPECT_ON_OR_PENDING:
		fuzz_narrow(p, 0, FUZZ_ERR(PSCI_RET_ALREADY_ON) | FUZZ_ERR(PSCI_RET_ON_PENDING),
			    "an earlier CPU_ON of the target returned SUCCESS (6.6)");
		break;
	case AFFINITY_EXPECT_OFF:
		fuzz_narrow(p, FUZZ_VAL(PSCI_RET_SUCCESS), FUZZ_ERR(PSCI_RET_DENIED) | FUZZ_ERR(PSCI_RET_INTERNAL_FAILURE),
			    "the target is OFF and the entry point valid (5.6.2)");
		break;
	}
}

/* 5.7.1: the instance's state from its CPUs'; from 1.0 a level above 0 may be refused. */
void fuzz_narrow_affinity_info(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus,
			       const struct fuzz_call *c, struct fuzz_permitted *p)
{
	static const struct {
		u32 values, errors;
		const char *why;
	} by_expect[] = {
		[AFFINITY_EXPECT_ON] = { FUZZ_VAL(PSCI_AFF_ON), 0, "a CPU of the instance is running (5.7.1)" },
		[AFFINITY_EXPECT_OFF] = { FUZZ_VAL(PSCI_AFF_OFF), 0, "every CPU of the instance is OFF (5.7.1)" },
		[AFFINITY_EXPECT_ON_OR_PENDING] = { FUZZ_VAL(PSCI_AFF_ON) | FUZZ_VAL(PSCI_AFF_ON_PENDING), 0,
						    "CPU_ON of a CPU of the instance returned SUCCESS, none runs yet (5.7.1, 6.6)" },
		[AFFINITY_EXPECT_INVALID] = { 0, FUZZ_ERR(PSCI_RET_INVALID_PARAMETERS),
					      "no such instance or level, or reserved MPIDR bits set (5.1.5, 5.7.2)" },
	};
	u64 target = fuzz_arg(c, 1);
	/* lowest_affinity_level is a uint32 in both conventions (5.1.5). */
	u32 level = (u32)c->in[2];
	enum affinity_expect e;
	u32 errors;

	if (touches_unknown(cpus, target, level))
		return;
	e = expected(cpus, target, level);
	errors = by_expect[e].errors;
	if (psci_affinity_level_refusable(k->psci_version, level))
		errors |= FUZZ_ERR(PSCI_RET_INVALID_PARAMETERS);
	fuzz_narrow(p, by_expect[e].values, errors, by_expect[e].why);
}

/* 5.19: power_level 0 is a core; a core that is running cannot be powered down. */
void fuzz_narrow_node_hw_state(const struct fuzz_cpus *cpus, const struct fuzz_call *c, struct fuzz_permitted *p)
{
	u64 target = fuzz_arg(c, 1);

	/* power_level is a uint32 in both conventions (5.1.18). */
	if ((u32)c->in[2] != 0 || touches_unknown(cpus, target, 0))
		return;
	if (target == cpus->cpu[c->cpu].mpidr)
		fuzz_narrow(p, FUZZ_VAL(PSCI_HW_ON), 0, "the caller itself, running the call (5.19)");
	else if (expected(cpus, target, 0) == AFFINITY_EXPECT_INVALID)
		fuzz_narrow(p, 0, FUZZ_ERR(PSCI_RET_INVALID_PARAMETERS), "no such core (5.1.18, 5.19.3)");
	else if (expected(cpus, target, 0) == AFFINITY_EXPECT_ON)
		fuzz_narrow(p, FUZZ_VAL(PSCI_HW_ON) | FUZZ_VAL(PSCI_HW_STANDBY), 0, "a running core: on or in standby (5.19)");
}

bool fuzz_is_cpu_mpidr(const struct fuzz_cpus *cpus, u32 id, s64 ret)
{
	for (int i = 0; i < cpus->count; i++)
		if (PSCI_FN_IS_SMC64(id) ? (u64)ret == cpus->cpu[i].mpidr : (u32)ret == (u32)cpus->cpu[i].mpidr)
			return true;
	return false;
}

static int cpu_with_mpidr(const struct fuzz_cpus *cpus, u64 mpidr)
{
	for (int i = 0; i < cpus->count; i++)
		if (cpus->cpu[i].mpidr == mpidr)
			return i;
	return -1;
}

void fuzz_cpus_note(struct fuzz_cpus *cpus, const struct fuzz_call *c)
{
	u32 id = (u32)c->in[0];
	int cpu;

	if (fuzz_class_of(id) != PSCI_NR_CPU_ON || psci_result(id, c->out[0]) != PSCI_RET_SUCCESS)
		return;
	cpu = cpu_with_mpidr(cpus, fuzz_arg(c, 1));
	if (cpu < 0) {
		/* SUCCESS for an MPIDR no CPU has (5.6.2 forbids it): any CPU that was OFF may have started. */
		for (int i = 0; i < cpus->count; i++)
			if (cpus->cpu[i].state == CPU_KNOWN_OFF)
				cpus->unknown[i] = true;
	} else if (cpus->cpu[cpu].state == CPU_KNOWN_OFF) {
		cpus->cpu[cpu].state = CPU_KNOWN_STARTING;
	} else {
		cpus->unknown[cpu] = true;
	}
}

void judge_fuzz_cpus_alive(int count, const u64 *mpidr, const bool *alive, u32 bound_ms, struct verdict *v)
{
	char dead[VERDICT_WHY_SIZE / 2] = "";
	size_t n = 0;
	int lost = 0;

	for (int i = 0; i < count; i++) {
		if (alive[i])
			continue;
		lost++;
		if (n < sizeof(dead))
			n += snprintf(dead + n, sizeof(dead) - n, "%sCPU %d (MPIDR 0x%lx)", lost > 1 ? ", " : "", i, mpidr[i]);
	}
	if (lost)
		verdict_set(v, CHECK_FAIL, "%s did not run a function within %u ms at the end: %d of %d CPUs lost", dead,
			    bound_ms, lost, count);
	else
		verdict_set(v, CHECK_PASS, "each of the %d CPU(s) ran a function at the end", count);
}
