/*
 * The formats of PSCI's parameters and feature flags (DEN0022F.b): the
 * target_cpu MPIDR (5.1.4), power_state in its two formats (5.4.2), the
 * SYSTEM_RESET2 and SYSTEM_OFF2 types (5.1.10, 5.1.12) and the PSCI_FEATURES
 * flags (5.16.2 Table 11). Layouts only: what a value means for a call is for
 * the judges to decide, and for an implementation to do.
 */
#ifndef SPEC_PSCI_FORMATS_H
#define SPEC_PSCI_FORMATS_H

#include <base.h>

/* target_cpu (5.1.4): Aff3 [39:32], Aff2 [23:16], Aff1 [15:8], Aff0 [7:0]; every other bit is zero. */
#define MPIDR_AFFINITY_BITS	0xff00ffffffUL
#define MPIDR_LEVELS		4
#define MPIDR_AFF_SHIFT(level)	((level) == 3 ? 32u : (level) * 8u)
#define MPIDR_AFF_MASK(level)	(0xffUL << MPIDR_AFF_SHIFT(level))
/* The largest value an SMC32 parameter carries (5.2.1): no Aff3, no high entry points. */
#define SMC32_ARG_MAX		0xffffffffUL

/* power_state, original format (5.4.2.1 Table 7): PowerLevel [25:24], StateType [16], StateID [15:0]. */
#define POWER_STATE_ORIG_POWERDOWN	BIT(16)
#define POWER_STATE_ORIG_LEVEL_SHIFT	24
#define POWER_STATE_ORIG_LEVEL_MASK	(3u << POWER_STATE_ORIG_LEVEL_SHIFT)
#define POWER_STATE_ORIG_FIELDS		0x0301ffffu
/* power_state, extended StateID format (5.4.2.2 Table 8): StateType [30], StateID [27:0]. */
#define POWER_STATE_EXT_POWERDOWN	BIT(30)

/* SYSTEM_RESET2 reset_type (5.1.12, 5.13.1 Table 10). */
#define RESET2_WARM_RESET	0x0u
#define RESET2_VENDOR		0x80000000u
/* Vendor reset errors beyond the 5.2.2 codes are below this (5.13.5). */
#define RESET2_VENDOR_ERROR_BELOW	(-256)
/* SYSTEM_OFF2 type (5.1.10). */
#define OFF2_TYPE_DEFAULT	0x0u
#define OFF2_HIBERNATE_OFF	0x1u

/* PSCI_FEATURES flags (5.16.2 Table 11). CPU_SUSPEND: OS-initiated mode, extended StateID format. */
#define CPU_SUSPEND_FEATURE_OSI		BIT(0)
#define CPU_SUSPEND_FEATURE_EXTENDED	BIT(1)
/* SYSTEM_OFF2: the types it performs beyond the default; HIBERNATE_OFF (bit 0) is mandatory. */
#define OFF2_FEATURE_HIBERNATE_OFF	BIT(0)

#endif
