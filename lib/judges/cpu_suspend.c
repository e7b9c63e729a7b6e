#include <judges/cpu_suspend.h>
#include <libc/string.h>

/* 6.4.3.3: SPSR_ELx.{D,A,I,F} = {1,1,1,1}; DAIF holds them in bits [9:6]. */
#define ENTRY_DAIF_ALL		(0xfUL << 6)
/* 6.4.3.4: SCTLR_ELx.{I,C,M} = {0,0,0}; 6.4.3.2: SCTLR_ELx.EE as the caller had it. */
#define ENTRY_SCTLR_M		BIT(0)
#define ENTRY_SCTLR_C		BIT(2)
#define ENTRY_SCTLR_I		BIT(12)
#define ENTRY_SCTLR_EE		BIT(25)

bool power_state_is_powerdown(bool extended, u32 power_state)
{
	return power_state & (extended ? POWER_STATE_EXT_POWERDOWN : POWER_STATE_ORIG_POWERDOWN);
}

u32 power_state_level(u32 power_state)
{
	return (power_state & POWER_STATE_ORIG_LEVEL_MASK) >> POWER_STATE_ORIG_LEVEL_SHIFT;
}

u32 power_state_default(bool extended, bool powerdown)
{
	if (!powerdown)
		return 0;
	return extended ? POWER_STATE_EXT_POWERDOWN : POWER_STATE_ORIG_POWERDOWN;
}

/*
 * Each reserved field is probed at both ends, where a mask that is off by one
 * lets a bit through. Original format: [31:26] and [23:17] must be zero.
 * Extended format: bit 31 and [29:28] must be zero (bit 30 is StateType).
 */
const struct invalid_power_state invalid_power_states[] = {
	{ "reserved_bit17", false, 0, BIT(17), true, REF_SUSPEND_ORIG_RESERVED },
	{ "reserved_bit23", false, 0, BIT(23), true, REF_SUSPEND_ORIG_RESERVED },
	{ "reserved_bit26", false, 0, BIT(26), true, REF_SUSPEND_ORIG_RESERVED },
	{ "reserved_bit31", false, 0, BIT(31), true, REF_SUSPEND_ORIG_RESERVED },
	{ "power_level_3", false, POWER_STATE_ORIG_LEVEL_MASK, 3u << POWER_STATE_ORIG_LEVEL_SHIFT, false,
	  REF_SUSPEND_LEVEL },
	{ "reserved_bit28", true, 0, BIT(28), true, REF_SUSPEND_EXT_RESERVED },
	{ "reserved_bit29", true, 0, BIT(29), true, REF_SUSPEND_EXT_RESERVED },
	{ "reserved_bit31", true, 0, BIT(31), true, REF_SUSPEND_EXT_RESERVED },
};

const unsigned int invalid_power_state_count = ARRAY_SIZE(invalid_power_states);

u32 invalid_power_state_value(const struct invalid_power_state *kind, u32 valid)
{
	return (valid & ~kind->clear) | kind->set;
}

static bool returned_code(const struct suspend_call *c, s32 code)
{
	return answered(c->id, c->version, c->x0, code);
}

/* "returned W0 0x0 after 52000 us", for the explanations. */
static const char *describe_return(const struct suspend_call *c, char *buf, size_t size)
{
	char got[48];

	snprintf(buf, size, "returned %s after %lu us", psci_result_text(c->id, c->x0, got, sizeof(got)),
		 c->elapsed_us);
	return buf;
}

/*
 * 5.4.9: "For standby states, SUCCESS must be returned on success", at the
 * next instruction; a standby is "indistinguishable from the use of a WFI", so
 * a wake-up event ends it whether or not PSTATE masks the interrupt. DENIED
 * exists only in OS-initiated mode, and the platform boots platform-coordinated.
 * With no firmware table listing states, the StateID 0 request is an
 * assumption (5.4.5: valid states come from the tables), so refusing it is
 * reported, not failed.
 */
void judge_standby(const struct suspend_call *c, struct verdict *v)
{
	char ret[96];

	if (c->end == SUSPEND_STUCK)
		verdict_set(v, CHECK_FAIL, "did not return from standby (power_state 0x%x) within %lu ms, though a timer interrupt was armed to wake it",
			    c->power_state, c->bound_us / 1000);
	else if (c->end == SUSPEND_RESUMED)
		verdict_set(v, CHECK_FAIL, "standby power_state 0x%x resumed at the entry point: a standby returns at the next instruction",
			    c->power_state);
	else if (returned_code(c, PSCI_RET_INVALID_PARAMETERS) && !c->listed)
		verdict_set(v, CHECK_INFO, "power_state 0x%x %s: no DT idle state lists a standby state, so nothing says it is valid",
			    c->power_state, describe_return(c, ret, sizeof(ret)));
	else
		verdict_expect(v, returned_code(c, PSCI_RET_SUCCESS), "standby power_state 0x%x %s%s", c->power_state,
			       describe_return(c, ret, sizeof(ret)),
			       returned_code(c, PSCI_RET_SUCCESS) ? "" : ": must be SUCCESS");
}

