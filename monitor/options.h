/*
 * What the monitor emulates, from its command line (/chosen/bootargs):
 *   psci=0.2|1.0|1.1|1.2|1.3    the PSCI version (default 1.3, the newest)
 *   optional=all|none|NAME,...  the optional functions it provides, by their
 *                               DEN0022F.b names, e.g. SYSTEM_RESET2,SYSTEM_OFF2;
 *                               "all" (the default) is every optional function
 *                               the version has and the monitor can provide, so
 *                               that every check of the suite has something to
 *                               check; "none" leaves the mandatory functions
 *   fault=NAME                  one planted fault (faults.h); default none
 */
#ifndef MONITOR_OPTIONS_H
#define MONITOR_OPTIONS_H

#include <base.h>
#include "faults.h"

struct monitor_options {
	u32 version;		/* PSCI_VERSION's answer */
	u32 optional;		/* BIT(PSCI_NR_*) of each optional function provided */
	enum monitor_fault fault;
};

extern struct monitor_options monitor;

/* Parses ARGV[1..] into monitor; false, with WHY set, for anything it cannot emulate. */
bool options_parse(int argc, char **argv, char *why, size_t size);
/* "PSCI 1.3, optional SYSTEM_RESET2 SYSTEM_OFF2, fault none" */
void options_describe(char *buf, size_t size);

#endif
