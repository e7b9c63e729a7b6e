/*
 * Two states, both of one core: a standby (WFI, the core keeps its context)
 * and a powerdown (the context is lost: the core restarts at the entry point
 * given). Both are entered with WFI at EL2, which any interrupt pending for
 * the guest ends, masked or not, as a wake-up event ends a low-power state
 * (DEN0022F.b 5.4.9). The power_state format is the original one
 * (5.4.2.1), the only one PSCI 0.2 has; a power_state that is not one of
 * the two listed is invalid (5.4.5: the valid states are those the firmware
 * tables list), reserved bits included.
 */
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <spec/psci-formats.h>
#include <spec/psci-ids.h>
#include "faults.h"
#include "guest.h"
#include "params.h"
#include "power.h"
#include "psci-functions.h"
#include "suspend.h"


/* PSCI_SET_SUSPEND_MODE modes (5.1.20). */
enum suspend_mode { MODE_PLATFORM_COORDINATED, MODE_OS_INITIATED };

const struct idle_state idle_states[IDLE_STATE_COUNT] = {
	[IDLE_STANDBY] = { "cpu-standby", 0, false, 10, 10, 20 },
	[IDLE_POWERDOWN] = { "cpu-powerdown", POWER_STATE_ORIG_POWERDOWN, true, 100, 200, 1000 },
};

struct idle_stats {
	u64 count;
	u64 residency_us;
};

static struct idle_stats stats[NR_CPUS][IDLE_STATE_COUNT];
static bool in_cpu_suspend[NR_CPUS];
/* The platform boots in platform-coordinated mode (5.21). */
static enum suspend_mode mode = MODE_PLATFORM_COORDINATED;

/* Bit 1 clear: original format; bit 0: OS-initiated mode, which PSCI_SET_SUSPEND_MODE selects (5.21.3). */
s32 suspend_features(void)
{
	return psci_implemented(&psci_functions[PSCI_NR_PSCI_SET_SUSPEND_MODE]) ? 1 : 0;
}

/* One of the listed states, exactly: a must-be-zero bit set (5.4.2.1 Table 7) makes any value none. */
static const struct idle_state *state_of(u32 power_state)
{
	if (fault_planted(FAULT_POWER_STATE_RESERVED_BITS_IGNORED))
		power_state &= POWER_STATE_ORIG_FIELDS;
	for (unsigned int i = 0; i < IDLE_STATE_COUNT; i++)
		if (idle_states[i].power_state == power_state)
			return &idle_states[i];
	return NULL;
}

/* One entry of this core into STATE, where it stayed TICKS, in the statistics (5.22). */
static void count_entry(const struct idle_state *state, u64 ticks)
{
	u64 us = fault_planted(FAULT_STAT_RESIDENCY_IN_TICKS) ? ticks : timer_ticks_to_us(ticks);

	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		struct idle_stats *s = &stats[cpu][state - idle_states];

		if (cpu != smp_processor_id() && !fault_planted(FAULT_STAT_COUNTED_FOR_EVERY_CORE))
			continue;
		WRITE_ONCE(s->residency_us, s->residency_us + us);
		if (!fault_planted(FAULT_STAT_ENTRY_NOT_COUNTED))
			WRITE_ONCE(s->count, s->count + 1);
	}
}

/* Waits for a wake-up event in STATE, counted for the statistics if it is one of the listed states. */
static void idle(const struct idle_state *state, bool counted)
{
	u64 start = timer_count();

	power_set_idle(state->powerdown ? CORE_POWERDOWN : CORE_STANDBY);
	dsb(sy);
	wfi();
	while (fault_planted(FAULT_STANDBY_NEVER_WAKES) && !state->powerdown)
		wfi();
	power_set_idle(CORE_RUNNING);
	if (counted)
		count_entry(state, timer_count() - start);
}

/* A powerdown: the core comes back at ENTRY with CONTEXT_ID in x0, in the 6.4.3 state. */
static void powerdown(struct guest_call *c, u64 entry, u64 context_id, bool counted)
{
	struct guest_start resume = { entry, context_id, guest_caller_big_endian() };

	if (fault_planted(FAULT_POWERDOWN_CONTEXT_ID_LOST))
		resume.context_id = 0;

	idle(&idle_states[IDLE_POWERDOWN], counted);
	guest_resume_at(c, &resume);
}

/* 5.4.3: entry_point_address is only valid for a powerdown; a standby ignores it. */
static bool entry_point_used(const struct idle_state *state)
{
	return state->powerdown || fault_planted(FAULT_STANDBY_ENTRY_POINT_CHECKED);
}

