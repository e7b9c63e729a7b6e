/*
 * GICv3 (ARM IHI 0069): distributor with affinity routing, this CPU's
 * redistributor found by its MPIDR, and the system-register CPU interface.
 */
#include <arm64/gic.h>
#include <arm64/io.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <devicetree.h>

#define GICD_CTLR		0x0000
#define GICD_CTLR_RWP		BIT(31)
/* Group 0, group 1 and affinity routing in either security view (IHI 0069 12.9.4). */
#define GICD_CTLR_ENABLE	(BIT(4) | BIT(1) | BIT(0))
#define GICR_TYPER		0x0008
#define GICR_TYPER_VLPIS	BIT(1)
#define GICR_TYPER_LAST		BIT(4)
#define GICR_WAKER		0x0014
#define GICR_WAKER_SLEEP	BIT(1)
#define GICR_WAKER_ASLEEP	BIT(2)
#define GICR_SGI_FRAME		0x10000
#define GICR_IGROUPR0		0x0080
#define GICR_ISENABLER0		0x0100
#define GICR_IPRIORITYR		0x0400
#define GICR_FRAME_SIZE		0x20000
#define GICR_VLPI_FRAMES_SIZE	0x20000
#define ICC_SRE_SRE		BIT(0)
#define ICC_SRE_ENABLE		BIT(3)
#define ICC_IAR_INTID		0xffffff
#define PRIORITY_DEFAULT	0xa0
#define PRIORITY_MASK_ALL_PASS	0xf0
#define RWP_TIMEOUT_US		100000

static u64 dist;
static struct dt_reg redist_region;
static u64 redist_base[NR_CPUS];

static bool gicv3_init(int node)
{
	struct dt_reg d;

	if (!dt_reg(node, 0, &d) || !dt_reg(node, 1, &redist_region))
		return false;
	dist = d.addr;
	writel(readl(dist + GICD_CTLR) | GICD_CTLR_ENABLE, dist + GICD_CTLR);
	return wait_until(!(readl(dist + GICD_CTLR) & GICD_CTLR_RWP), RWP_TIMEOUT_US);
}

/* GICR_TYPER[63:32] holds Aff3.Aff2.Aff1.Aff0 of the redistributor's PE. */
static u64 find_redistributor(u64 mpidr)
{
	u64 want = ((mpidr >> 32) & 0xff) << 24 | (mpidr & 0xffffff);
	u64 rd = redist_region.addr;

	while (rd < redist_region.addr + redist_region.size) {
		u64 typer = readq(rd + GICR_TYPER);

		if (typer >> 32 == want)
			return rd;
		if (typer & GICR_TYPER_LAST)
			break;
		rd += GICR_FRAME_SIZE + (typer & GICR_TYPER_VLPIS ? GICR_VLPI_FRAMES_SIZE : 0);
	}
	return 0;
}

static u64 *this_redistributor(void)
{
	return &redist_base[smp_processor_id()];
}

static bool gicv3_cpu_init(void)
{
	u64 rd = find_redistributor(mpidr_hwid());

	if (!rd)
		return false;
	*this_redistributor() = rd;
	writel(readl(rd + GICR_WAKER) & ~GICR_WAKER_SLEEP, rd + GICR_WAKER);
	if (!wait_until(!(readl(rd + GICR_WAKER) & GICR_WAKER_ASLEEP), RWP_TIMEOUT_US))
		return false;
	writel(~0u, rd + GICR_SGI_FRAME + GICR_IGROUPR0);
	if (current_el() == 2)
		write_sysreg(read_sysreg(icc_sre_el2) | ICC_SRE_SRE | ICC_SRE_ENABLE, icc_sre_el2);
	write_sysreg(read_sysreg(icc_sre_el1) | ICC_SRE_SRE, icc_sre_el1);
	isb();
	write_sysreg(PRIORITY_MASK_ALL_PASS, icc_pmr_el1);
	write_sysreg(1, icc_igrpen1_el1);
	isb();
	return true;
}

static void gicv3_enable_ppi(u32 intid)
{
	u64 sgi = *this_redistributor() + GICR_SGI_FRAME;

	writeb(PRIORITY_DEFAULT, sgi + GICR_IPRIORITYR + intid);
	writel(BIT(intid), sgi + GICR_ISENABLER0);
}

static u32 gicv3_ack(void)
{
	u32 intid = read_sysreg(icc_iar1_el1) & ICC_IAR_INTID;

	dsb(sy);
	return intid;
}

static void gicv3_eoi(u32 intid)
{
	write_sysreg(intid, icc_eoir1_el1);
	isb();
}

const struct gic_ops gicv3_ops = {
	.init = gicv3_init,
	.cpu_init = gicv3_cpu_init,
	.enable_ppi = gicv3_enable_ppi,
	.ack = gicv3_ack,
	.eoi = gicv3_eoi,
};
