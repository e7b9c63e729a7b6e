/*
 * The SMCCC Arm Architecture service (DEN0028, OEN 0) as data: the calls the
 * suite discovers, the SMCCC version that introduced each, and what
 * SMCCC_ARCH_FEATURES may answer for it. Portable, like psci-spec.h.
 */
#ifndef LIB_SMCCC_SPEC_H
#define LIB_SMCCC_SPEC_H

#include "base.h"

#define SMCCC_V1_0 0x10000u
#define SMCCC_V1_1 0x10001u

/* Arm Architecture service return codes: a table of its own, not PSCI's. */
#define SMCCC_RET_SUCCESS 0
#define SMCCC_RET_NOT_SUPPORTED (-1)
#define SMCCC_RET_NOT_REQUIRED (-2)
#define SMCCC_RET_INVALID_PARAMETER (-3)

#define SMCCC_VERSION_ID 0x80000000u
#define SMCCC_ARCH_FEATURES_ID 0x80000001u
/* A function number in the Arm Architecture range that no SMCCC revision defines. */
#define SMCCC_ARCH_UNDEFINED_ID 0x8000fefeu

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
