/*
 * The guest's physical address map, close to QEMU's "virt" board so that the
 * same test images find their devices in the same places.
 */
#ifndef VMM_LAYOUT_H
#define VMM_LAYOUT_H

#define GICD_BASE		0x08000000ull
#define GICD_SIZE		0x10000ull
/* GICv2 hosts only: the CPU interface, whose KVM frame is 8 KiB. */
#define GICC_BASE		0x08010000ull
#define GICC_SIZE		0x2000ull
#define GICR_BASE		0x080a0000ull
#define GICR_SIZE_PER_CPU	0x20000ull	/* RD_base and SGI_base frames */
#define UART_BASE		0x09000000ull
#define UART_SIZE		0x1000ull
#define RAM_BASE		0x40000000ull

/* GICv3's redistributors must end below the UART; GICv2 has 8 CPU interfaces. */
#define MAX_VCPUS		((UART_BASE - GICR_BASE) / GICR_SIZE_PER_CPU)
#define GICV2_MAX_VCPUS		8

/* Linux arm64 boot protocol: the Image goes text_offset above a 2 MiB-aligned base. */
#define IMAGE_ALIGN		0x200000ull
#define DTB_MAX_SIZE		0x10000ull

/* Timer PPIs as KVM wires them (INTID - 16): secure, non-secure physical, virtual, hypervisor. */
#define PPI_SEC_PHYS		13
#define PPI_PHYS		14
#define PPI_VIRT		11
#define PPI_HYP			10

#endif
