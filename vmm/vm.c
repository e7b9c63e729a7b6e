#include "vm.h"
#include "die.h"
#include <fcntl.h>
#include <linux/kvm.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static int check_extension(const struct vm *vm, long cap)
{
	int r = ioctl(vm->fd, KVM_CHECK_EXTENSION, cap);

	return r < 0 ? 0 : r;
}

static void open_kvm(struct vm *vm)
{
	int api;

	vm->kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (vm->kvm < 0)
		die_errno("/dev/kvm (needs a kernel with KVM on a CPU that boots it at EL2)");
	api = ioctl(vm->kvm, KVM_GET_API_VERSION, 0);
	if (api != KVM_API_VERSION)
		die("/dev/kvm: API version %d, this VMM speaks %d", api, KVM_API_VERSION);
}

void vm_open(struct vm *vm, uint64_t ram_base, uint64_t ram_size)
{
	int size;

	open_kvm(vm);
	size = ioctl(vm->kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (size <= 0)
		die_errno("KVM_GET_VCPU_MMAP_SIZE");
	vm->vcpu_mmap_size = size;
	vm->ram_base = ram_base;
	vm->ram_size = ram_size;
	vm->ram = mmap(NULL, ram_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (vm->ram == MAP_FAILED)
		die_errno("cannot allocate %llu MiB of guest RAM", (unsigned long long)ram_size >> 20);
}

void vm_create(struct vm *vm)
{
	struct kvm_userspace_memory_region region = {
		.slot = 0,
		.guest_phys_addr = vm->ram_base,
		.memory_size = vm->ram_size,
		.userspace_addr = (uint64_t)vm->ram,
	};

	vm->fd = ioctl(vm->kvm, KVM_CREATE_VM, 0);
	if (vm->fd < 0)
		die_errno("KVM_CREATE_VM");
	if (!check_extension(vm, KVM_CAP_ARM_PSCI_0_2) || !check_extension(vm, KVM_CAP_IMMEDIATE_EXIT))
		die("KVM lacks PSCI 0.2 or immediate exit (Linux 4.11 or later needed)");
	if (ioctl(vm->fd, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		die_errno("KVM_SET_USER_MEMORY_REGION");
}

void vm_close(struct vm *vm)
{
	close(vm->fd);
}

int vm_max_vcpus(const struct vm *vm)
{
	int n = check_extension(vm, KVM_CAP_MAX_VCPUS);

	return n ? n : check_extension(vm, KVM_CAP_NR_VCPUS);
}

void *vm_ram_ptr(const struct vm *vm, uint64_t gpa, uint64_t len)
{
	if (gpa < vm->ram_base || len > vm->ram_size || gpa - vm->ram_base > vm->ram_size - len)
		return NULL;
	return vm->ram + (gpa - vm->ram_base);
}
