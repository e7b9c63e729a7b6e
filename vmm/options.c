#include "options.h"
#include <errno.h>
#include <spec/psci.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: psci-vmm [-smp N] [-m MIB] [-append ARGS] [-timeout SECONDS]\n"
	"                [-psci-version MAJOR.MINOR] [-reboot] IMAGE\n"
	"  -smp N            vCPUs (default 1); vCPU 0 boots, the others wait for CPU_ON\n"
	"  -m MIB            guest RAM at 0x40000000 (default 256)\n"
	"  -append ARGS      /chosen bootargs\n"
	"  -timeout SECONDS  wall-clock limit for the whole run, then exit 124 (default: none)\n"
	"  -psci-version V   write KVM_REG_ARM_PSCI_VERSION, e.g. 0.2 or 1.0 (default: KVM's)\n"
	"  -reboot           a SYSTEM_RESET/RESET2 boots the image again, RAM kept (default: exit)\n"
	"Guest UART output goes to stdout unchanged; lines of the VMM itself start \"VMM: \".\n"
	"Exit status: 0 after a system event, 1 on errors, 2 on usage errors, 124 on timeout.\n";

static void __attribute__((noreturn)) bad_usage(const char *fmt, const char *arg)
{
	fputs("psci-vmm: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(" (psci-vmm -h for usage)\n", stderr);
	exit(VMM_EXIT_USAGE);
}

static unsigned long number(const char *opt, const char *arg, unsigned long max)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || v > max || arg[0] == '-')
		bad_usage("bad number for %s", opt);
	return v;
}

static uint32_t psci_version(const char *arg)
{
	unsigned int major, minor;
	char tail;

	if (sscanf(arg, "%u.%u%c", &major, &minor, &tail) != 2 || major > 0x7fff || minor > 0xffff)
		bad_usage("bad -psci-version %s, want MAJOR.MINOR such as 1.0", arg);
	return PSCI_VERSION_OF(major, minor);
}

static const char *value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		bad_usage("%s needs a value", argv[*i]);
	return argv[++*i];
}

void options_parse(struct options *opt, int argc, char **argv)
{
	*opt = (struct options){ .smp = 1, .ram_mib = 256, .append = "" };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			exit(0);
		} else if (!strcmp(a, "-smp")) {
			opt->smp = number(a, value(argc, argv, &i), 4096);
		} else if (!strcmp(a, "-m")) {
			opt->ram_mib = number(a, value(argc, argv, &i), 1ul << 20);
		} else if (!strcmp(a, "-append")) {
			opt->append = value(argc, argv, &i);
		} else if (!strcmp(a, "-timeout")) {
			opt->timeout_s = number(a, value(argc, argv, &i), 1ul << 20);
		} else if (!strcmp(a, "-psci-version")) {
			opt->psci_version = psci_version(value(argc, argv, &i));
		} else if (!strcmp(a, "-reboot")) {
			opt->reboot = true;
		} else if (a[0] == '-' || opt->image) {
			bad_usage("unexpected argument %s", a);
		} else {
			opt->image = a;
		}
	}
	if (!opt->image)
		bad_usage("%s", "no IMAGE given");
	if (opt->smp < 1 || opt->ram_mib < 4)
		bad_usage("%s", "needs -smp 1 or more and -m 4 or more");
}
