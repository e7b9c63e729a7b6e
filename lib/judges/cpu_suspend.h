/*
 * Judges of CPU_SUSPEND (DEN0022F.b 5.1.2, 5.4): a standby returns SUCCESS
 * and leaves the core as it was; a powerdown resumes at the entry point in the
 * 6.4.3 state or returns SUCCESS in place; invalid power_state values and
 * entry points get the codes 5.4.5 gives. Also the power_state layouts the
 * test program builds its requests from; CPU_DEFAULT_SUSPEND (5.1.17, 5.18),
 * a CPU_SUSPEND to a state of the implementation's choosing; and
 * SYSTEM_SUSPEND (5.1.19, 5.20), which is a CPU_SUSPEND to the deepest state
 * once every other core is OFF.
 */
#ifndef JUDGES_CPU_SUSPEND_H
#define JUDGES_CPU_SUSPEND_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

bool power_state_is_powerdown(bool extended, u32 power_state);
/* PowerLevel of an original-format power_state. */
u32 power_state_level(u32 power_state);
/* StateID 0 at power level 0: what is asked when no firmware table lists states. */
u32 power_state_default(bool extended, bool powerdown);

/* A way to make a valid standby power_state invalid, for one format. */
struct invalid_power_state {
	const char *name;	/* the check ID's middle part */
	bool extended;		/* the format it applies to */
	u32 clear, set;		/* bits changed in the valid power_state */
	bool reserved;		/* sets a must-be-zero bit; else asks for a level nothing lists */
	const char *ref;
};

extern const struct invalid_power_state invalid_power_states[];
extern const unsigned int invalid_power_state_count;
u32 invalid_power_state_value(const struct invalid_power_state *kind, u32 valid);

/* How a call ended: at the next instruction, at the entry point, or not within the bound. */
enum suspend_end { SUSPEND_STUCK, SUSPEND_RETURNED, SUSPEND_RESUMED };

/* What the CPU had at the entry point, captured before anything changed it (6.4.3). */
struct suspend_entry {
	u64 x0;
	u64 current_el;		/* CurrentEL: the EL in bits [3:2] */
	u64 daif;
	u64 sctlr;		/* SCTLR_ELx of that EL */
};

struct suspend_call {
	u32 id;			/* CPU_SUSPEND's, CPU_DEFAULT_SUSPEND's or SYSTEM_SUSPEND's ID */
	u32 version;		/* the PSCI version advertised */
	u32 power_state;	/* CPU_SUSPEND only */
	bool listed;		/* a firmware table (DT idle state) lists power_state, or it was accepted before */
	u64 entry_point;
	u64 context_id;
	u32 caller_el;
	u64 caller_sctlr;	/* SCTLR_ELx of the caller when it called */
	u64 bound_us;		/* how long the observer waited for an end */
	enum suspend_end end;
	u64 x0;			/* SUSPEND_RETURNED: what the call left in X0 */
	u64 elapsed_us;		/* SUSPEND_RETURNED: from the call to its return */
	struct suspend_entry entry;	/* SUSPEND_RESUMED */
};

/* The wake-up interrupt of a standby call made with PSTATE.I set. */
struct suspend_wakeup {
	u64 taken_during_call;	/* timer interrupts handled before the call returned */
	bool taken_after_unmask;	/* handled once PSTATE.I was cleared, within the bound */
};

/* Core state a standby must not change (5.4.9), read just before and just after the call. */
enum core_reg {
	CORE_CURRENT_EL, CORE_DAIF, CORE_SCTLR, CORE_VBAR, CORE_TPIDR, CORE_TTBR0, CORE_TCR,
	CORE_MAIR, CORE_REG_COUNT
};

struct core_state {
	u64 reg[CORE_REG_COUNT];
};

/* A standby call (valid power_state, wake-up source armed) must return SUCCESS. */
void judge_standby(const struct suspend_call *c, struct verdict *v);
/* After a masked standby returned, the interrupt that ended it is still delivered. */
void judge_standby_wakeup_pending(const struct suspend_call *c, const struct suspend_wakeup *w,
				  struct verdict *v);
void judge_standby_core_state(const struct suspend_call *c, const struct core_state *before,
			      const struct core_state *after, struct verdict *v);
/* A powerdown call with a usable entry point: resumed in the 6.4.3 state, or SUCCESS in place. */
void judge_powerdown(const struct suspend_call *c, struct verdict *v);
/* CPU_DEFAULT_SUSPEND with a usable entry point: resumed in the 6.4.3 state, or SUCCESS in place. */
void judge_default_suspend(const struct suspend_call *c, struct verdict *v);
/* A standby power_state made invalid by KIND. */
void judge_invalid_power_state(const struct invalid_power_state *kind, const struct suspend_call *c,
			       struct verdict *v);
/* A powerdown call (CPU_SUSPEND or CPU_DEFAULT_SUSPEND) whose entry point no caller can use. */
void judge_invalid_entry_point(const struct suspend_call *c, struct verdict *v);
/* SYSTEM_SUSPEND with a usable entry point, made while a core other than the caller was on. */
void judge_system_suspend_others_on(const struct suspend_call *c, struct verdict *v);

#endif