/* 5.4.9: like WFI, a standby leaves the interrupt that ended it to be taken. */
void judge_standby_wakeup_pending(const struct suspend_call *c, const struct suspend_wakeup *w,
				  struct verdict *v)
{
	if (c->end != SUSPEND_RETURNED || !returned_code(c, PSCI_RET_SUCCESS))
		verdict_set(v, CHECK_SKIP, "the masked standby did not return SUCCESS: no wake-up to follow");
	else if (w->taken_during_call)
		verdict_set(v, CHECK_FAIL, "%lu timer interrupt(s) handled during the call although PSTATE.I was set",
			    w->taken_during_call);
	else
		verdict_expect(v, w->taken_after_unmask, "the timer interrupt %s once PSTATE.I was cleared",
			       w->taken_after_unmask ? "was taken" :
			       "was NOT taken within the bound: the wake-up event was lost");
}

static const char *const core_reg_names[CORE_REG_COUNT] = {
	[CORE_CURRENT_EL] = "CurrentEL", [CORE_DAIF] = "DAIF", [CORE_SCTLR] = "SCTLR_ELx",
	[CORE_VBAR] = "VBAR_ELx", [CORE_TPIDR] = "TPIDR_ELx", [CORE_TTBR0] = "TTBR0_ELx",
	[CORE_TCR] = "TCR_ELx", [CORE_MAIR] = "MAIR_ELx",
};

/*
 * 5.4.9: after a standby "the caller must observe no change in core state"
 * other than timers, the CPU interface and the SMCCC result registers; the
 * registers compared here are none of those.
 */
void judge_standby_core_state(const struct suspend_call *c, const struct core_state *before,
			      const struct core_state *after, struct verdict *v)
{
	char changed[VERDICT_WHY_SIZE] = "";
	size_t n = 0;

	if (c->end != SUSPEND_RETURNED) {
		verdict_set(v, CHECK_SKIP, "the standby did not return: no state to compare");
		return;
	}
	for (int r = 0; r < CORE_REG_COUNT; r++)
		if (before->reg[r] != after->reg[r] && n < sizeof(changed))
			n += snprintf(changed + n, sizeof(changed) - n, " %s 0x%lx->0x%lx", core_reg_names[r],
				      before->reg[r], after->reg[r]);
	if (!n)
		verdict_set(v, CHECK_PASS, "CurrentEL, DAIF, SCTLR, VBAR, TPIDR, TTBR0, TCR and MAIR unchanged across the call");
	else
		verdict_set(v, CHECK_FAIL, "changed by the standby call:%s", changed);
}

/* The 6.4.3 requirements the entry state misses, appended to BUF. */
static size_t entry_defects(const struct suspend_call *c, char *buf, size_t size)
{
	const struct suspend_entry *e = &c->entry;
	u64 want_x0 = PSCI_FN_IS_SMC64(c->id) ? c->context_id : (u32)c->context_id;
	u64 got_x0 = PSCI_FN_IS_SMC64(c->id) ? e->x0 : (u32)e->x0;
	size_t n = 0;

	if (got_x0 != want_x0)
		n += snprintf(buf + n, size - n, "; x0 0x%lx, not context_id 0x%lx (6.4.3.7)", e->x0, want_x0);
	if (n < size && ((e->current_el >> 2) & 3) != c->caller_el)
		n += snprintf(buf + n, size - n, "; EL%lu, not the caller's EL%u (5.4.5, 6.4.1)",
			      (e->current_el >> 2) & 3, c->caller_el);
	if (n < size && e->sctlr & (ENTRY_SCTLR_M | ENTRY_SCTLR_C | ENTRY_SCTLR_I))
		n += snprintf(buf + n, size - n, "; SCTLR 0x%lx: MMU or caches on (6.4.3.4)", e->sctlr);
	if (n < size && (e->daif & ENTRY_DAIF_ALL) != ENTRY_DAIF_ALL)
		n += snprintf(buf + n, size - n, "; DAIF 0x%lx, not all masked (6.4.3.3)", e->daif);
	if (n < size && (e->sctlr & ENTRY_SCTLR_EE) != (c->caller_sctlr & ENTRY_SCTLR_EE))
		n += snprintf(buf + n, size - n, "; SCTLR.EE %d, the caller had %d (6.4.3.2)",
			      !!(e->sctlr & ENTRY_SCTLR_EE), !!(c->caller_sctlr & ENTRY_SCTLR_EE));
	return n;
}

