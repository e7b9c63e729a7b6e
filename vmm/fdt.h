/* The guest's device tree, generated with libfdt's sequential-write API. */
#ifndef VMM_FDT_H
#define VMM_FDT_H

#include <stddef.h>
#include <stdint.h>

struct fdt_config {
	int nr_cpus;
	const uint64_t *mpidrs;		/* one per vCPU, in vCPU order */
	uint64_t ram_base, ram_size;
	uint32_t psci_version;		/* as KVM reports it: selects the /psci compatible */
	int gic_version;		/* 2 or 3 */
	const char *bootargs;
};

/* Writes the DTB into BUF (at most SIZE bytes); returns its size. */
size_t fdt_build(void *buf, size_t size, const struct fdt_config *cfg);

#endif
