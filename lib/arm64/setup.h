/* What the boot CPU found while setting up, for the selftest and the checks. */
#ifndef ARM64_SETUP_H
#define ARM64_SETUP_H

#include <devicetree.h>

struct boot_facts {
	unsigned int el;		/* the EL the image was entered at, and runs at */
	const char *console;		/* driver name */
	struct dt_psci psci;
	bool timer_ok;
	int gic_version;
	bool mmu_ok;
	u64 image_start, image_end;
	u64 dtb;
};

extern struct boot_facts boot;

int main(int argc, char **argv);

#endif
