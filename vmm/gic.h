/*
 * KVM's in-kernel GIC, through which the test images take their timer
 * interrupt: GICv3 (vgic-v3), or GICv2 (vgic-v2) on hosts that only
 * emulate that.
 */
#ifndef VMM_GIC_H
#define VMM_GIC_H

#include "vm.h"

/*
 * After every vCPU is created and before any runs. Returns the device's file
 * descriptor, and in *VERSION 3 or 2.
 */
int gic_create(const struct vm *vm, int nr_vcpus, int *version);

#endif
