/*
 * Judges of discovery: PSCI_VERSION, PSCI_FEATURES over the whole PSCI range,
 * calls to functions reported absent, and SMCCC version discovery.
 */
#ifndef JUDGES_DISCOVERY_H
#define JUDGES_DISCOVERY_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>
#include <spec/smccc.h>

void judge_version_well_formed(u64 x0, struct verdict *v);
void judge_version_matches_dt(u32 version, const char *compatible, int len, struct verdict *v);
/* PSCI_FEATURES(ID) answered RESULT (W0) under VERSION. */
void judge_features(u32 id, u32 version, s32 result, struct verdict *v);
/* ID, reported absent, was called with harmless arguments and left X0. */
void judge_absent_call(u32 id, u64 x0, struct verdict *v);
/* ID, reported present, was called with arguments that stop nothing and left X0. */
void judge_present_call(u32 id, u64 x0, struct verdict *v);
/* FEATURES: PSCI_FEATURES(SMCCC_VERSION); X0: what SMCCC_VERSION returned. */
void judge_smccc_version(u32 psci_version, s32 features, u64 x0, struct verdict *v);
/* SMCCC_ARCH_FEATURES(FN's ID) answered RESULT (W0). */
void judge_arch_features(const struct smccc_arch_function *fn, s32 result, struct verdict *v);
/* SMCCC_ARCH_FEATURES of an ID no revision defines answered RESULT. */
void judge_arch_features_undefined(s32 result, struct verdict *v);
/* SMCCC_ARCH_FEATURES of NAME, a call every SMCCC 1.1 implementation has, answered RESULT. */
void judge_arch_features_mandatory(const char *name, s32 result, struct verdict *v);

/* PAIR's rule, with its two functions present or not. */
void judge_pair(const struct psci_pair *pair, bool fn_present, bool with_present, struct verdict *v);

/* The SMCCC version discovery settles on (1.0 when nothing says more). */
u32 smccc_version_discovered(u32 psci_version, s32 features, u64 x0);

#endif
