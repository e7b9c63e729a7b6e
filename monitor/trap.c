/*
 * HVC and SMC from the guest's EL1. An HVC returns to the instruction after
 * it (ELR_EL2 already points there); a trapped SMC leaves ELR_EL2 at the SMC
 * itself, so the monitor steps over it. Any other exception from the guest is
 * no call: it is left to the runtime, which reports it as fatal.
 */
#include <arm64/exceptions.h>
#include "call.h"
#include "faults.h"
#include "trap.h"

#define EC_HVC64		0x16
#define EC_SMC64		0x17
#define ESR_IMM16(esr)		((esr) & 0xffff)
#define INSN_SIZE		4
/* The Unknown Function Identifier, sign-extended (DEN0028). */
#define SMCCC_UNKNOWN		((u64)-1)

/* SMC32: only the low 32 bits of each argument count (DEN0028). */
static void read_arguments(struct guest_call *c)
{
	bool whole = call_is_smc64(c) || fault_planted(FAULT_SMC32_UPPER_BITS_USED);

	for (int i = 1; i <= 3; i++)
		c->x[i] = whole ? c->frame->x[i] : (u32)c->frame->x[i];
}

/* DEN0028: the function ID is W0, whatever X0[63:32] holds; the immediate is 0, any other names no function. */
static bool names_a_function(const struct exception_frame *f)
{
	if (fault_planted(FAULT_FUNCTION_ID_UPPER_BITS_USED) && f->x[0] >> 32)
		return false;
	return !ESR_IMM16(f->esr);
}

static bool handle_lower_el_sync(struct exception_frame *f)
{
	u32 ec = ESR_EC(f->esr);
	struct guest_call c = { .frame = f, .fid = (u32)f->x[0] };

	if (ec != EC_HVC64 && ec != EC_SMC64)
		return false;
	if (ec == EC_SMC64)
		f->elr += INSN_SIZE;
	c.x[0] = c.fid;
	if (!names_a_function(f)) {
		f->x[0] = SMCCC_UNKNOWN;
		return true;
	}
	read_arguments(&c);
	call_dispatch(&c);
	return true;
}

void trap_install(void)
{
	set_lower_el_sync_handler(handle_lower_el_sync);
}
