/*
 * DEN0022F.b as data. Sections: prototypes 5.1.x, bodies 5.3-5.22; mandatory
 * and optional functions per version: 6.9 Table 17; error codes: 5.2.2 Table 5.
 *
 * Readings where the text leaves room, shared by Arm's own tests and the
 * implementations surveyed:
 * - the SMC64 forms of the mandatory functions are as mandatory as their SMC32
 *   forms for an implementation that serves AArch64 callers (Table 17 lists
 *   functions, not widths);
 * - CPU_ON DENIED (firmware policy) is listed by F.b without a version note,
 *   so it is accepted from 0.2;
 * - SYSTEM_SUSPEND with another core not OFF: 5.1.19 says ALREADY_ON, 5.20.2
 *   says DENIED; both are accepted.
 */
#include <libc/string.h>
#include <spec/psci.h>
#include <spec/refs.h>

#define NOT_SUPPORTED(v) { PSCI_RET_NOT_SUPPORTED, v }
#define INVALID_PARAMETERS(v) { PSCI_RET_INVALID_PARAMETERS, v }
#define DENIED(v) { PSCI_RET_DENIED, v }
#define ALREADY_ON(v) { PSCI_RET_ALREADY_ON, v }
#define ON_PENDING(v) { PSCI_RET_ON_PENDING, v }
#define INTERNAL_FAILURE(v) { PSCI_RET_INTERNAL_FAILURE, v }
#define NOT_PRESENT(v) { PSCI_RET_NOT_PRESENT, v }
#define DISABLED(v) { PSCI_RET_DISABLED, v }
/* "Versions of PSCI prior to 1.0 use INVALID_PARAMETERS where INVALID_ADDRESS applies." */
#define INVALID_ADDRESS { PSCI_RET_INVALID_ADDRESS, PSCI_V1_0 }

#define FN(nr, has_smc64, introduced, mandatory, sections, result_kind, ...) \
	[PSCI_NR_##nr] = { .name = #nr, .number = PSCI_NR_##nr, .smc64 = has_smc64, \
			   .since = introduced, .mandatory_since = mandatory, \
			   .section = "DEN0022F.b " sections " " #nr, .result = result_kind, \
			   .errors = { __VA_ARGS__ } }

