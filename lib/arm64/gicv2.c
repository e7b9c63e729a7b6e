/* GICv2 (ARM IHI 0048B): distributor and memory-mapped CPU interface. */
#include <arm64/gic.h>
#include <arm64/io.h>
#include <devicetree.h>

#define GICD_CTLR		0x000
#define GICD_ISENABLER		0x100
#define GICD_IPRIORITYR		0x400
#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010
/* Both groups on: with the Security Extensions, Non-secure software owns group 1. */
#define GIC_CTLR_ENABLE_BOTH	0x3
#define GICC_IAR_INTID		0x3ff
#define PRIORITY_DEFAULT	0xa0
#define PRIORITY_MASK_ALL_PASS	0xf0

static u64 dist, cpuif;

static bool gicv2_init(int node)
{
	struct dt_reg d, c;

	if (!dt_reg(node, 0, &d) || !dt_reg(node, 1, &c))
		return false;
	dist = d.addr;
	cpuif = c.addr;
	writel(GIC_CTLR_ENABLE_BOTH, dist + GICD_CTLR);
	return true;
}

static bool gicv2_cpu_init(void)
{
	writel(PRIORITY_MASK_ALL_PASS, cpuif + GICC_PMR);
	writel(GIC_CTLR_ENABLE_BOTH, cpuif + GICC_CTLR);
	return true;
}

/* The SGI/PPI registers of the distributor are banked per CPU. */
static void gicv2_enable_ppi(u32 intid)
{
	writeb(PRIORITY_DEFAULT, dist + GICD_IPRIORITYR + intid);
	writel(BIT(intid), dist + GICD_ISENABLER);
}

static u32 gicv2_ack(void)
{
	return readl(cpuif + GICC_IAR) & GICC_IAR_INTID;
}

static void gicv2_eoi(u32 intid)
{
	writel(intid, cpuif + GICC_EOIR);
}

const struct gic_ops gicv2_ops = {
	.init = gicv2_init,
	.cpu_init = gicv2_cpu_init,
	.enable_ppi = gicv2_enable_ppi,
	.ack = gicv2_ack,
	.eoi = gicv2_eoi,
};
