#include <fuzz/draw.h>
#include <fuzz/prng.h>

/* Affinity levels 0-3, suspend modes 0-1 and just past them. */
#define SMALL_VALUES 4

/* What an argument stands for, which decides the values it is drawn from. */
enum role { ROLE_ANY, ROLE_MPIDR, ROLE_SMALL, ROLE_WORD, ROLE_ENTRY, ROLE_PSCI_QUESTION, ROLE_ARCH_QUESTION };

/*
 * Never fuzzed, in either width (a form that does not exist is left out
 * too: an implementation decoding the number alone would act on it).
 */
static bool left_out(unsigned int number)
{
	switch (number) {
	case PSCI_NR_CPU_SUSPEND:		/* suspends the caller; a powerdown resumes elsewhere (5.4) */
	case PSCI_NR_CPU_OFF:			/* turns the caller off (5.5) */
	case PSCI_NR_MIGRATE:			/* moves a Trusted OS, changing later answers (5.8) */
	case PSCI_NR_SYSTEM_OFF:		/* powers the machine off (5.10) */
	case PSCI_NR_SYSTEM_RESET:		/* resets it (5.12) */
	case PSCI_NR_CPU_FREEZE:		/* the caller stays down until a CPU_ON (5.17) */
	case PSCI_NR_CPU_DEFAULT_SUSPEND:	/* suspends the caller like CPU_SUSPEND (5.18) */
	case PSCI_NR_SYSTEM_SUSPEND:		/* suspends the machine (5.20) */
	case PSCI_NR_SYSTEM_RESET2:		/* resets it (5.13) */
	case PSCI_NR_SYSTEM_OFF2:		/* powers it off (5.11) */
		return true;
	}
	return false;
}

bool fuzz_draws(unsigned int cls)
{
	return cls >= PSCI_NR_COUNT || !left_out(cls);
}

static void roles_of(u32 id, enum role *r)
{
	r[0] = r[1] = r[2] = ROLE_ANY;
	if (id == SMCCC_ARCH_FEATURES_ID) {
		r[0] = ROLE_ARCH_QUESTION;
		return;
	}
	if (!psci_function_by_id(id))
		return;
	switch (PSCI_FN_NUMBER(id)) {
	case PSCI_NR_CPU_ON:
		r[0] = ROLE_MPIDR;
		r[1] = ROLE_ENTRY;
		break;
	case PSCI_NR_AFFINITY_INFO:
	case PSCI_NR_NODE_HW_STATE:
		r[0] = ROLE_MPIDR;
		r[1] = ROLE_SMALL;
		break;
	case PSCI_NR_PSCI_STAT_RESIDENCY:
	case PSCI_NR_PSCI_STAT_COUNT:
		r[0] = ROLE_MPIDR;
		r[1] = ROLE_WORD;
		break;
	case PSCI_NR_PSCI_FEATURES:
		r[0] = ROLE_PSCI_QUESTION;
		break;
	case PSCI_NR_PSCI_SET_SUSPEND_MODE:
		r[0] = ROLE_SMALL;
		break;
	}
}

static const u64 boundaries[] = { 0, 1, 0x7fffffff, 1UL << 31, 0xffffffff, 1UL << 32, 1UL << 63, ~0UL };

/* A CPU's MPIDR, the same with reserved bits set, one no CPU has, or anything (5.1.4). */
static u64 draw_mpidr(const struct fuzz_draw *d, struct prng *r)
{
	unsigned int cpu = prng_below(r, d->nr_cpus);
	u64 mpidr = d->mpidrs[cpu], reserved;

	switch (prng_below(r, 5)) {
	case 0:
	case 1:
		return mpidr;
	case 2:
		reserved = prng_next(r) & ~MPIDR_AFFINITY_BITS;
		return mpidr | (reserved ? reserved : BIT(24));
	case 3:
		return d->absent[cpu][prng_below(r, MPIDR_LEVELS)];
	default:
		return prng_next(r);
	}
}

static u64 draw_any(const struct fuzz_draw *d, struct prng *r)
{
	switch (prng_below(r, 4)) {
	case 0:
		return boundaries[prng_below(r, ARRAY_SIZE(boundaries))];
	case 1:
		return prng_below(r, 8);
	case 2:
		return draw_mpidr(d, r);
	default:
		return prng_next(r);
	}
}

