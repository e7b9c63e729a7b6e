/*
 * The guest: an EL1 program with the monitor at EL2 underneath, no stage 2
 * translation, taking its own interrupts, calling the monitor with HVC or SMC.
 */
#ifndef MONITOR_GUEST_H
#define MONITOR_GUEST_H

#include "call.h"

/* Where and how a guest CPU starts at a PSCI entry point: after CPU_ON, or a resume. */
struct guest_start {
	u64 entry;
	u64 context_id;		/* its x0 */
	bool big_endian;	/* SCTLR_EL1.EE, as the caller had it (DEN0022F.b 6.4.3.2) */
};

/* SCTLR_EL1.EE of the guest code that made the call being handled. */
bool guest_caller_big_endian(void);
/* Starts the guest's boot CPU at ENTRY with x0 = DTB, as a loader boots a kernel. */
void __noreturn guest_boot(u64 entry, u64 dtb);
/* Enters the guest at a PSCI entry point on this CPU from monitor code (no call being handled). */
void __noreturn guest_enter(const struct guest_start *start);
/* Makes the call being handled return to START instead of to its caller. */
void guest_resume_at(struct guest_call *c, const struct guest_start *start);

#endif
