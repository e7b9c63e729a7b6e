#include "vcpu.h"
#include "die.h"
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define CORE_REG(field)	(KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(field))
#define MPIDR_EL1	ARM64_SYS_REG(3, 0, 0, 0, 5)
/* Aff3 and Aff2-Aff0: the bits a DT cpu node's reg and PSCI's target_cpu carry. */
#define MPIDR_AFFINITY	0xff00ffffffull

void vcpu_create(struct vcpu *vcpu, struct vm *vm, int index)
{
	vcpu->vm = vm;
	vcpu->index = index;
	vcpu->fd = ioctl(vm->fd, KVM_CREATE_VCPU, index);
	if (vcpu->fd < 0)
		die_errno("KVM_CREATE_VCPU %d", index);
	vcpu->run = mmap(NULL, vm->vcpu_mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu->fd, 0);
	if (vcpu->run == MAP_FAILED)
		die_errno("mmap of vCPU %d's kvm_run", index);
}

void vcpu_close(struct vcpu *vcpu)
{
	munmap(vcpu->run, vcpu->vm->vcpu_mmap_size);
	close(vcpu->fd);
}

void vcpu_init(struct vcpu *vcpu)
{
	struct kvm_vcpu_init init;

	if (ioctl(vcpu->vm->fd, KVM_ARM_PREFERRED_TARGET, &init) < 0)
		die_errno("KVM_ARM_PREFERRED_TARGET");
	init.features[0] |= 1u << KVM_ARM_VCPU_PSCI_0_2;
	if (vcpu->index)
		init.features[0] |= 1u << KVM_ARM_VCPU_POWER_OFF;
	if (ioctl(vcpu->fd, KVM_ARM_VCPU_INIT, &init) < 0)
		die_errno("KVM_ARM_VCPU_INIT of vCPU %d", vcpu->index);
	vcpu->mpidr = vcpu_get_reg(vcpu, MPIDR_EL1) & MPIDR_AFFINITY;
}

uint64_t vcpu_get_reg(const struct vcpu *vcpu, uint64_t id)
{
	uint64_t value;
	struct kvm_one_reg reg = { .id = id, .addr = (uint64_t)&value };

	if (ioctl(vcpu->fd, KVM_GET_ONE_REG, &reg) < 0)
		die_errno("KVM_GET_ONE_REG 0x%llx of vCPU %d", (unsigned long long)id, vcpu->index);
	return value;
}

/* KVM numbers the core registers in 32-bit words: x(N) is two words after x(N-1). */
uint64_t vcpu_get_x(const struct vcpu *vcpu, int n)
{
	return vcpu_get_reg(vcpu, CORE_REG(regs.regs[0]) + 2 * (uint64_t)n);
}

bool vcpu_set_reg(const struct vcpu *vcpu, uint64_t id, uint64_t value)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uint64_t)&value };

	return ioctl(vcpu->fd, KVM_SET_ONE_REG, &reg) == 0;
}

void vcpu_set_boot_regs(const struct vcpu *vcpu, uint64_t pc, uint64_t dtb)
{
	const struct { uint64_t id, value; } regs[] = {
		{ CORE_REG(regs.pc), pc },
		{ CORE_REG(regs.regs[0]), dtb },
		{ CORE_REG(regs.regs[1]), 0 },
		{ CORE_REG(regs.regs[2]), 0 },
		{ CORE_REG(regs.regs[3]), 0 },
	};

	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (!vcpu_set_reg(vcpu, regs[i].id, regs[i].value))
			die_errno("KVM_SET_ONE_REG 0x%llx of vCPU %d", (unsigned long long)regs[i].id, vcpu->index);
}
