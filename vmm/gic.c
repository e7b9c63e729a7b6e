#include "gic.h"
#include "die.h"
#include "layout.h"
#include <errno.h>
#include <linux/kvm.h>
#include <stdint.h>
#include <sys/ioctl.h>

static void set_attr(int dev, uint32_t group, uint64_t attr, const void *value, const char *what)
{
	struct kvm_device_attr a = { .group = group, .attr = attr, .addr = (uint64_t)value };

	if (ioctl(dev, KVM_SET_DEVICE_ATTR, &a) < 0)
		die_errno("vgic: setting %s", what);
}

/* Returns the device, or -1 if this KVM cannot emulate that GIC. */
static int create_device(const struct vm *vm, uint32_t type)
{
	struct kvm_create_device dev = { .type = type };

	if (ioctl(vm->fd, KVM_CREATE_DEVICE, &dev) == 0)
		return dev.fd;
	if (errno != ENODEV)
		die_errno("KVM_CREATE_DEVICE vgic");
	return -1;
}

int gic_create(const struct vm *vm, int nr_vcpus, int *version)
{
	uint64_t dist = GICD_BASE, redist = GICR_BASE, cpu = GICC_BASE;
	int dev = create_device(vm, KVM_DEV_TYPE_ARM_VGIC_V3);

	*version = 3;
	if (dev >= 0) {
		set_attr(dev, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_VGIC_V3_ADDR_TYPE_DIST, &dist, "the distributor address");
		set_attr(dev, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_VGIC_V3_ADDR_TYPE_REDIST, &redist, "the redistributor address");
	} else {
		*version = 2;
		dev = create_device(vm, KVM_DEV_TYPE_ARM_VGIC_V2);
		if (dev < 0)
			die("KVM emulates neither GICv3 nor GICv2");
		if (nr_vcpus > GICV2_MAX_VCPUS)
			die("-smp %d: the host's GICv2 allows %d vCPUs", nr_vcpus, GICV2_MAX_VCPUS);
		set_attr(dev, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_VGIC_V2_ADDR_TYPE_DIST, &dist, "the distributor address");
		set_attr(dev, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_VGIC_V2_ADDR_TYPE_CPU, &cpu, "the CPU interface address");
	}
	set_attr(dev, KVM_DEV_ARM_VGIC_GRP_CTRL, KVM_DEV_ARM_VGIC_CTRL_INIT, NULL, "it up (CTRL_INIT)");
	return dev;
}
