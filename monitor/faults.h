/*
 * Planted faults: a monitor booted with fault=NAME breaks exactly one rule of
 * the specification, so that the suite can show it catches that departure.
 * Each fault is tested in the one place of the code that keeps the rule it
 * breaks, as `if (fault_planted(FAULT_X))`. None is defined yet.
 */
#ifndef MONITOR_FAULTS_H
#define MONITOR_FAULTS_H

#include "base.h"

enum monitor_fault {
	FAULT_NONE,
	FAULT_COUNT
};

/* The fault named NAME ("none" for FAULT_NONE), or -1. */
int fault_by_name(const char *name);
const char *fault_name(enum monitor_fault fault);
bool fault_planted(enum monitor_fault fault);

#endif
