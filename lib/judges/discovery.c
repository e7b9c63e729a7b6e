#include <judges/discovery.h>
#include <libc/string.h>
#include <spec/psci-dt.h>
#include <strlist.h>

/* 5.3.1: a 31-bit value, major in [30:16]; Table 17 lists the versions that exist. */
void judge_version_well_formed(u64 x0, struct verdict *v)
{
	u32 version = (u32)x0;
	char name[16];

	psci_version_text(version, name, sizeof(name));
	if (verdict_expect(v, !(version & BIT(31)) && psci_version_is_published(version),
			   "PSCI_VERSION returned 0x%08x (%s)", version, name))
		return;
	snprintf(v->why + strlen(v->why), sizeof(v->why) - strlen(v->why), ": %s",
		 version & BIT(31) ? "bit 31 must be zero" : "not a published PSCI version (0.2, 1.0-1.3)");
}

/* psci.yaml: 1.0's compatible for any 1.x, 0.2's alone for 0.2. */
void judge_version_matches_dt(u32 version, const char *compatible, int len, struct verdict *v)
{
	bool has_10 = compatible && strlist_has(compatible, len, PSCI_DT_COMPATIBLE_1_0);
	bool has_02 = compatible && strlist_has(compatible, len, PSCI_DT_COMPATIBLE_0_2);
	bool ok = PSCI_VERSION_MAJOR(version) >= 1 ? has_10 : has_02 && !has_10;

	verdict_expect(v, ok, "PSCI_VERSION 0x%08x, /psci compatible %s arm,psci-1.0 and %s arm,psci-0.2",
		       version, has_10 ? "has" : "lacks", has_02 ? "has" : "lacks");
}

/* Table 11: the flags may hold only the function's own, and must hold its mandatory ones. */
static bool flags_permitted(const struct psci_function *fn, s32 flags)
{
	u32 required = psci_feature_flags_required(fn);

	return (flags & ~psci_feature_flags_allowed(fn)) == 0 && (flags & required) == required;
}

static void judge_present(const struct psci_function *fn, u32 id, u32 version, s32 flags,
			  struct verdict *v)
{
	char name[32], since[16];

	psci_id_name(id, name, sizeof(name));
	psci_version_text(fn->since, since, sizeof(since));
	if (!flags_permitted(fn, flags))
		verdict_set(v, CHECK_FAIL, "%s present with feature flags 0x%x the spec does not allow (5.16.2 Table 11)",
			    name, flags);
	else if (!psci_function_exists_in(fn, version))
		verdict_set(v, CHECK_INFO, "%s is present although it was introduced in PSCI %s, after the version advertised",
			    name, since);
	else
		verdict_set(v, CHECK_PASS, "%s present, feature flags 0x%x", name, flags);
}

static void judge_not_supported(const struct psci_function *fn, u32 id, u32 version, struct verdict *v)
{
	char name[32], since[16];

	psci_id_name(id, name, sizeof(name));
	if (!fn) {
		verdict_set(v, CHECK_PASS, "%s is no PSCI function: NOT_SUPPORTED", name);
		return;
	}
	psci_version_text(fn->mandatory_since, since, sizeof(since));
	verdict_expect(v, !psci_function_is_mandatory(fn, version),
		       psci_function_is_mandatory(fn, version) ?
		       "%s reported NOT_SUPPORTED, but it is mandatory from PSCI %s (6.9 Table 17)" :
		       "%s reported NOT_SUPPORTED (optional)", name, since);
}

void judge_features(u32 id, u32 version, s32 result, struct verdict *v)
{
	const struct psci_function *fn = psci_function_by_id(id);
	char name[32];

	if (result == PSCI_RET_NOT_SUPPORTED) {
		judge_not_supported(fn, id, version, v);
	} else if (result < 0) {
		verdict_set(v, CHECK_FAIL, "PSCI_FEATURES(%s) returned %d (%s): only NOT_SUPPORTED or flags are allowed (5.1.15)",
			    psci_id_name(id, name, sizeof(name)), result, psci_ret_name(result));
	} else if (!fn) {
		verdict_set(v, CHECK_FAIL, "PSCI_FEATURES(%s) returned 0x%x for an ID that is no PSCI function: must be NOT_SUPPORTED (5.1.15)",
			    psci_id_name(id, name, sizeof(name)), result);
	} else {
		judge_present(fn, id, version, result, v);
	}
}

/* 5.2.2: SMC32 errors are 32-bit (W0), SMC64 errors 64-bit (X0). */
void judge_absent_call(u32 id, u64 x0, struct verdict *v)
{
	char name[32], got[48];

	verdict_expect(v, psci_result(id, x0) == PSCI_RET_NOT_SUPPORTED,
		       "%s, reported absent, returned %s when called: must be NOT_SUPPORTED",
		       psci_id_name(id, name, sizeof(name)), psci_result_text(id, x0, got, sizeof(got)));
}

