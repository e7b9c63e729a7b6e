/*
 * Judges of discovery: PSCI_VERSION, PSCI_FEATURES over the whole PSCI range,
 * calls to functions reported absent, and SMCCC version discovery.
 */
#ifndef JUDGES_DISCOVERY_H
#define JUDGES_DISCOVERY_H

#include "judge.h"
#include "psci-spec.h"
#include "smccc-spec.h"

#define REF_VERSION "DEN0022F.b 5.1.1, 5.3.1 PSCI_VERSION; 6.9 Table 17"
#define REF_VERSION_DT "DT binding arm/psci.yaml compatible; DEN0022F.b 5.3"
#define REF_ABSENT "DEN0022F.b 5.3.2 (not implemented: NOT_SUPPORTED), 5.2.2"
#define REF_SMCCC_VERSION "DEN0022F.b 5.16.2; DEN0028 SMCCC_VERSION"
#define REF_ARCH_FEATURES "DEN0028 SMCCC_ARCH_FEATURES"
#define REF_ARCH_MANDATORY "DEN0028 SMCCC_VERSION, SMCCC_ARCH_FEATURES (mandatory from SMCCC 1.1)"

void judge_version_well_formed(u64 x0, struct verdict *v);
void judge_version_matches_dt(u32 version, const char *compatible, int len, struct verdict *v);
/* PSCI_FEATURES(ID) answered RESULT (W0) under VERSION. */
void judge_features(u32 id, u32 version, s32 result, struct verdict *v);
/* ID, reported absent, was called with harmless arguments and left X0. */
void judge_absent_call(u32 id, u64 x0, struct verdict *v);
/* FEATURES: PSCI_FEATURES(SMCCC_VERSION); X0: what SMCCC_VERSION returned. */
void judge_smccc_version(u32 psci_version, s32 features, u64 x0, struct verdict *v);
/* SMCCC_ARCH_FEATURES(FN's ID) answered RESULT (W0). */
void judge_arch_features(const struct smccc_arch_function *fn, s32 result, struct verdict *v);
/* SMCCC_ARCH_FEATURES of an ID no revision defines answered RESULT. */
void judge_arch_features_undefined(s32 result, struct verdict *v);
/* SMCCC_ARCH_FEATURES of NAME, a call every SMCCC 1.1 implementation has, answered RESULT. */
void judge_arch_features_mandatory(const char *name, s32 result, struct verdict *v);

/* Optional function A requires B (and B requires A, if BOTH_WAYS). */
struct psci_pair_rule {
	const char *check;
	unsigned int a, b;
	bool both_ways;
	const char *ref;
};

void judge_pair(const struct psci_pair_rule *rule, bool a_present, bool b_present, struct verdict *v);

/* The SMCCC version discovery settles on (1.0 when nothing says more). */
u32 smccc_version_discovered(u32 psci_version, s32 features, u64 x0);

#endif
