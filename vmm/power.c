#include "power.h"
#include "console.h"
#include <spec/psci.h>

/*
 * KVM tells the call by the event and its flag, not by the function ID, so
 * the line has no fid= (the width is not known here); the parameters come by
 * their names in the spec table, the first (reset_type, type) a uint32 in
 * both forms (DEN0022F.b 5.1.10, 5.1.12).
 */
void power_report(bool reset, bool psci_flag, const uint64_t *args)
{
	unsigned int nr = reset ? (psci_flag ? PSCI_NR_SYSTEM_RESET2 : PSCI_NR_SYSTEM_RESET) :
				  (psci_flag ? PSCI_NR_SYSTEM_OFF2 : PSCI_NR_SYSTEM_OFF);
	const struct psci_function *fn = &psci_functions[nr];
	char line[160];
	int n = snprintf(line, sizeof(line), "call=%s", fn->name);

	for (unsigned int i = 0; i < 2 && psci_param_name(fn, i); i++)
		n += snprintf(line + n, sizeof(line) - n, " %s=0x%llx", psci_param_name(fn, i),
			      (unsigned long long)(i == 0 ? (uint32_t)args[0] : args[i]));
	console_power("%s", line);
}
