#include <judges/affinity.h>
#include <judges/cpu_on.h>
#include <libc/string.h>

u32 mpidr_aff(u64 mpidr, unsigned int level)
{
	return (mpidr & MPIDR_AFF_MASK(level)) >> MPIDR_AFF_SHIFT(level);
}

u64 mpidr_with_aff(u64 mpidr, unsigned int level, u32 value)
{
	return (mpidr & ~MPIDR_AFF_MASK(level)) | ((u64)(value & 0xff) << MPIDR_AFF_SHIFT(level));
}

/* The fields at LEVEL and above; the reserved bits take part, so they never match a CPU. */
static u64 instance_of(u64 mpidr, unsigned int level)
{
	for (unsigned int below = 0; below < level && below < MPIDR_LEVELS; below++)
		mpidr = mpidr_with_aff(mpidr, below, 0);
	return mpidr;
}

bool mpidr_same_instance(u64 a, u64 b, unsigned int level)
{
	return instance_of(a, level) == instance_of(b, level);
}

bool mpidr_absent(const u64 *mpidrs, int n, u64 base, unsigned int level, u64 *absent)
{
	bool used[256] = { false };
	int highest = -1;

	for (int i = 0; i < n; i++) {
		if (!mpidr_same_instance(mpidrs[i], base, level + 1))
			continue;
		used[mpidr_aff(mpidrs[i], level)] = true;
		highest = MAX(highest, (int)mpidr_aff(mpidrs[i], level));
	}
	for (int value = highest + 1; value < 256 + highest + 1; value++) {
		if (!used[value % 256]) {
			*absent = mpidr_with_aff(base, level, value % 256);
			return true;
		}
	}
	return false;
}

int invalid_mpidrs(const u64 *mpidrs, int n, u64 self, struct invalid_mpidr *out)
{
	static const struct { const char *name, *what; unsigned int level; } absent[] = {
		{ "past_last_cpu", "Aff0 one past the last CPU of its cluster", 0 },
		{ "absent_aff1", "an Aff1 no CPU has", 1 },
		{ "absent_aff2", "an Aff2 no CPU has", 2 },
		{ "absent_aff3", "an Aff3 no CPU has", 3 },
	};
	static const struct { const char *name, *what; unsigned int bit; } reserved[] = {
		{ "reserved_bit24", "the caller's MPIDR with reserved bit 24 set", 24 },
		{ "reserved_bit31", "the caller's MPIDR with reserved bit 31 set", 31 },
		{ "reserved_bit40", "the caller's MPIDR with reserved bit 40 set", 40 },
		{ "reserved_bit63", "the caller's MPIDR with reserved bit 63 set", 63 },
	};
	u64 highest = self;
	int count = 0;

	for (int i = 0; i < n; i++)
		highest = MAX(highest, mpidrs[i]);
	for (unsigned int i = 0; i < ARRAY_SIZE(absent); i++) {
		u64 base = absent[i].level ? self : highest;

		out[count] = (struct invalid_mpidr){ absent[i].name, absent[i].what, 0 };
		count += mpidr_absent(mpidrs, n, base, absent[i].level, &out[count].mpidr);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(reserved); i++, count++)
		out[count] = (struct invalid_mpidr){ reserved[i].name, reserved[i].what, self | BIT(reserved[i].bit) };
	return count;
}

/* 5.7.1: ON if any core of the instance is ON; ON_PENDING if one is pending and the others OFF. */
enum affinity_expect affinity_expected(const struct known_cpu *cpus, int n, u64 target, u32 level)
{
	bool any = false, on = false, starting = false;

	if (level >= MPIDR_LEVELS || (target & ~MPIDR_AFFINITY_BITS))
		return AFFINITY_EXPECT_INVALID;
	for (int i = 0; i < n; i++) {
		if (!mpidr_same_instance(cpus[i].mpidr, target, level))
			continue;
		any = true;
		on |= cpus[i].state == CPU_KNOWN_ON;
		starting |= cpus[i].state == CPU_KNOWN_STARTING;
	}
	if (!any)
		return AFFINITY_EXPECT_INVALID;
	if (on)
		return AFFINITY_EXPECT_ON;
	return starting ? AFFINITY_EXPECT_ON_OR_PENDING : AFFINITY_EXPECT_OFF;
}