/*
 * 5.4.9: a standby returns SUCCESS; a powerdown resumes at the entry point
 * (5.4.3: which only a powerdown validates). Only core states exist, so
 * neither mode has a coordination to refuse (DENIED, 5.4.6).
 */
s64 handle_cpu_suspend(struct guest_call *c)
{
	const struct idle_state *state = state_of((u32)c->x[1]);
	int cpu = smp_processor_id();

	if (!state)
		return PSCI_RET_INVALID_PARAMETERS;
	if (entry_point_used(state) && !param_entry_point_valid(c->x[2]))
		return param_invalid_address();
	WRITE_ONCE(in_cpu_suspend[cpu], true);
	if (state->powerdown)
		powerdown(c, c->x[2], c->x[3], true);
	else
		idle(state, true);
	WRITE_ONCE(in_cpu_suspend[cpu], false);
	return PSCI_RET_SUCCESS;
}

/* 5.18: a powerdown of the implementation's choosing: the core powerdown. */
s64 handle_cpu_default_suspend(struct guest_call *c)
{
	if (fault_planted(FAULT_DEFAULT_SUSPEND_DENIED))
		return PSCI_RET_DENIED;
	if (!param_entry_point_valid(c->x[1]))
		return fault_planted(FAULT_DEFAULT_SUSPEND_ENTRY_INVALID_PARAMETERS) ? PSCI_RET_INVALID_PARAMETERS :
										   param_invalid_address();
	powerdown(c, c->x[1], c->x[2], true);
	return PSCI_RET_SUCCESS;
}

/*
 * 5.20: the deepest powerdown, once every other core is OFF; else DENIED
 * (5.20.2; 5.1.19 names ALREADY_ON instead). The system state is none of the
 * listed core states, so no statistics count it.
 */
s64 handle_system_suspend(struct guest_call *c)
{
	if (!param_entry_point_valid(c->x[1]))
		return param_invalid_address();
	if (!power_others_off() && !fault_planted(FAULT_SYSTEM_SUSPEND_WITH_CORES_ON))
		return PSCI_RET_DENIED;
	powerdown(c, c->x[1], c->x[2], false);
	return PSCI_RET_SUCCESS;
}

static bool any_in_cpu_suspend(void)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (READ_ONCE(in_cpu_suspend[cpu]))
			return true;
	return false;
}

/*
 * 5.21.2: into OS-initiated mode only while no core is in a state
 * CPU_SUSPEND put it in; into platform-coordinated mode only with every
 * other core OFF. Staying in the mode is no switch.
 */
s64 handle_set_suspend_mode(struct guest_call *c)
{
	u32 wanted = (u32)c->x[1];

	if (wanted != MODE_PLATFORM_COORDINATED && wanted != MODE_OS_INITIATED &&
	    !fault_planted(FAULT_SUSPEND_MODE_ANY_ACCEPTED))
		return PSCI_RET_INVALID_PARAMETERS;
	if (wanted != mode && wanted == MODE_OS_INITIATED &&
	    (any_in_cpu_suspend() || fault_planted(FAULT_SUSPEND_MODE_OSI_REFUSED)))
		return PSCI_RET_DENIED;
	if (wanted != mode && wanted == MODE_PLATFORM_COORDINATED &&
	    ((!power_others_off() && !fault_planted(FAULT_SUSPEND_MODE_TO_PC_WITH_CORES_ON)) ||
	     fault_planted(FAULT_SUSPEND_MODE_PC_REFUSED)))
		return PSCI_RET_DENIED;
	mode = wanted == MODE_OS_INITIATED ? MODE_OS_INITIATED : MODE_PLATFORM_COORDINATED;
	return PSCI_RET_SUCCESS;
}

/* 5.22.2: 0 for a node and state that do not go together; SMC32 callers read the low 32 bits. */
static struct idle_stats *stats_of(const struct guest_call *c)
{
	int cpu = fault_planted(FAULT_STAT_OF_CALLER) ? smp_processor_id() : param_target_cpu(c->x[1]);
	const struct idle_state *state = state_of((u32)c->x[2]);

	return cpu >= 0 && state ? &stats[cpu][state - idle_states] : NULL;
}

s64 handle_stat_residency(struct guest_call *c)
{
	struct idle_stats *s = stats_of(c);

	return s ? (s64)READ_ONCE(s->residency_us) : 0;
}

s64 handle_stat_count(struct guest_call *c)
{
	struct idle_stats *s = stats_of(c);

	return s ? (s64)READ_ONCE(s->count) : 0;
}
