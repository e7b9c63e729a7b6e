/*
 * Judges of SYSTEM_OFF, SYSTEM_RESET, SYSTEM_RESET2 and SYSTEM_OFF2
 * (DEN0022F.b 5.1.9-5.1.12, 5.10-5.13). That a call powers the system off is
 * judged by the runner from the console (EXPECT: poweroff), that it resets it
 * by the next boot; these judge what an image can see: whether a function can
 * be called at all, the calls that must come back with an error, a call that
 * came back when it must not, and what the boot after a reset makes of it.
 */
#ifndef JUDGES_SYSTEM_H
#define JUDGES_SYSTEM_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

/* One call an image made, and how it ended. */
struct system_call {
	u32 id;			/* function ID */
	u32 version;		/* the PSCI version advertised */
	u32 type;		/* reset_type or type: W1 (SYSTEM_RESET2, SYSTEM_OFF2) */
	u64 cookie;		/* X2, or W2 for SMC32 */
	u64 bound_us;		/* how long the observer waited for it to come back */
	bool returned;		/* it came back within the bound */
	u64 x0;			/* what it left, if it came back */
};

/* "SYSTEM_RESET2(reset_type 0x1, cookie 0x0)", "SYSTEM_OFF". */
const char *system_call_text(const struct system_call *c, char *buf, size_t size);

/*
 * Whether optional function FN, for which PSCI_FEATURES answered FEATURES, can
 * be called under VERSION; if not, V is the SKIP saying why.
 */
bool psci_callable(const struct psci_function *fn, u32 version, s32 features, struct verdict *v);
/*
 * Whether the form of SYSTEM_RESET2 for which PSCI_FEATURES answered FEATURES
 * can be called under VERSION; if not, V is the SKIP saying why.
 */
bool reset2_callable(u32 version, s32 features, struct verdict *v);
/* The same for SYSTEM_OFF2, whose calls here all need HIBERNATE_OFF. */
bool off2_callable(u32 version, s32 features, struct verdict *v);

/* Calls with a parameter the spec makes invalid: each must return INVALID_PARAMETERS. */
void judge_invalid_calls(const struct system_call *calls, int count, struct verdict *v);
/* SYSTEM_RESET2, reported implemented, with a vendor reset_type it did not perform. */
void judge_reset2_vendor(const struct system_call *c, struct verdict *v);
/* A call that powers off or resets on success came back, or never came back and did neither. */
void judge_no_return(const struct system_call *c, struct verdict *v);

/* What the boot that left the marker was expecting of the call it made. */
enum reset_meaning {
	RESET_WANTED,		/* SYSTEM_RESET, SYSTEM_RESET2(SYSTEM_WARM_RESET) */
	RESET_INSTEAD_OF_OFF,	/* SYSTEM_OFF, SYSTEM_OFF2: must power off */
	RESET_INSTEAD_OF_ERROR,	/* an invalid call: must return INVALID_PARAMETERS */
	RESET_VENDOR,		/* a vendor reset_type picked as one the implementation lacks */
};

/* The system reset during C, which boot WRITER (1: the first of the run) made. */
void judge_boot_after_reset(enum reset_meaning meaning, const struct system_call *c, u32 writer,
			    struct verdict *v);

#endif
