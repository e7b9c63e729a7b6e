#include <check-ids.h>
#include <spec/psci.h>

const char *psci_check_id(const char *prefix, u32 id, char *buf, size_t size)
{
	const struct psci_function *fn = &psci_functions[PSCI_FN_NUMBER(id) % PSCI_NR_COUNT];
	char name[32];
	int n;

	if (PSCI_FN_NUMBER(id) < PSCI_NR_COUNT)
		n = snprintf(name, sizeof(name), "%s", fn->name);
	else
		n = snprintf(name, sizeof(name), "reserved_0x%02x", PSCI_FN_NUMBER(id));
	for (int i = 0; i < n; i++)
		if (name[i] >= 'A' && name[i] <= 'Z')
			name[i] += 'a' - 'A';
	snprintf(buf, size, "%s.%s%s", prefix, name, PSCI_FN_IS_SMC64(id) ? "64" : "");
	return buf;
}
