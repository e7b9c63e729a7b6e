#include <judges/migrate.h>

bool migrate_type_is_up(s32 type)
{
	return type == MIGRATE_TYPE_UP_CAPABLE || type == MIGRATE_TYPE_UP_NOT_CAPABLE;
}

bool migrate_type_not_required(s32 type)
{
	return type == MIGRATE_TYPE_NOT_REQUIRED || type == PSCI_RET_NOT_SUPPORTED;
}

static const char *type_meaning(s32 type)
{
	switch (type) {
	case MIGRATE_TYPE_UP_CAPABLE:
		return "UP Trusted OS, migrate capable";
	case MIGRATE_TYPE_UP_NOT_CAPABLE:
		return "UP Trusted OS, not migrate capable";
	case MIGRATE_TYPE_NOT_REQUIRED:
		return "no Trusted OS or an MP one: no migration needed";
	case PSCI_RET_NOT_SUPPORTED:
		return "NOT_SUPPORTED: treated as 2";
	default:
		return "no type 5.1.7 defines";
	}
}

/* NOT_SUPPORTED is valid from issue C, an erratum to 0.2 as well (Table 17 note a). */
void judge_info_type(u64 x0, struct verdict *v)
{
	s32 type = (s32)x0;

	verdict_expect(v, migrate_type_is_up(type) || migrate_type_not_required(type),
		       "MIGRATE_INFO_TYPE returned %d (%s)", type, type_meaning(type));
}

void judge_info_type_constant(const struct info_type_reading *r, int count, struct verdict *v)
{
	for (int i = 0; i < count; i++) {
		if (!r[i].ran) {
			verdict_set(v, CHECK_FAIL, "CPU %d did not make the MIGRATE_INFO_TYPE call within its bound",
				    r[i].cpu);
			return;
		}
		if (r[i].value != r[0].value) {
			verdict_set(v, CHECK_FAIL, "CPU %d read %d, CPU %d had read %d: the value must be constant",
				    r[i].cpu, r[i].value, r[0].cpu, r[0].value);
			return;
		}
	}
	verdict_set(v, CHECK_PASS, "%d readings across the CPUs, all %d", count, r[0].value);
}

int migrate_resident_cpu(u32 id, u64 x0, const u64 *mpidrs, int nr_cpus)
{
	/* The SMC32 form returns a uint32: only a core with Aff3 = 0 can be named. */
	u64 mpidr = PSCI_FN_IS_SMC64(id) ? x0 : (u32)x0;

	for (int cpu = 0; cpu < nr_cpus; cpu++)
		if (mpidrs[cpu] == mpidr)
			return cpu;
	return -1;
}

/* Whether a type says something about the function, and if not, why (a SKIP). */
static bool type_applies(s32 type, bool up_only, struct verdict *v)
{
	if (!migrate_type_is_up(type) && !migrate_type_not_required(type)) {
		verdict_set(v, CHECK_SKIP, "MIGRATE_INFO_TYPE returned %d, no type 5.1.7 defines (see migrate.info_type.value)",
			    type);
		return false;
	}
	if (up_only && !migrate_type_is_up(type)) {
		verdict_set(v, CHECK_SKIP, "MIGRATE_INFO_TYPE %d: the value is UNDEFINED when the type is 2 or NOT_SUPPORTED (5.1.8)",
			    type);
		return false;
	}
	return true;
}

void judge_info_up_cpu(s32 type, u32 id, u64 x0, bool reported_absent, const u64 *mpidrs, int nr_cpus,
		       struct verdict *v)
{
	int cpu = migrate_resident_cpu(id, x0, mpidrs, nr_cpus);
	char name[32];

	psci_id_name(id, name, sizeof(name));
	if (!type_applies(type, true, v))
		return;
	if (reported_absent) {
		verdict_set(v, CHECK_SKIP, "%s reported NOT_SUPPORTED by PSCI_FEATURES; only MIGRATE makes it mandatory (Table 17 note b)",
			    name);
		return;
	}
	if (cpu >= 0)
		verdict_set(v, CHECK_PASS, "MIGRATE_INFO_TYPE %d; %s returned 0x%lx, the MPIDR of CPU %d", type, name,
			    mpidrs[cpu], cpu);
	else
		verdict_set(v, CHECK_FAIL, "MIGRATE_INFO_TYPE %d; %s returned %s 0x%lx (%s), no MPIDR of /cpus", type, name,
			    PSCI_FN_IS_SMC64(id) ? "X0" : "W0", PSCI_FN_IS_SMC64(id) ? x0 : (u32)x0,
			    psci_result(id, x0) < 0 ? psci_ret_name(psci_result(id, x0)) : "a value");
}

/* Table 9, for a valid target: 2 or NOT_SUPPORTED gives NOT_SUPPORTED; 0 and 1 from a non-resident core, NOT_PRESENT. */
void judge_migrate_valid_target(s32 type, u32 version, u32 id, bool reported_absent, u64 x0, struct verdict *v)
{
	s64 ret = psci_result(id, x0);
	char name[32];

	psci_id_name(id, name, sizeof(name));
	if (!type_applies(type, false, v))
		return;
	if (migrate_type_not_required(type)) {
		verdict_expect(v, answered(id, version, x0, PSCI_RET_NOT_SUPPORTED), "MIGRATE_INFO_TYPE %d; %s to a powered-up core returned %ld (%s), Table 9 gives NOT_SUPPORTED",
			       type, name, ret, psci_ret_name(ret));
		return;
	}
	/* 5.8.2: DENIED for a Trusted OS that cannot migrate; an unimplemented function is NOT_SUPPORTED (5.3.2). */
	verdict_expect(v, answered(id, version, x0, PSCI_RET_NOT_PRESENT) || (type == MIGRATE_TYPE_UP_NOT_CAPABLE && answered(id, version, x0, PSCI_RET_DENIED)) ||
			  (reported_absent && answered(id, version, x0, PSCI_RET_NOT_SUPPORTED)),
		       "MIGRATE_INFO_TYPE %d; %s from a core the Trusted OS is not on returned %ld (%s), want NOT_PRESENT%s%s",
		       type, name, ret, psci_ret_name(ret),
		       type == MIGRATE_TYPE_UP_NOT_CAPABLE ? " or DENIED" : "",
		       reported_absent ? " or NOT_SUPPORTED (reported absent)" : "");
}

/*
 * 5.8.2 does not order its checks: a Trusted OS that needs no migration
 * (NOT_SUPPORTED) or cannot migrate (DENIED) may say so before the target is
 * looked at. Otherwise a target_cpu with reserved bits set is invalid.
 */
void judge_migrate_invalid_target(s32 type, u32 version, u32 id, u64 x0, struct verdict *v)
{
	s64 ret = psci_result(id, x0);
	char name[32];

	psci_id_name(id, name, sizeof(name));
	if (!type_applies(type, false, v))
		return;
	verdict_expect(v, answered(id, version, x0, PSCI_RET_INVALID_PARAMETERS) ||
			  (migrate_type_not_required(type) && answered(id, version, x0, PSCI_RET_NOT_SUPPORTED)) ||
			  (type == MIGRATE_TYPE_UP_NOT_CAPABLE && answered(id, version, x0, PSCI_RET_DENIED)),
		       "MIGRATE_INFO_TYPE %d; %s, implemented, to a target_cpu with reserved bits set returned %ld (%s), want INVALID_PARAMETERS%s",
		       type, name, ret, psci_ret_name(ret),
		       migrate_type_not_required(type) ? " or NOT_SUPPORTED" :
		       type == MIGRATE_TYPE_UP_NOT_CAPABLE ? " or DENIED" : "");
}
