/*
 * Just enough of the GIC to take this CPU's own private interrupts (the
 * virtual timer's PPI), on GICv2 or GICv3 as the DT describes.
 */
#ifndef ARM64_GIC_H
#define ARM64_GIC_H

#include <base.h>

#define GIC_SPURIOUS_FIRST 1020

struct gic_ops {
	bool (*init)(int node);		/* once, on the boot CPU */
	bool (*cpu_init)(void);		/* on every CPU as it comes online */
	void (*enable_ppi)(u32 intid);	/* for the calling CPU */
	u32 (*ack)(void);		/* the INTID of the interrupt taken */
	void (*eoi)(u32 intid);
};

extern const struct gic_ops gicv2_ops, gicv3_ops;

/* Returns the GIC version found (2 or 3), or 0 if the DT has none we drive. */
int gic_init(void);
int gic_version(void);
bool gic_cpu_init(void);
void gic_enable_ppi(u32 intid);
u32 gic_ack(void);
void gic_eoi(u32 intid);

#endif
