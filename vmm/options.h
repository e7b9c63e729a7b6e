/* The command line. */
#ifndef VMM_OPTIONS_H
#define VMM_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#define VMM_EXIT_USAGE	2

struct options {
	int smp;
	uint64_t ram_mib;
	unsigned int timeout_s;		/* 0: none */
	const char *append;
	uint32_t psci_version;		/* 0: KVM's default */
	bool reboot;
	const char *image;
};

void options_parse(struct options *opt, int argc, char **argv);

#endif
