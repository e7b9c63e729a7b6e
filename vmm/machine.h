/* The whole guest machine: RAM, vCPUs, GIC, UART, the image and its DTB. */
#ifndef VMM_MACHINE_H
#define VMM_MACHINE_H

#include "image.h"
#include "layout.h"
#include "options.h"
#include "vcpu.h"
#include "vm.h"

struct machine {
	struct vm vm;
	struct vcpu *vcpus;
	int nr_vcpus;
	int gic;			/* the vGIC device */
	int gic_version;
	struct image image;
	uint32_t psci_version_wanted;	/* 0: leave KVM's default */
	uint32_t psci_version;		/* what KVM reports */
	uint8_t dtb[DTB_MAX_SIZE];
	size_t dtb_size;
	uint64_t dtb_addr;
};

void machine_create(struct machine *m, const struct options *opt);
/*
 * Replaces the VM by a new one at its power-on state, on the same RAM: what
 * a system reset does to every part of the machine but memory.
 */
void machine_power_cycle(struct machine *m);
/* Puts the image and the DTB (back) into RAM and vCPU 0 at the image's entry. */
void machine_boot(struct machine *m);

#endif