static void judge_resumed(const struct suspend_call *c, struct verdict *v)
{
	char defects[VERDICT_WHY_SIZE - 64];

	if (entry_defects(c, defects, sizeof(defects)))
		verdict_set(v, CHECK_FAIL, "resumed at the entry point%s", defects);
	else
		verdict_set(v, CHECK_PASS, "resumed at the entry point with x0 = context_id 0x%lx at EL%u, MMU and caches off, DAIF masked, EE as the caller's",
			    c->entry.x0, c->caller_el);
}

/*
 * 5.4.9: a powerdown does not return on success; it restarts at the entry
 * point in the 6.4.3 state. 5.4.5: the implementation may instead downgrade it
 * to standby, or abandon it for a pending wake-up event, and then returns
 * SUCCESS at the next instruction. Those two outcomes are all that is allowed.
 */
void judge_powerdown(const struct suspend_call *c, struct verdict *v)
{
	char ret[96];

	if (c->end == SUSPEND_STUCK)
		verdict_set(v, CHECK_FAIL, "powerdown power_state 0x%x: neither returned nor resumed at the entry point within %lu ms, though a timer interrupt was armed to wake it",
			    c->power_state, c->bound_us / 1000);
	else if (c->end == SUSPEND_RESUMED)
		judge_resumed(c, v);
	else if (returned_code(c, PSCI_RET_INVALID_PARAMETERS) && !c->listed)
		verdict_set(v, CHECK_INFO, "power_state 0x%x %s: no DT idle state lists a powerdown state, so nothing says it is valid",
			    c->power_state, describe_return(c, ret, sizeof(ret)));
	else if (returned_code(c, PSCI_RET_SUCCESS))
		verdict_set(v, CHECK_PASS, "returned in place: powerdown power_state 0x%x %s (abandoned or downgraded to standby, 5.4.5)",
			    c->power_state, describe_return(c, ret, sizeof(ret)));
	else
		verdict_set(v, CHECK_FAIL, "powerdown power_state 0x%x, entry point 0x%lx %s: only a resume at the entry point or SUCCESS in place is allowed",
			    c->power_state, c->entry_point, describe_return(c, ret, sizeof(ret)));
}

/*
 * 5.18: CPU_DEFAULT_SUSPEND enters a state the implementation chooses: a
 * powerdown resumes at the entry point in the 6.4.3 state, a standby (or an
 * abandoned powerdown) returns SUCCESS. With a usable entry point nothing
 * else is allowed: the call has no power_state to be invalid.
 */
void judge_default_suspend(const struct suspend_call *c, struct verdict *v)
{
	char ret[96];

	if (c->end == SUSPEND_STUCK)
		verdict_set(v, CHECK_FAIL, "neither returned nor resumed at the entry point within %lu ms, though a timer interrupt was armed to wake it",
			    c->bound_us / 1000);
	else if (c->end == SUSPEND_RESUMED)
		judge_resumed(c, v);
	else
		verdict_expect(v, returned_code(c, PSCI_RET_SUCCESS), "entry point 0x%lx %s%s", c->entry_point,
			       describe_return(c, ret, sizeof(ret)),
			       returned_code(c, PSCI_RET_SUCCESS) ? ": a standby, or an abandoned powerdown (5.18)" :
			       ": only a resume at the entry point or SUCCESS in place is allowed");
}

/*
 * 5.4.5 returns INVALID_PARAMETERS when "the power state parameter supplied is
 * invalid". A value with a bit set that Table 7 or Table 8 says "Must be zero"
 * is not a power_state of the format in use, whatever states the firmware
 * tables list; the text does not spell out "reserved bit set, therefore
 * INVALID_PARAMETERS", but that is the only reading in which the bits are
 * reserved at all. So nothing but INVALID_PARAMETERS passes.
 * A PowerLevel the platform has no states for is different: levels are
 * numbered IMPLEMENTATION DEFINED (5.4.2.1), the valid states are what the
 * firmware tables list (5.4.5, an expectation, not a rule), and in
 * platform-coordinated mode a request is only the deepest state the caller
 * tolerates (5.4.6). The text does not make such a request invalid, so
 * accepting it is INFO; refusing it is INVALID_PARAMETERS. Either way the
 * state asked for is a standby, so a resume at the entry point or no return
 * is a FAIL (5.4.9), as is any other code.
 */
void judge_invalid_power_state(const struct invalid_power_state *kind, const struct suspend_call *c,
			       struct verdict *v)
{
	char ret[96];