/*     name                     SMC64  since      mandatory  sections       success value */
const struct psci_function psci_functions[PSCI_NR_COUNT] = {
	FN(PSCI_VERSION,            false, PSCI_V0_2, PSCI_V0_2, "5.1.1, 5.3",  PSCI_RESULT_VERSION),
	/* DENIED only in OS-initiated mode, which exists from 1.0 (4.2.3.2). */
	FN(CPU_SUSPEND,             true,  PSCI_V0_2, PSCI_V0_2, "5.1.2, 5.4",  PSCI_RESULT_SUCCESS,
	   INVALID_PARAMETERS(PSCI_V0_2), INVALID_ADDRESS, DENIED(PSCI_V1_0)),
	FN(CPU_OFF,                 false, PSCI_V0_2, PSCI_V0_2, "5.1.3, 5.5",  PSCI_RESULT_NO_RETURN,
	   DENIED(PSCI_V0_2)),
	FN(CPU_ON,                  true,  PSCI_V0_2, PSCI_V0_2, "5.1.4, 5.6",  PSCI_RESULT_SUCCESS,
	   INVALID_PARAMETERS(PSCI_V0_2), INVALID_ADDRESS, ALREADY_ON(PSCI_V0_2), ON_PENDING(PSCI_V0_2),
	   INTERNAL_FAILURE(PSCI_V0_2), DENIED(PSCI_V0_2)),
	FN(AFFINITY_INFO,           true,  PSCI_V0_2, PSCI_V0_2, "5.1.5, 5.7",  PSCI_RESULT_AFFINITY_STATE,
	   INVALID_PARAMETERS(PSCI_V0_2), DISABLED(PSCI_V0_2)),
	FN(MIGRATE,                 true,  PSCI_V0_2, 0,         "5.1.6, 5.8",  PSCI_RESULT_SUCCESS,
	   NOT_SUPPORTED(PSCI_V0_2), INVALID_PARAMETERS(PSCI_V0_2), DENIED(PSCI_V0_2),
	   INTERNAL_FAILURE(PSCI_V0_2), NOT_PRESENT(PSCI_V0_2)),
	/* Optional, NOT_SUPPORTED valid, from issue C, an erratum to 0.2 too (Table 17 note a). */
	FN(MIGRATE_INFO_TYPE,       false, PSCI_V0_2, 0,         "5.1.7, 5.9",  PSCI_RESULT_MIGRATE_TYPE,
	   NOT_SUPPORTED(PSCI_V0_2)),
	FN(MIGRATE_INFO_UP_CPU,     true,  PSCI_V0_2, 0,         "5.1.8, 5.9",  PSCI_RESULT_MPIDR),
	FN(SYSTEM_OFF,              false, PSCI_V0_2, PSCI_V0_2, "5.1.9, 5.10", PSCI_RESULT_NO_RETURN),
	FN(SYSTEM_RESET,            false, PSCI_V0_2, PSCI_V0_2, "5.1.11, 5.12", PSCI_RESULT_NO_RETURN),
	FN(PSCI_FEATURES,           false, PSCI_V1_0, PSCI_V1_0, "5.1.15, 5.16", PSCI_RESULT_FEATURES,
	   NOT_SUPPORTED(PSCI_V1_0)),
	FN(CPU_FREEZE,              false, PSCI_V1_0, 0,         "5.1.16, 5.17", PSCI_RESULT_NO_RETURN,
	   DENIED(PSCI_V1_0)),
	FN(CPU_DEFAULT_SUSPEND,     true,  PSCI_V1_0, 0,         "5.1.17, 5.18", PSCI_RESULT_SUCCESS,
	   INVALID_ADDRESS),
	FN(NODE_HW_STATE,           true,  PSCI_V1_0, 0,         "5.1.18, 5.19", PSCI_RESULT_HW_STATE,
	   INVALID_PARAMETERS(PSCI_V1_0)),
	FN(SYSTEM_SUSPEND,          true,  PSCI_V1_0, 0,         "5.1.19, 5.20", PSCI_RESULT_SUCCESS,
	   INVALID_ADDRESS, ALREADY_ON(PSCI_V1_0), DENIED(PSCI_V1_0)),
	FN(PSCI_SET_SUSPEND_MODE,   false, PSCI_V1_0, 0,         "5.1.20, 5.21", PSCI_RESULT_SUCCESS,
	   INVALID_PARAMETERS(PSCI_V1_0), DENIED(PSCI_V1_0)),
	FN(PSCI_STAT_RESIDENCY,     true,  PSCI_V1_0, 0,         "5.1.21, 5.22", PSCI_RESULT_COUNT),
	FN(PSCI_STAT_COUNT,         true,  PSCI_V1_0, 0,         "5.1.22, 5.22", PSCI_RESULT_COUNT),
	/* Vendor reset types may also give any Table 5 code but NOT_SUPPORTED, or below -256 (5.13.5). */
	FN(SYSTEM_RESET2,           true,  PSCI_V1_1, 0,         "5.1.12, 5.13", PSCI_RESULT_NO_RETURN,
	   NOT_SUPPORTED(PSCI_V1_1), INVALID_PARAMETERS(PSCI_V1_1)),
	FN(MEM_PROTECT,             false, PSCI_V1_1, 0,         "5.1.13, 5.14", PSCI_RESULT_ENABLE_STATE),
	FN(MEM_PROTECT_CHECK_RANGE, true,  PSCI_V1_1, 0,         "5.1.14, 5.15", PSCI_RESULT_SUCCESS,
	   DENIED(PSCI_V1_1)),
	FN(SYSTEM_OFF2,             true,  PSCI_V1_3, 0,         "5.1.10, 5.11", PSCI_RESULT_NO_RETURN,
	   NOT_SUPPORTED(PSCI_V1_3), INVALID_PARAMETERS(PSCI_V1_3)),
};

