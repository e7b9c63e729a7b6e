/*
 * The KVM virtual machine: /dev/kvm, the VM file descriptor and guest RAM.
 * RAM outlives the VM: a power cycle is a new VM on the same memory.
 */
#ifndef VMM_VM_H
#define VMM_VM_H

#include <stdint.h>
#include <stddef.h>

struct vm {
	int kvm;		/* /dev/kvm */
	int fd;
	size_t vcpu_mmap_size;	/* of each vCPU's struct kvm_run */
	uint8_t *ram;
	uint64_t ram_base;	/* guest physical */
	uint64_t ram_size;
};

/* Opens /dev/kvm and allocates RAM (zeroed), once. */
void vm_open(struct vm *vm, uint64_t ram_base, uint64_t ram_size);
/* A new VM with the RAM as its memory slot 0. */
void vm_create(struct vm *vm);
/* Closes the VM; its vCPUs and devices must be closed first. */
void vm_close(struct vm *vm);
/* Most vCPUs this KVM gives one VM. */
int vm_max_vcpus(const struct vm *vm);
/* Host pointer to guest physical [gpa, gpa + len), or NULL if not all RAM. */
void *vm_ram_ptr(const struct vm *vm, uint64_t gpa, uint64_t len);

#endif
