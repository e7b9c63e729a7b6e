/*
 * The specification as data: every PSCI function (DEN0022F.b, 5.1-5.22), its
 * IDs, the version that introduced it, whether it is mandatory, what a
 * successful call returns and which error codes the spec permits, per
 * version. The checks and the report read this table; nothing else in the
 * suite spells a PSCI function ID or a permitted return code.
 * Portable: compiled into the images and into the host tests of the judges.
 */
#ifndef SPEC_PSCI_H
#define SPEC_PSCI_H

#include <base.h>
#include <spec/psci-formats.h>
#include <spec/psci-ids.h>

#define PSCI_V0_2 0x00000002u
#define PSCI_V1_0 0x00010000u
#define PSCI_V1_1 0x00010001u
#define PSCI_V1_2 0x00010002u
#define PSCI_V1_3 0x00010003u
/* 5.1.1: the major revision in bits [30:16], the minor in [15:0]. */
#define PSCI_VERSION_OF(major, minor) ((u32)(major) << 16 | (minor))
#define PSCI_VERSION_MAJOR(v) ((v) >> 16)
#define PSCI_VERSION_MINOR(v) ((v) & 0xffff)

#define PSCI_FN_NUMBER(id) ((id) & 0x1f)
#define PSCI_FN_IS_SMC64(id) (((id) & PSCI_SMC64) != 0)
#define PSCI_FN_COUNT 0x20	/* 0x00-0x1f: the PSCI part of the standard service */

/* What a successful call gives back, so that a judge can tell values from errors. */
enum psci_result_kind {
	PSCI_RESULT_SUCCESS,		/* SUCCESS (0) */
	PSCI_RESULT_NO_RETURN,		/* does not return on success */
	PSCI_RESULT_VERSION,		/* a version word */
	PSCI_RESULT_AFFINITY_STATE,	/* ON, OFF or ON_PENDING */
	PSCI_RESULT_MIGRATE_TYPE,	/* 0, 1 or 2 */
	PSCI_RESULT_MPIDR,		/* an MPIDR value */
	PSCI_RESULT_FEATURES,		/* a non-negative feature word */
	PSCI_RESULT_ENABLE_STATE,	/* previous state, 0 or 1 */
	PSCI_RESULT_HW_STATE,		/* PSCI_HW_ON, PSCI_HW_OFF or PSCI_HW_STANDBY */
	PSCI_RESULT_COUNT,		/* any unsigned count */
};

/* An error code the spec permits from a version on. */
struct psci_permitted_error {
	s32 code;
	u32 since;
};

#define PSCI_MAX_ERRORS 8

struct psci_function {
	const char *name;
	u32 number;			/* bits [4:0] of the function ID */
	bool smc64;			/* has an SMC64 form (the SMC32 form always exists) */
	u32 since;			/* version that introduced it */
	u32 mandatory_since;		/* 0: optional in every version */
	const char *section;		/* "DEN0022F.b 5.x NAME" */
	enum psci_result_kind result;
	struct psci_permitted_error errors[PSCI_MAX_ERRORS];
};

/* Indexed by function number. */
extern const struct psci_function psci_functions[PSCI_NR_COUNT];

/* An ID of the PSCI range (0x00-0x1f of the Standard Secure service), in either width. */
bool psci_id_in_range(u32 id);
/* The function whose SMC32 or SMC64 ID this is, or NULL (reserved or not PSCI). */
const struct psci_function *psci_function_by_id(u32 id);
u32 psci_function_id(const struct psci_function *fn, bool smc64);

/*
 * An optional function that comes with another (6.9 Table 17 notes b-d):
 * FN present needs WITH present, and, if BOTH_WAYS, WITH needs FN.
 */
struct psci_pair {
	const char *name;	/* the rule's name, e.g. stat_pair */
	unsigned int fn, with;	/* function numbers */
	bool both_ways;
	const char *ref;
};

extern const struct psci_pair psci_pairs[];
extern const unsigned int psci_pair_count;

#define PSCI_MAX_PARAMS 3
/* The name of FN's parameter INDEX (0: W1/X1) in its 5.1.x prototype, or NULL past the last. */
const char *psci_param_name(const struct psci_function *fn, unsigned int index);

/* 5.16: PSCI_FEATURES, and so discovery of the others, exists under VERSION (1.0 on). */
bool psci_has_features(u32 version);
/* 5.7.1: AFFINITY_INFO under VERSION may refuse LEVEL with INVALID_PARAMETERS (above 0, from 1.0). */
bool psci_affinity_level_refusable(u32 version, u32 level);

/* The PSCI_FEATURES flags FN's answer may hold, and those it must hold (5.16.2 Table 11). */
u32 psci_feature_flags_allowed(const struct psci_function *fn);
u32 psci_feature_flags_required(const struct psci_function *fn);

/* The versions DEN0022 has published with this interface (0.2 on), oldest first. */
extern const u32 psci_published_versions[];
extern const unsigned int psci_published_version_count;
bool psci_version_is_published(u32 version);
/* "1.3": VERSION as major.minor. */
const char *psci_version_text(u32 version, char *buf, size_t size);
bool psci_function_exists_in(const struct psci_function *fn, u32 version);
bool psci_function_is_mandatory(const struct psci_function *fn, u32 version);
/* Is CODE (negative) one the spec permits FN to return at VERSION? */
bool psci_error_permitted(const struct psci_function *fn, u32 version, s32 code);
/*
 * What FN returns at VERSION for an entry point known to be invalid:
 * INVALID_ADDRESS where the table permits it, else INVALID_PARAMETERS
 * ("Versions of PSCI prior to 1.0 use INVALID_PARAMETERS where
 * INVALID_ADDRESS applies", 5.2.2).
 */
s32 psci_bad_address_code(const struct psci_function *fn, u32 version);
/* The result as the spec defines it: W0 sign-extended for SMC32, X0 for SMC64 (5.2.2). */
s64 psci_result(u32 id, u64 x0);
/* Writes "W0 0x... (NAME)" or "X0 0x...": the result as it is judged. */
const char *psci_result_text(u32 id, u64 x0, char *buf, size_t size);
/* Writes "NAME" or "NAME64" for ID into BUF. */
const char *psci_id_name(u32 id, char *buf, size_t size);

#endif
