/*
 * The affinity hierarchy as the CPU_ON and AFFINITY_INFO checks see it: MPIDR
 * fields in the target_cpu format (DEN0022F.b 5.1.4), affinity instances
 * (4.2.2), the state an instance must report given what is known of each CPU
 * (5.7.1, 6.6), and the judges of AFFINITY_INFO (5.1.5, 5.7).
 */
#ifndef JUDGES_AFFINITY_H
#define JUDGES_AFFINITY_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

u32 mpidr_aff(u64 mpidr, unsigned int level);
u64 mpidr_with_aff(u64 mpidr, unsigned int level, u32 value);
/* Do A and B lie in the same affinity instance at LEVEL (fields below LEVEL ignored)? */
bool mpidr_same_instance(u64 a, u64 b, unsigned int level);
/*
 * BASE with its Aff<LEVEL> changed to one more than the highest value any CPU
 * of MPIDRS has there within BASE's instance at LEVEL + 1 (or the lowest free
 * value if that is 0xff): an MPIDR no CPU has. False if all 256 are taken.
 */
bool mpidr_absent(const u64 *mpidrs, int n, u64 base, unsigned int level, u64 *absent);

/* MPIDRs no CPU has, one of each kind the CPU_ON and AFFINITY_INFO checks try (5.1.4). */
struct invalid_mpidr {
	const char *name;	/* check ID component */
	const char *what;
	u64 mpidr;
};

#define INVALID_MPIDR_KINDS 8

/*
 * Built from the DT's MPIDRs and the caller's: Aff0 one past the last CPU of
 * the highest cluster, an Aff1, Aff2 or Aff3 no CPU has, and the caller's own
 * MPIDR with a reserved bit set. Returns how many it could build.
 */
int invalid_mpidrs(const u64 *mpidrs, int n, u64 self, struct invalid_mpidr *out);

/* What the checks know of a CPU's state in the PSCI implementation's view (6.6). */
enum cpu_known_state {
	CPU_KNOWN_OFF,		/* never booted, or turned off and seen OFF */
	CPU_KNOWN_ON,		/* the caller, or running the runtime's code */
	CPU_KNOWN_STARTING,	/* CPU_ON returned SUCCESS; it may not have entered yet */
};

struct known_cpu {
	u64 mpidr;
	enum cpu_known_state state;
};

/* The answers AFFINITY_INFO may give, before the version's allowances for levels above 0. */
enum affinity_expect {
	AFFINITY_EXPECT_ON,
	AFFINITY_EXPECT_OFF,
	AFFINITY_EXPECT_ON_OR_PENDING,
	AFFINITY_EXPECT_INVALID,	/* no such instance, reserved bits set, or no such level */
};

enum affinity_expect affinity_expected(const struct known_cpu *cpus, int n, u64 target, u32 level);

struct affinity_query {
	u32 id;			/* AFFINITY_INFO or AFFINITY_INFO64 */
	u64 target;
	u32 level;
	enum affinity_expect expect;
	bool never_booted;	/* every CPU of the instance: DISABLED cannot be ruled out */
	u64 x0;
};

void judge_affinity_info(const struct affinity_query *q, u32 version, struct verdict *v);
/* The same level-LEVEL instance asked with its own lower fields, then with others (5.1.5). */
void judge_affinity_lower_fields_ignored(u32 id, u32 level, u64 exact_x0, u64 other_x0,
					 struct verdict *v);

const char *affinity_result_name(s64 result);

#endif