const struct psci_pair psci_pairs[] = {
	{ "migrate_needs_up_cpu", PSCI_NR_MIGRATE, PSCI_NR_MIGRATE_INFO_UP_CPU, false, REF_PAIR_MIGRATE },
	{ "stat_pair", PSCI_NR_PSCI_STAT_RESIDENCY, PSCI_NR_PSCI_STAT_COUNT, true, REF_PAIR_STAT },
	{ "mem_protect_pair", PSCI_NR_MEM_PROTECT, PSCI_NR_MEM_PROTECT_CHECK_RANGE, true, REF_PAIR_MEM_PROTECT },
};

const unsigned int psci_pair_count = ARRAY_SIZE(psci_pairs);

/* The parameters of each function, W1/X1 first, by their names in its 5.1.x prototype. */
static const char *const param_names[PSCI_NR_COUNT][PSCI_MAX_PARAMS] = {
	[PSCI_NR_CPU_SUSPEND] = { "power_state", "entry_point_address", "context_id" },
	[PSCI_NR_CPU_ON] = { "target_cpu", "entry_point_address", "context_id" },
	[PSCI_NR_AFFINITY_INFO] = { "target_affinity", "lowest_affinity_level" },
	[PSCI_NR_MIGRATE] = { "target_cpu" },
	[PSCI_NR_PSCI_FEATURES] = { "psci_func_id" },
	[PSCI_NR_CPU_DEFAULT_SUSPEND] = { "entry_point_address", "context_id" },
	[PSCI_NR_NODE_HW_STATE] = { "target_cpu", "power_level" },
	[PSCI_NR_SYSTEM_SUSPEND] = { "entry_point_address", "context_id" },
	[PSCI_NR_PSCI_SET_SUSPEND_MODE] = { "mode" },
	[PSCI_NR_PSCI_STAT_RESIDENCY] = { "target_cpu", "power_state" },
	[PSCI_NR_PSCI_STAT_COUNT] = { "target_cpu", "power_state" },
	[PSCI_NR_SYSTEM_RESET2] = { "reset_type", "cookie" },
	[PSCI_NR_MEM_PROTECT] = { "enable" },
	[PSCI_NR_MEM_PROTECT_CHECK_RANGE] = { "base", "length" },
	[PSCI_NR_SYSTEM_OFF2] = { "type", "cookie" },
};

const char *psci_param_name(const struct psci_function *fn, unsigned int index)
{
	return index < PSCI_MAX_PARAMS ? param_names[fn->number][index] : NULL;
}

/* 5.16.2 Table 11: the flags PSCI_FEATURES may report for a function, and those it must. */
static const struct { u32 allowed, required; } feature_flags[PSCI_NR_COUNT] = {
	[PSCI_NR_CPU_SUSPEND] = { CPU_SUSPEND_FEATURE_OSI | CPU_SUSPEND_FEATURE_EXTENDED, 0 },
	[PSCI_NR_SYSTEM_OFF2] = { OFF2_FEATURE_HIBERNATE_OFF, OFF2_FEATURE_HIBERNATE_OFF },
};

bool psci_has_features(u32 version)
{
	return psci_function_exists_in(&psci_functions[PSCI_NR_PSCI_FEATURES], version);
}

/* "Support for affinity levels greater than 0 is optional from PSCI 1.0": 0.2 answers them all. */
bool psci_affinity_level_refusable(u32 version, u32 level)
{
	return level > 0 && version >= PSCI_V1_0;
}

u32 psci_feature_flags_allowed(const struct psci_function *fn)
{
	return feature_flags[fn->number].allowed;
}

u32 psci_feature_flags_required(const struct psci_function *fn)
{
	return feature_flags[fn->number].required;
}

