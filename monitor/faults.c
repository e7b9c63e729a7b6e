#include "faults.h"
#include "options.h"

bool fault_planted(enum monitor_fault fault)
{
	return fault != FAULT_NONE && monitor.fault == fault;
}
