/*
 * Judges of MIGRATE, MIGRATE_INFO_TYPE and MIGRATE_INFO_UP_CPU
 * (DEN0022F.b 5.1.6-5.1.8, 5.8, 5.9, Table 9, Table 17 notes a and b).
 */
#ifndef JUDGES_MIGRATE_H
#define JUDGES_MIGRATE_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

/* A Trusted OS resident on one core: MIGRATE_INFO_TYPE 0 or 1. */
bool migrate_type_is_up(s32 type);
/* No migration needed: MIGRATE_INFO_TYPE 2 or NOT_SUPPORTED. */
bool migrate_type_not_required(s32 type);

/* MIGRATE_INFO_TYPE left X0. */
void judge_info_type(u64 x0, struct verdict *v);

/* One reading of MIGRATE_INFO_TYPE. */
struct info_type_reading {
	int cpu;
	bool ran;		/* the CPU made the call within its bound */
	s32 value;		/* W0 */
};

void judge_info_type_constant(const struct info_type_reading *r, int count, struct verdict *v);

/*
 * MIGRATE_INFO_UP_CPU (ID) left X0 with MIGRATE_INFO_TYPE TYPE; MPIDRS lists
 * /cpus. REPORTED_ABSENT: PSCI_FEATURES said NOT_SUPPORTED for ID.
 */
void judge_info_up_cpu(s32 type, u32 id, u64 x0, bool reported_absent, const u64 *mpidrs, int nr_cpus,
		       struct verdict *v);
/* The /cpus index of the resident core X0 names, or -1. */
int migrate_resident_cpu(u32 id, u64 x0, const u64 *mpidrs, int nr_cpus);

/*
 * MIGRATE (ID), under VERSION, to a valid, powered-up target left X0: made from any core when
 * TYPE says no migration is needed, else from a core the Trusted OS is not on.
 */
void judge_migrate_valid_target(s32 type, u32 version, u32 id, bool reported_absent, u64 x0, struct verdict *v);
/*
 * MIGRATE (ID), reported implemented, to a target_cpu with reserved bits set
 * left X0: made from the resident core when TYPE is 0 or 1.
 */
void judge_migrate_invalid_target(s32 type, u32 version, u32 id, u64 x0, struct verdict *v);

#endif