const u32 psci_published_versions[] = { PSCI_V0_2, PSCI_V1_0, PSCI_V1_1, PSCI_V1_2, PSCI_V1_3 };
const unsigned int psci_published_version_count = ARRAY_SIZE(psci_published_versions);

bool psci_id_in_range(u32 id)
{
	return (id & ~(PSCI_SMC64 | (PSCI_FN_COUNT - 1))) == PSCI_FN(0);
}

const struct psci_function *psci_function_by_id(u32 id)
{
	const struct psci_function *fn;

	if (!psci_id_in_range(id) || PSCI_FN_NUMBER(id) >= PSCI_NR_COUNT)
		return NULL;
	fn = &psci_functions[PSCI_FN_NUMBER(id)];
	return !PSCI_FN_IS_SMC64(id) || fn->smc64 ? fn : NULL;
}

u32 psci_function_id(const struct psci_function *fn, bool smc64)
{
	return smc64 ? PSCI_FN64(fn->number) : PSCI_FN(fn->number);
}

const char *psci_version_text(u32 version, char *buf, size_t size)
{
	snprintf(buf, size, "%u.%u", PSCI_VERSION_MAJOR(version), PSCI_VERSION_MINOR(version));
	return buf;
}

bool psci_version_is_published(u32 version)
{
	for (unsigned int i = 0; i < psci_published_version_count; i++)
		if (psci_published_versions[i] == version)
			return true;
	return false;
}

bool psci_function_exists_in(const struct psci_function *fn, u32 version)
{
	return version >= fn->since;
}

bool psci_function_is_mandatory(const struct psci_function *fn, u32 version)
{
	return fn->mandatory_since && version >= fn->mandatory_since;
}

bool psci_error_permitted(const struct psci_function *fn, u32 version, s32 code)
{
	for (unsigned int i = 0; i < PSCI_MAX_ERRORS && fn->errors[i].code; i++)
		if (fn->errors[i].code == code && version >= fn->errors[i].since)
			return true;
	return false;
}

s32 psci_bad_address_code(const struct psci_function *fn, u32 version)
{
	return psci_error_permitted(fn, version, PSCI_RET_INVALID_ADDRESS) ? PSCI_RET_INVALID_ADDRESS :
									      PSCI_RET_INVALID_PARAMETERS;
}

s64 psci_result(u32 id, u64 x0)
{
	return PSCI_FN_IS_SMC64(id) ? (s64)x0 : (s32)x0;
}

/* "W0 0xffffffff (NOT_SUPPORTED)": the register the result is judged on (DEN0022F.b 5.2.2). */
const char *psci_result_text(u32 id, u64 x0, char *buf, size_t size)
{
	s64 ret = psci_result(id, x0);
	int n;

	if (PSCI_FN_IS_SMC64(id))
		n = snprintf(buf, size, "X0 0x%lx", x0);
	else
		n = snprintf(buf, size, "W0 0x%x", (u32)x0);
	if (ret < 0)
		snprintf(buf + n, size - n, " (%s)", psci_ret_name(ret));
	return buf;
}

const char *psci_ret_name(s64 ret)
{
	static const char *const names[] = {
		"SUCCESS", "NOT_SUPPORTED", "INVALID_PARAMETERS", "DENIED", "ALREADY_ON",
		"ON_PENDING", "INTERNAL_FAILURE", "NOT_PRESENT", "DISABLED", "INVALID_ADDRESS",
	};

	return ret <= 0 && -ret < (s64)ARRAY_SIZE(names) ? names[-ret] : "(not a PSCI code)";
}

const char *psci_id_name(u32 id, char *buf, size_t size)
{
	const struct psci_function *fn = psci_function_by_id(id);

	if (fn)
		snprintf(buf, size, "%s%s", fn->name, PSCI_FN_IS_SMC64(id) ? "64" : "");
	else
		snprintf(buf, size, "0x%08x", id);
	return buf;
}