	if (c->end == SUSPEND_STUCK)
		verdict_set(v, CHECK_FAIL, "power_state 0x%x (%s): did not return within %lu ms, though a timer interrupt was armed to wake it",
			    c->power_state, kind->name, c->bound_us / 1000);
	else if (c->end == SUSPEND_RESUMED)
		verdict_set(v, CHECK_FAIL, "power_state 0x%x (%s) was accepted and resumed at the entry point: must be INVALID_PARAMETERS",
			    c->power_state, kind->name);
	else if (returned_code(c, PSCI_RET_INVALID_PARAMETERS))
		verdict_set(v, CHECK_PASS, "power_state 0x%x (%s) %s", c->power_state, kind->name,
			    describe_return(c, ret, sizeof(ret)));
	else if (returned_code(c, PSCI_RET_SUCCESS) && !kind->reserved)
		verdict_set(v, CHECK_INFO, "power_state 0x%x (%s) accepted, %s: the text leaves power levels to the platform",
			    c->power_state, kind->name, describe_return(c, ret, sizeof(ret)));
	else
		verdict_set(v, CHECK_FAIL, "power_state 0x%x (%s) %s: must be INVALID_PARAMETERS%s", c->power_state,
			    kind->name, describe_return(c, ret, sizeof(ret)),
			    kind->reserved ? " (a must-be-zero bit is set)" : " or SUCCESS");
}

/*
 * 5.4.5: INVALID_ADDRESS when the entry point "is known by the implementation
 * to be invalid"; "Versions of PSCI prior to 1.0 use INVALID_PARAMETERS". An
 * implementation need not know, and may treat the powerdown as a standby, for
 * which the entry point is ignored (5.1.2, 5.4.3): SUCCESS in place, or a CPU
 * that never comes back from the unusable address, is INFO.
 */
void judge_invalid_entry_point(const struct suspend_call *c, struct verdict *v)
{
	s32 want = psci_bad_address_code(psci_function_by_id(c->id), c->version);
	char ret[96];

	if (c->end == SUSPEND_STUCK)
		verdict_set(v, CHECK_INFO, "entry point 0x%lx: no return within %lu ms, presumably accepted and resumed there",
			    c->entry_point, c->bound_us / 1000);
	else if (c->end == SUSPEND_RESUMED)
		verdict_set(v, CHECK_FAIL, "resumed at the runtime's entry point although the call gave 0x%lx", c->entry_point);
	else if (returned_code(c, want))
		verdict_set(v, CHECK_PASS, "entry point 0x%lx: %s", c->entry_point, describe_return(c, ret, sizeof(ret)));
	else if (returned_code(c, PSCI_RET_SUCCESS))
		verdict_set(v, CHECK_INFO, "entry point 0x%lx accepted: %s (not known to be invalid, or the powerdown became a standby)",
			    c->entry_point, describe_return(c, ret, sizeof(ret)));
	else if (returned_code(c, PSCI_RET_INVALID_PARAMETERS) && !c->listed)
		verdict_set(v, CHECK_INFO, "power_state 0x%x %s: no DT idle state lists a powerdown state, so the refusal may be of the state",
			    c->power_state, describe_return(c, ret, sizeof(ret)));
	else
		verdict_set(v, CHECK_FAIL, "entry point 0x%lx %s: must be %s%s", c->entry_point,
			    describe_return(c, ret, sizeof(ret)), psci_ret_name(want),
			    want == PSCI_RET_INVALID_ADDRESS ? " from PSCI 1.0" : " before PSCI 1.0");
}

/*
 * 5.20.2: SYSTEM_SUSPEND returns DENIED "if the implementation views a core,
 * other than the one calling, as not being in the OFF state"; the prototype
 * (5.1.19) gives ALREADY_ON for the same case. The two places disagree, so
 * either passes. The system must not suspend: a resume at the entry point, a
 * call that never comes back, SUCCESS (the call does not return when it
 * succeeds) or any other code fails.
 */
void judge_system_suspend_others_on(const struct suspend_call *c, struct verdict *v)
{
	char ret[96];
	bool refused = c->end == SUSPEND_RETURNED && (returned_code(c, PSCI_RET_DENIED) || returned_code(c, PSCI_RET_ALREADY_ON));

	if (c->end == SUSPEND_STUCK)
		verdict_set(v, CHECK_FAIL, "neither returned nor resumed at the entry point within %lu ms, with another core on: must return DENIED (5.20.2) or ALREADY_ON (5.1.19)",
			    c->bound_us / 1000);
	else if (c->end == SUSPEND_RESUMED)
		verdict_set(v, CHECK_FAIL, "suspended and resumed at the entry point although another core was on: must return DENIED (5.20.2) or ALREADY_ON (5.1.19)");
	else
		verdict_expect(v, refused, "with another core on, %s%s", describe_return(c, ret, sizeof(ret)),
			       refused ? "" : ": must be DENIED (5.20.2) or ALREADY_ON (5.1.19)");
}