static u32 unassigned_arch_id(struct prng *r)
{
	return SMCCC_FAST_FID(0, prng_below(r, 2), SMCCC_ARCH_UNASSIGNED_FIRST + prng_below(r, FUZZ_ARCH_UNASSIGNED_COUNT));
}

static u32 psci_range_id(struct prng *r)
{
	u32 id = PSCI_FN(prng_below(r, PSCI_FN_COUNT));

	return prng_below(r, 2) ? id | PSCI_SMC64 : id;
}

static u64 draw(const struct fuzz_draw *d, struct prng *r, enum role role)
{
	switch (role) {
	case ROLE_MPIDR:
		return draw_mpidr(d, r);
	case ROLE_SMALL:
		return prng_below(r, 4) ? prng_below(r, SMALL_VALUES) : (u32)draw_any(d, r);
	case ROLE_WORD:
		return (u32)draw_any(d, r);
	case ROLE_ENTRY:
		return d->entry_point;
	case ROLE_PSCI_QUESTION:
		if (prng_below(r, 8) == 0)
			return SMCCC_VERSION_ID;
		return prng_below(r, 4) ? psci_range_id(r) : (u32)draw_any(d, r);
	case ROLE_ARCH_QUESTION:
		return prng_below(r, 4) ? fuzz_arch_question(prng_below(r, fuzz_arch_question_count())) :
					  unassigned_arch_id(r);
	case ROLE_ANY:
		break;
	}
	return draw_any(d, r);
}

/* An SMC32 CPU_ON cannot carry an entry point above 4 GiB (5.2.1). */
static bool can_call(const struct fuzz_draw *d, u32 id, bool defined)
{
	if (left_out(PSCI_FN_NUMBER(id)) || !psci_function_by_id(id) != !defined)
		return false;
	return id != PSCI_FN(PSCI_NR_CPU_ON) || !(d->entry_point >> 32);
}

static u32 draw_psci_id(const struct fuzz_draw *d, struct prng *r, bool defined)
{
	u32 id;

	do
		id = psci_range_id(r);
	while (!can_call(d, id, defined));
	return id;
}

static u32 draw_id(const struct fuzz_draw *d, struct prng *r)
{
	u64 pick = prng_below(r, 100);

	if (pick < 45)
		return draw_psci_id(d, r, true);
	if (pick < 60)
		return draw_psci_id(d, r, false);
	if (pick < 80)
		return prng_below(r, 2) ? SMCCC_VERSION_ID : SMCCC_ARCH_FEATURES_ID;
	return unassigned_arch_id(r);
}

/* SMC32: the upper halves are either clear or junk the callee must ignore (DEN0028). */
static void smc32_upper_halves(struct prng *r, struct fuzz_call *c, const enum role *roles)
{
	bool junk = prng_below(r, 2);

	for (int i = 1; i <= 3; i++) {
		c->in[i] = (u32)c->in[i];
		if (junk && roles[i - 1] != ROLE_ENTRY)
			c->in[i] |= (prng_next(r) | BIT(63)) & ~0xffffffffUL;
	}
}

void fuzz_draw_call(const struct fuzz_draw *d, int cpu, u64 index, struct fuzz_call *c)
{
	enum role roles[3];
	struct prng r;
	u32 id;

	prng_seed(&r, prng_mix(d->seed + prng_mix((u64)cpu << 48 | index)));
	*c = (struct fuzz_call){ .cpu = cpu, .index = index };
	id = draw_id(d, &r);
	roles_of(id, roles);
	c->in[0] = id;
	for (int i = 1; i <= 3; i++)
		c->in[i] = draw(d, &r, roles[i - 1]);
	if (!PSCI_FN_IS_SMC64(id))
		smc32_upper_halves(&r, c, roles);
	for (int i = 4; i < FUZZ_REGS; i++)
		c->in[i] = prng_next(&r);
}

unsigned int fuzz_id_slot(u32 id)
{
	if (psci_id_in_range(id))
		return PSCI_FN_IS_SMC64(id) * PSCI_FN_COUNT + PSCI_FN_NUMBER(id);
	if (id == SMCCC_VERSION_ID || id == SMCCC_ARCH_FEATURES_ID)
		return 2 * PSCI_FN_COUNT + (id & 1);
	return 2 * PSCI_FN_COUNT + 2 + PSCI_FN_IS_SMC64(id) * FUZZ_ARCH_UNASSIGNED_COUNT +
	       SMCCC_FID_NUMBER(id) - SMCCC_ARCH_UNASSIGNED_FIRST;
}
