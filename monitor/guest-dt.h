/*
 * The guest's DT: QEMU's, with /psci for the PSCI the monitor emulates over
 * HVC, the guest's own command line in /chosen, the monitor's memory
 * reserved, and the idle states CPU_SUSPEND accepts.
 */
#ifndef MONITOR_GUEST_DT_H
#define MONITOR_GUEST_DT_H

#include <base.h>

/* The test image QEMU's guest-loader placed in RAM. */
struct guest_module {
	u64 addr, size;
	const char *bootargs;	/* NULL: none given */
};

/* From the /chosen/module@ node whose compatible has "multiboot,kernel". */
bool guest_module_find(const void *fdt, struct guest_module *m);
/* Builds the guest's DT from FDT; NULL, or what went wrong. */
const char *guest_dt_build(const void *fdt, const struct guest_module *m);
const void *guest_dt(void);

#endif
