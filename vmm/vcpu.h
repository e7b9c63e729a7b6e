/* One KVM vCPU: creation, KVM_ARM_VCPU_INIT and registers. */
#ifndef VMM_VCPU_H
#define VMM_VCPU_H

#include "vm.h"
#include <linux/kvm.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

struct vcpu {
	struct vm *vm;
	int index;
	int fd;
	struct kvm_run *run;
	pthread_t thread;
	uint64_t mpidr;		/* affinity fields only, as the DT's cpu reg wants it */
};

void vcpu_create(struct vcpu *vcpu, struct vm *vm, int index);
void vcpu_close(struct vcpu *vcpu);
/*
 * Resets the vCPU to its power-on state with PSCI 0.2+ and, for all but the
 * boot vCPU, powered off until a CPU_ON; reads its MPIDR back.
 */
void vcpu_init(struct vcpu *vcpu);
uint64_t vcpu_get_reg(const struct vcpu *vcpu, uint64_t id);
/* General register xN, e.g. an argument of the call that made the vCPU exit. */
uint64_t vcpu_get_x(const struct vcpu *vcpu, int n);
/* Returns false with errno set if KVM refuses the value. */
bool vcpu_set_reg(const struct vcpu *vcpu, uint64_t id, uint64_t value);
/* Linux arm64 boot protocol: PC at the image, x0 = the DTB, x1-x3 zero. */
void vcpu_set_boot_regs(const struct vcpu *vcpu, uint64_t pc, uint64_t dtb);

#endif
