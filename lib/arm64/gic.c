#include <arm64/gic.h>
#include <devicetree.h>

static const struct gic_ops *ops;
static int version;

int gic_init(void)
{
	static const char *const v2[] = { "arm,cortex-a15-gic", "arm,gic-400", "arm,cortex-a9-gic", NULL };
	static const char *const v3[] = { "arm,gic-v3", NULL };
	int node;

	if ((node = dt_find_compatible(v3)) >= 0 && gicv3_ops.init(node)) {
		ops = &gicv3_ops;
		version = 3;
	} else if ((node = dt_find_compatible(v2)) >= 0 && gicv2_ops.init(node)) {
		ops = &gicv2_ops;
		version = 2;
	}
	return version;
}

int gic_version(void)
{
	return version;
}

bool gic_cpu_init(void)
{
	return ops && ops->cpu_init();
}

void gic_enable_ppi(u32 intid)
{
	if (ops)
		ops->enable_ppi(intid);
}

u32 gic_ack(void)
{
	return ops ? ops->ack() : GIC_SPURIOUS_FIRST + 3;
}

void gic_eoi(u32 intid)
{
	if (ops)
		ops->eoi(intid);
}
