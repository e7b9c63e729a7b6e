/*
 * The PSCI functions the monitor has, and which of them the guest gets: the
 * spec table (lib/spec/psci.c) says which exist and which are mandatory at
 * the version emulated; the options pick the optional ones.
 */
#ifndef MONITOR_PSCI_FUNCTIONS_H
#define MONITOR_PSCI_FUNCTIONS_H

#include <spec/psci.h>
#include "call.h"

/* Does the monitor have a handler for function number NR? */
bool psci_provides(unsigned int nr);
/* Does the guest get FN: it exists at the version, and is mandatory or chosen? */
bool psci_implemented(const struct psci_function *fn);
/* Answers a call of FN (either width): NOT_SUPPORTED if the guest does not get it. */
s64 psci_call(const struct psci_function *fn, struct guest_call *c);

#endif