/*
 * 5.16.2: PSCI_FEATURES reports a function present only when it is
 * implemented, and 5.3.2 gives NOT_SUPPORTED only for one that is not; any
 * other answer (an error for the arguments included) shows it implemented.
 */
void judge_present_call(u32 id, u64 x0, struct verdict *v)
{
	char name[32], got[48];

	verdict_expect(v, psci_result(id, x0) != PSCI_RET_NOT_SUPPORTED,
		       "%s, reported present, returned %s when called%s", psci_id_name(id, name, sizeof(name)),
		       psci_result_text(id, x0, got, sizeof(got)),
		       psci_result(id, x0) == PSCI_RET_NOT_SUPPORTED ? ": an implemented function never answers NOT_SUPPORTED" : "");
}

void judge_pair(const struct psci_pair *pair, bool fn_present, bool with_present, struct verdict *v)
{
	verdict_expect(v, fn_present ? with_present : !pair->both_ways || !with_present, "%s %s, %s %s",
		       psci_functions[pair->fn].name, fn_present ? "present" : "absent",
		       psci_functions[pair->with].name, with_present ? "present" : "absent");
}

static bool smccc_version_well_formed(u64 x0)
{
	return (s32)x0 >= 0 && (u32)x0 >= SMCCC_V1_1 && SMCCC_VERSION_MAJOR((u32)x0) == 1;
}

u32 smccc_version_discovered(u32 psci_version, s32 features, u64 x0)
{
	if (psci_has_features(psci_version) && features >= 0 && smccc_version_well_formed(x0))
		return (u32)x0;
	return SMCCC_V1_0;
}

/*
 * 5.16.2: PSCI_FEATURES should report SMCCC_VERSION; an implemented function
 * reported NOT_SUPPORTED also contradicts 5.1.15. PSCI 0.2 has no
 * PSCI_FEATURES, so there SMCCC 1.0 is all a caller may assume.
 */
void judge_smccc_version(u32 psci_version, s32 features, u64 x0, struct verdict *v)
{
	bool implemented = smccc_version_well_formed(x0);

	if (!psci_has_features(psci_version))
		verdict_set(v, CHECK_INFO, "PSCI 0.2 cannot report SMCCC_VERSION: SMCCC 1.0 assumed (SMCCC_VERSION returned 0x%x)",
			    (u32)x0);
	else if (features == PSCI_RET_NOT_SUPPORTED)
		verdict_expect(v, !implemented,
			       implemented ? "PSCI_FEATURES says SMCCC_VERSION is NOT_SUPPORTED, yet SMCCC_VERSION returned 0x%x" :
			       "SMCCC_VERSION not reported and not implemented (returned 0x%x): SMCCC 1.0", (u32)x0);
	else if (features < 0)
		verdict_set(v, CHECK_FAIL, "PSCI_FEATURES(SMCCC_VERSION) returned %d: only NOT_SUPPORTED or flags are allowed",
			    features);
	else
		verdict_expect(v, implemented, "PSCI_FEATURES(SMCCC_VERSION) = %d; SMCCC_VERSION returned 0x%x%s",
			       features, (u32)x0, implemented ? "" : ": not a version >= 1.1 with bit 31 clear");
}

void judge_arch_features(const struct smccc_arch_function *fn, s32 result, struct verdict *v)
{
	verdict_expect(v, smccc_feature_value_permitted(fn, result),
		       "SMCCC_ARCH_FEATURES(%s) returned %d%s", fn->name, result,
		       smccc_feature_value_permitted(fn, result) ? "" : ": not a value the spec gives it");
}

/*
 * SMCCC_ARCH_FEATURES answers NOT_SUPPORTED for a function that is not
 * implemented and a value >= 0 for one that is; SMCCC_VERSION and
 * SMCCC_ARCH_FEATURES itself are implemented by every SMCCC 1.1
 * implementation, so NOT_SUPPORTED for either says the implementation does
 * not have what its SMCCC_VERSION claims.
 */
void judge_arch_features_mandatory(const char *name, s32 result, struct verdict *v)
{
	verdict_expect(v, result >= 0, "SMCCC_ARCH_FEATURES(%s) returned %d%s", name, result,
		       result >= 0 ? ": implemented" :
		       ": SMCCC 1.1 was discovered, whose implementations have it, so it must be >= 0");
}

void judge_arch_features_undefined(s32 result, struct verdict *v)
{
	verdict_expect(v, result == SMCCC_RET_NOT_SUPPORTED,
		       "SMCCC_ARCH_FEATURES(0x%08x), an ID no SMCCC revision defines, returned %d: must be NOT_SUPPORTED",
		       SMCCC_ARCH_UNDEFINED_ID, result);
}
