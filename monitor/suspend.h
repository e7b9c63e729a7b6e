/*
 * The low-power states a core can be asked for (the DT lists them as idle
 * states) and the functions that enter them: CPU_SUSPEND,
 * CPU_DEFAULT_SUSPEND, SYSTEM_SUSPEND; PSCI_SET_SUSPEND_MODE; and the
 * statistics PSCI_STAT_RESIDENCY and PSCI_STAT_COUNT keep of them.
 */
#ifndef MONITOR_SUSPEND_H
#define MONITOR_SUSPEND_H

#include "call.h"

/* A state of the platform, in the power_state format PSCI_FEATURES(CPU_SUSPEND) gives. */
struct idle_state {
	const char *name;		/* its DT node's name */
	u32 power_state;
	bool powerdown;
	u32 entry_latency_us, exit_latency_us, min_residency_us;	/* idle-states binding */
};

enum { IDLE_STANDBY, IDLE_POWERDOWN, IDLE_STATE_COUNT };

extern const struct idle_state idle_states[IDLE_STATE_COUNT];

/* PSCI_FEATURES(CPU_SUSPEND) (DEN0022F.b 5.16.2 Table 11). */
s32 suspend_features(void);

s64 handle_cpu_suspend(struct guest_call *c);
s64 handle_cpu_default_suspend(struct guest_call *c);
s64 handle_system_suspend(struct guest_call *c);
s64 handle_set_suspend_mode(struct guest_call *c);
s64 handle_stat_residency(struct guest_call *c);
s64 handle_stat_count(struct guest_call *c);

#endif
