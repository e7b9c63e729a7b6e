/*
 * Prints the monitor's table of planted faults (monitor/faults.h), one fault
 * a line, for scripts/mutants.sh: name, PSCI version, optional functions,
 * cfg tests, checks and rule, separated by tabs. No field is
 * empty, so that a shell reading it with IFS=tab sees every one.
 */
#include <stdio.h>
#include "faults.h"

int main(void)
{
	for (int f = FAULT_NONE + 1; f < FAULT_COUNT; f++) {
		const struct fault_info *i = &faults[f];

		printf("%s\t%s\t%s\t%s\t%s\t%s\n", i->name, i->psci, i->optional, i->tests, i->checks, i->rule);
	}
	return 0;
}
