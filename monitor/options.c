#include <argv.h>
#include <libc/string.h>
#include <spec/psci.h>
#include "options.h"
#include "psci-functions.h"

struct monitor_options monitor = { .version = PSCI_V1_3, .fault = FAULT_NONE };

/* "M.m" as PSCI_VERSION writes it (5.3.1), and only the published versions. */
static bool parse_version(const char *text, u32 *version)
{
	unsigned long major = strtoul(text, NULL, 10), minor;
	const char *dot = strchr(text, '.');
	char canonical[16];

	if (!dot || major > 0x7fff)
		return false;
	minor = strtoul(dot + 1, NULL, 10);
	snprintf(canonical, sizeof(canonical), "%lu.%lu", major, minor);
	if (minor > 0xffff || strcmp(canonical, text) || !psci_version_is_published(PSCI_VERSION_OF(major, minor)))
		return false;
	*version = PSCI_VERSION_OF(major, minor);
	return true;
}

static bool offerable(const struct psci_function *fn)
{
	return psci_provides(fn->number) && psci_function_exists_in(fn, monitor.version) &&
	       !psci_function_is_mandatory(fn, monitor.version);
}

static u32 all_optional(void)
{
	u32 mask = 0;

	for (unsigned int nr = 0; nr < PSCI_NR_COUNT; nr++)
		if (offerable(&psci_functions[nr]))
			mask |= BIT(nr);
	return mask;
}

static const struct psci_function *function_named(const char *name, size_t len)
{
	for (unsigned int nr = 0; nr < PSCI_NR_COUNT; nr++)
		if (strlen(psci_functions[nr].name) == len && !strncmp(psci_functions[nr].name, name, len))
			return &psci_functions[nr];
	return NULL;
}

/* Why FN cannot be asked for at the version chosen, or NULL. */
static const char *refusal(const struct psci_function *fn)
{
	if (!psci_function_exists_in(fn, monitor.version))
		return "does not exist at the PSCI version chosen (6.9 Table 17)";
	if (psci_function_is_mandatory(fn, monitor.version))
		return "is mandatory at the PSCI version chosen: always provided";
	if (!psci_provides(fn->number))
		return "is not provided: it serves a Trusted OS, and the monitor models none";
	return NULL;
}

static bool parse_optional_list(const char *list, char *why, size_t size)
{
	const char *name = list, *end;

	monitor.optional = 0;
	while (*name) {
		const struct psci_function *fn;
		const char *problem;
		char shown[32];

		end = strchr(name, ',') ? strchr(name, ',') : name + strlen(name);
		fn = function_named(name, end - name);
		problem = fn ? refusal(fn) : "is no PSCI function name of the spec table (e.g. SYSTEM_RESET2)";
		if (problem) {
			snprintf(shown, MIN(sizeof(shown), (size_t)(end - name) + 1), "%s", name);
			snprintf(why, size, "optional=: '%s' %s", shown, problem);
			return false;
		}
		monitor.optional |= BIT(fn->number);
		name = *end ? end + 1 : end;
	}
	return true;
}

/*
 * An optional set the spec rules out is refused, not emulated: a function
 * that needs another is offered only with it (6.9 Table 17 notes b-d).
 */
static bool optional_set_complete(char *why, size_t size)
{
	for (unsigned int i = 0; i < psci_pair_count; i++) {
		const struct psci_pair *p = &psci_pairs[i];
		bool fn = monitor.optional & BIT(p->fn), with = monitor.optional & BIT(p->with);

		if ((fn && !with) || (p->both_ways && with && !fn)) {
			snprintf(why, size, "optional=: %s %s %s (%s)", psci_functions[p->fn].name,
				 p->both_ways ? "and" : "needs", psci_functions[p->with].name, p->ref);
			return false;
		}
	}
	return true;
}

static bool parse_optional(const char *value, char *why, size_t size)
{
	if (!strcmp(value, "all"))
		monitor.optional = all_optional();
	else if (!strcmp(value, "none"))
		monitor.optional = 0;
	else if (!parse_optional_list(value, why, size))
		return false;
	return optional_set_complete(why, size);
}

static bool parse_fault(const char *value, char *why, size_t size)
{
	int fault = fault_by_name(value);

	if (fault < 0) {
		snprintf(why, size, "fault=%s: no such fault (fault=none plants none)", value);
		return false;
	}
	monitor.fault = fault;
	return true;
}

/* psci= first: which optional functions exist depends on it. */
bool options_parse(int argc, char **argv, char *why, size_t size)
{
	const char *optional = "all", *v;

	for (int i = 1; i < argc; i++) {
		if ((v = arg_value(argv[i], "psci"))) {
			if (!parse_version(v, &monitor.version)) {
				snprintf(why, size, "psci=%s: not a PSCI version the monitor emulates (0.2, 1.0, 1.1, 1.2, 1.3)", v);
				return false;
			}
		} else if ((v = arg_value(argv[i], "optional"))) {
			optional = v;
		} else if ((v = arg_value(argv[i], "fault"))) {
			if (!parse_fault(v, why, size))
				return false;
		} else {
			snprintf(why, size, "unknown option '%s' (psci=, optional=, fault=)", argv[i]);
			return false;
		}
	}
	return parse_optional(optional, why, size);
}

void options_describe(char *buf, size_t size)
{
	size_t n = snprintf(buf, size, "PSCI %u.%u, optional", PSCI_VERSION_MAJOR(monitor.version),
			    PSCI_VERSION_MINOR(monitor.version));

	for (unsigned int nr = 0; nr < PSCI_NR_COUNT && n < size; nr++)
		if (monitor.optional & BIT(nr))
			n += snprintf(buf + n, size - n, " %s", psci_functions[nr].name);
	if (!monitor.optional && n < size)
		n += snprintf(buf + n, size - n, " none");
	if (n < size)
		snprintf(buf + n, size - n, ", fault %s", fault_name(monitor.fault));
}
