/*
 * Whole-system power events (SYSTEM_OFF, SYSTEM_OFF2, SYSTEM_RESET,
 * SYSTEM_RESET2), performed with QEMU's PSCI after a POWER line says which,
 * and the memory protection (MEM_PROTECT, MEM_PROTECT_CHECK_RANGE) a reset
 * honours.
 */
#ifndef MONITOR_SYSTEM_H
#define MONITOR_SYSTEM_H

#include "call.h"

s64 handle_system_off(struct guest_call *c);
s64 handle_system_reset(struct guest_call *c);
s64 handle_system_off2(struct guest_call *c);
s64 handle_system_reset2(struct guest_call *c);
s64 handle_mem_protect(struct guest_call *c);
s64 handle_mem_protect_check_range(struct guest_call *c);

#endif
