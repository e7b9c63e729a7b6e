/*
 * The Arm Architecture service of SMCCC (DEN0028): SMCCC_VERSION and
 * SMCCC_ARCH_FEATURES. The monitor follows SMCCC 1.1 (x4-x17 preserved)
 * where PSCI_FEATURES can report SMCCC_VERSION, from PSCI 1.0 on; at PSCI
 * 0.2 no caller could discover more than SMCCC 1.0 (DEN0022F.b 5.16.2), so
 * the monitor is an SMCCC 1.0 implementation there, with neither call.
 */
#ifndef MONITOR_SMCCC_ARCH_H
#define MONITOR_SMCCC_ARCH_H

#include "call.h"

/* The SMCCC version emulated, or 0 for SMCCC 1.0 (no SMCCC_VERSION). */
u32 smccc_arch_version(void);
bool smccc_arch_handles(u32 fid);
s64 smccc_arch_call(struct guest_call *c);

#endif
