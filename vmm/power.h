/*
 * The POWER line of a power-off or reset KVM performed (README: console
 * protocol), named from the spec table. Apart from main.c: Linux's uapi
 * headers, which the KVM code includes, define PSCI's names as macros.
 */
#ifndef VMM_POWER_H
#define VMM_POWER_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Prints "POWER: call=NAME PARAM=0x..." for a system reset (RESET) or
 * power-off; PSCI_FLAG is the event's flag that says the call was SYSTEM_RESET2
 * or SYSTEM_OFF2, ARGS the caller's x1 and x2.
 */
void power_report(bool reset, bool psci_flag, const uint64_t *args);

#endif
