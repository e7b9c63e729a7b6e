/*
 * Exceptions: interrupts go to the handler registered for their INTID; a
 * synchronous exception that a check announced beforehand is recorded and
 * stepped over; anything else is a FAIL of the running check with a register
 * dump, and ends the test.
 */
#ifndef ARM64_EXCEPTIONS_H
#define ARM64_EXCEPTIONS_H

#include <base.h>

/* The register frame vectors.S saves; offsets are fixed by the assembly. */
struct exception_frame {
	u64 x[31];
	u64 sp;
	u64 elr;
	u64 spsr;
	u64 esr;
	u64 far;
};

#define ESR_EC(esr)		(((esr) >> 26) & 0x3f)
#define EC_DABT_CURRENT		0x25
#define EC_BRK			0x3c

struct expected_exception {
	u32 ec;
	bool taken;
	u64 esr;
	u64 far;
	u64 elr;
};

typedef void (*irq_handler_fn)(u32 intid);

void irq_set_handler(u32 intid, irq_handler_fn fn);

/* VBAR of the running EL to the runtime's vectors, or to vectors that park the CPU in WFI (vectors.S). */
void vectors_install(void);
void vectors_park(void);

/*
 * A program running at EL2 under a guest (the PSCI monitor) takes the guest's
 * HVC and trapped SMC here: synchronous exceptions from a lower EL in AArch64
 * state. The handler returns true if it dealt with the exception; the frame,
 * with whatever it changed in x0-x30, ELR and SPSR, is restored on return.
 * Anything it declines is fatal, as is every such exception while no handler
 * is installed.
 */
typedef bool (*lower_el_sync_fn)(struct exception_frame *frame);

void set_lower_el_sync_handler(lower_el_sync_fn fn);

/* Arms (or with NULL disarms) recovery from one exception class on this CPU. */
void expect_exception(struct expected_exception *expected);

const char *exception_class_name(u32 ec);

#endif