const char *affinity_result_name(s64 result)
{
	static const char *const states[] = { "ON", "OFF", "ON_PENDING" };

	if (result >= 0)
		return result < (s64)ARRAY_SIZE(states) ? states[result] : "(not a state)";
	return psci_ret_name(result);
}

static bool meets(const struct affinity_query *q, u32 version)
{
	s64 result = psci_result(q->id, q->x0);

	switch (q->expect) {
	case AFFINITY_EXPECT_ON:
		return result == PSCI_AFF_ON;
	case AFFINITY_EXPECT_OFF:
		return result == PSCI_AFF_OFF;
	case AFFINITY_EXPECT_ON_OR_PENDING:
		return result == PSCI_AFF_ON || result == PSCI_AFF_ON_PENDING;
	case AFFINITY_EXPECT_INVALID:
		return answered(q->id, version, q->x0, PSCI_RET_INVALID_PARAMETERS);
	}
	return false;
}

static const char *expect_name(enum affinity_expect expect)
{
	static const char *const names[] = {
		[AFFINITY_EXPECT_ON] = "ON",
		[AFFINITY_EXPECT_OFF] = "OFF",
		[AFFINITY_EXPECT_ON_OR_PENDING] = "ON or ON_PENDING",
		[AFFINITY_EXPECT_INVALID] = "INVALID_PARAMETERS",
	};

	return names[expect];
}

/*
 * 5.7.1: from 1.0 a level above 0 may be refused with INVALID_PARAMETERS;
 * before 1.0 every level had to be answered. An instance that does not exist
 * can only be INVALID_PARAMETERS (5.7.2). DISABLED needs a physically disabled
 * core, which only a CPU never seen running can be.
 */
void judge_affinity_info(const struct affinity_query *q, u32 version, struct verdict *v)
{
	s64 result = psci_result(q->id, q->x0);
	bool may_refuse = psci_affinity_level_refusable(version, q->level) && q->expect != AFFINITY_EXPECT_INVALID;
	char name[32], what[160];

	snprintf(what, sizeof(what), "%s(0x%lx, level %u) returned %s 0x%lx (%s)",
		 psci_id_name(q->id, name, sizeof(name)), q->target, q->level,
		 PSCI_FN_IS_SMC64(q->id) ? "X0" : "W0", PSCI_FN_IS_SMC64(q->id) ? q->x0 : (u32)q->x0,
		 affinity_result_name(result));
	if (meets(q, version))
		verdict_set(v, CHECK_PASS, "%s as required", what);
	else if (may_refuse && answered(q->id, version, q->x0, PSCI_RET_INVALID_PARAMETERS))
		verdict_set(v, CHECK_PASS, "%s: level %u not supported, permitted from PSCI 1.0 (the state would be %s)",
			    what, q->level, expect_name(q->expect));
	else if (q->never_booted && answered(q->id, version, q->x0, PSCI_RET_DISABLED))
		verdict_set(v, CHECK_INFO, "%s: a CPU never started may be disabled for physical reasons (5.7.2)", what);
	else
		verdict_set(v, CHECK_FAIL, "%s: must be %s%s", what, expect_name(q->expect),
			    may_refuse ? " (or INVALID_PARAMETERS from PSCI 1.0)" : "");
}

void judge_affinity_lower_fields_ignored(u32 id, u32 level, u64 exact_x0, u64 other_x0, struct verdict *v)
{
	s64 exact = psci_result(id, exact_x0), other = psci_result(id, other_x0);

	verdict_expect(v, exact == other,
		       "level %u: %ld (%s) with the instance's own lower affinity fields, %ld (%s) with others: fields below level %u must be ignored",
		       level, exact, affinity_result_name(exact), other, affinity_result_name(other), level);
}
