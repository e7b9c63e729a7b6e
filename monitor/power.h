/*
 * Each CPU's power state as the guest's PSCI sees it (DEN0022F.b 6.6: OFF,
 * ON_PENDING, ON), the physical CPUs under it (QEMU's PSCI over SMC), and the
 * functions that move CPUs between them: CPU_ON, CPU_OFF, CPU_FREEZE,
 * AFFINITY_INFO and NODE_HW_STATE.
 */
#ifndef MONITOR_POWER_H
#define MONITOR_POWER_H

#include "call.h"

/* What an ON core is doing, for NODE_HW_STATE and the statistics. */
enum core_idle { CORE_RUNNING, CORE_STANDBY, CORE_POWERDOWN };

/* The boot CPU is ON, every other CPU OFF (not yet booted). */
void power_init(int boot_cpu);
/* This CPU enters or leaves a low-power state of CPU_SUSPEND and its kin. */
void power_set_idle(enum core_idle idle);
/* Is every CPU but this one OFF? */
bool power_others_off(void);

s64 handle_cpu_on(struct guest_call *c);
s64 handle_cpu_off(struct guest_call *c);
s64 handle_cpu_freeze(struct guest_call *c);
s64 handle_affinity_info(struct guest_call *c);
s64 handle_node_hw_state(struct guest_call *c);

#endif
