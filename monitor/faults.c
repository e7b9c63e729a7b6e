#include "faults.h"
#include "options.h"
#include "string.h"

static const char *const names[FAULT_COUNT] = {
	[FAULT_NONE] = "none",
};

int fault_by_name(const char *name)
{
	for (int f = 0; f < FAULT_COUNT; f++)
		if (!strcmp(names[f], name))
			return f;
	return -1;
}

const char *fault_name(enum monitor_fault fault)
{
	return names[fault];
}

bool fault_planted(enum monitor_fault fault)
{
	return fault != FAULT_NONE && monitor.fault == fault;
}
