#include "machine.h"
#include "die.h"
#include "fdt.h"
#include "gic.h"
#include "uart.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void set_psci_version(struct machine *m)
{
	if (m->psci_version_wanted && !vcpu_set_reg(&m->vcpus[0], KVM_REG_ARM_PSCI_VERSION, m->psci_version_wanted))
		die_errno("KVM refuses PSCI version 0x%08x (KVM_REG_ARM_PSCI_VERSION)", m->psci_version_wanted);
	m->psci_version = vcpu_get_reg(&m->vcpus[0], KVM_REG_ARM_PSCI_VERSION);
	/* A VMM that pins a version must see it taken, or the guest's ABI is not the one asked for. */
	if (m->psci_version_wanted && m->psci_version != m->psci_version_wanted)
		die("KVM_REG_ARM_PSCI_VERSION reads 0x%08x after 0x%08x was written", m->psci_version,
		    m->psci_version_wanted);
}

static void create_vcpus(struct machine *m)
{
	int max = vm_max_vcpus(&m->vm);

	if (m->nr_vcpus > max || m->nr_vcpus > (int)MAX_VCPUS)
		die("-smp %d: this KVM allows %d vCPUs and the memory map %d", m->nr_vcpus, max, (int)MAX_VCPUS);
	for (int i = 0; i < m->nr_vcpus; i++) {
		vcpu_create(&m->vcpus[i], &m->vm, i);
		vcpu_init(&m->vcpus[i]);
	}
}

/* Everything but RAM, in the order KVM wants: vCPUs before the vGIC's init. */
static void create_vm(struct machine *m)
{
	vm_create(&m->vm);
	create_vcpus(m);
	m->gic = gic_create(&m->vm, m->nr_vcpus, &m->gic_version);
	uart_create(&m->vm, m->vcpus[0].run);
	set_psci_version(m);
}

/* The DTB goes at the first 2 MiB boundary above the image, so it is never inside it. */
static void build_dtb(struct machine *m, const char *bootargs)
{
	uint64_t mpidrs[m->nr_vcpus];
	struct fdt_config cfg = {
		.nr_cpus = m->nr_vcpus,
		.mpidrs = mpidrs,
		.ram_base = m->vm.ram_base,
		.ram_size = m->vm.ram_size,
		.psci_version = m->psci_version,
		.gic_version = m->gic_version,
		.bootargs = bootargs,
	};
	uint64_t image_end = m->image.load + m->image.mem_size;

	for (int i = 0; i < m->nr_vcpus; i++)
		mpidrs[i] = m->vcpus[i].mpidr;
	m->dtb_size = fdt_build(m->dtb, sizeof(m->dtb), &cfg);
	m->dtb_addr = (image_end + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN;
	if (!vm_ram_ptr(&m->vm, m->dtb_addr, m->dtb_size))
		die("no room for the DTB above the image: give more RAM with -m");
}

void machine_create(struct machine *m, const struct options *opt)
{
	m->psci_version_wanted = opt->psci_version;
	m->nr_vcpus = opt->smp;
	m->vcpus = calloc(m->nr_vcpus, sizeof(*m->vcpus));
	if (!m->vcpus)
		die("out of memory");
	vm_open(&m->vm, RAM_BASE, opt->ram_mib << 20);
	image_read(&m->image, opt->image, &m->vm);
	create_vm(m);
	build_dtb(m, opt->append);
}

/* The DTB stays valid: KVM gives the new VM the same MPIDRs and PSCI version. */
void machine_power_cycle(struct machine *m)
{
	uint32_t psci_version = m->psci_version;

	for (int i = 0; i < m->nr_vcpus; i++)
		vcpu_close(&m->vcpus[i]);
	close(m->gic);
	vm_close(&m->vm);
	create_vm(m);
	if (m->psci_version != psci_version)
		die("PSCI version 0x%x after the power cycle, 0x%x before", m->psci_version, psci_version);
}

void machine_boot(struct machine *m)
{
	image_copy_to_ram(&m->image, &m->vm);
	memcpy(vm_ram_ptr(&m->vm, m->dtb_addr, m->dtb_size), m->dtb, m->dtb_size);
	vcpu_set_boot_regs(&m->vcpus[0], m->image.load, m->dtb_addr);
}
