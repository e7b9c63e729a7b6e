/*
 * The SMCCC Arm Architecture service (DEN0028, OEN 0) as data: the calls the
 * suite discovers, the SMCCC version that introduced each, and what
 * SMCCC_ARCH_FEATURES may answer for it. Portable, like spec/psci.h.
 */
#ifndef SPEC_SMCCC_H
#define SPEC_SMCCC_H

#include <base.h>

#define SMCCC_V1_0 0x10000u
#define SMCCC_V1_1 0x10001u
/* SMCCC_VERSION: the major revision in bits [30:16], the minor in [15:0]. */
#define SMCCC_VERSION_MAJOR(v) ((v) >> 16)
#define SMCCC_VERSION_MINOR(v) ((v) & 0xffff)

/* "1.1": VERSION as major.minor. */
const char *smccc_version_text(u32 version, char *buf, size_t size);

/* Arm Architecture service return codes: a table of its own, not PSCI's. */
#define SMCCC_RET_SUCCESS 0
#define SMCCC_RET_NOT_SUPPORTED (-1)
#define SMCCC_RET_NOT_REQUIRED (-2)
#define SMCCC_RET_INVALID_PARAMETER (-3)

#define SMCCC_VERSION_ID 0x80000000u
#define SMCCC_ARCH_FEATURES_ID 0x80000001u
/* A function number no standard range defines, and its Arm Architecture ID. */
#define SMCCC_PROBE_NUMBER 0xfefeu
#define SMCCC_ARCH_UNDEFINED_ID (0x80000000u | SMCCC_PROBE_NUMBER)

/* Function Identifier fields (DEN0028): fast call, SMC64, owning entity number, number. */
#define SMCCC_FAST_CALL 0x80000000u
#define SMCCC_SMC64 0x40000000u
#define SMCCC_OEN_SHIFT 24
#define SMCCC_OEN_COUNT 64
#define SMCCC_FAST_FID(oen, smc64, number) \
	(SMCCC_FAST_CALL | ((smc64) ? SMCCC_SMC64 : 0) | (u32)(oen) << SMCCC_OEN_SHIFT | (number))
#define SMCCC_FID_OEN(fid) (((fid) >> SMCCC_OEN_SHIFT) & (SMCCC_OEN_COUNT - 1))
#define SMCCC_FID_NUMBER(fid) ((fid) & 0xffff)

/*
 * Arm Architecture function numbers no revision of DEN0028 assigns: the
 * architecture calls are 0x0000-0x0004 and the workarounds 0x3fff, 0x7fff and
 * 0x8000 (new ones have been given numbers below 0x8000); 0xff00 on holds the
 * General Service Queries.
 */
#define SMCCC_ARCH_UNASSIGNED_FIRST 0x8001u
#define SMCCC_ARCH_UNASSIGNED_LAST 0xfeffu

/* An Arm Architecture fast call, SMC32 or SMC64, with a number in that range. */
bool smccc_arch_unassigned(u32 fid);

/* Who assigns the function numbers of an owning entity's range. */
enum smccc_owner {
	SMCCC_OWNER_STANDARD,	/* an Arm standard: what it does not define is unknown */
	SMCCC_OWNER_RESERVED,	/* reserved by SMCCC: every ID is unknown */
	SMCCC_OWNER_VENDOR,	/* a vendor: only the range's own queries can tell */
};

enum smccc_owner smccc_owner_of(unsigned int oen);
const char *smccc_owner_name(unsigned int oen);

/* General Service Queries: Call Count, Call UID, Revision (SMC32 fast calls). */
#define SMCCC_NR_SERVICE_QUERIES 3
/* The ID of query INDEX that speaks for OEN's range. */
u32 smccc_service_query_id(unsigned int oen, unsigned int index);

#define SMCCC_MAX_FEATURE_VALUES 5

struct smccc_arch_function {
	const char *name;
	u32 id;
	u32 since;
	const char *section;
	/* What SMCCC_ARCH_FEATURES may return for it (NOT_SUPPORTED always may). */
	s32 feature_values[SMCCC_MAX_FEATURE_VALUES];
	unsigned int nr_feature_values;
};

extern const struct smccc_arch_function smccc_arch_functions[];
extern const unsigned int smccc_arch_function_count;

bool smccc_feature_value_permitted(const struct smccc_arch_function *fn, s32 value);

#endif
