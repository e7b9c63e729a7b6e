/* Data cache maintenance by VA to the point of coherency (DDI0487 D7.5.9). */
#include <arm64/processor.h>

static u64 dcache_line_size(void)
{
	return 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
}

void dcache_clean_poc(const void *addr, size_t size)
{
	u64 line = dcache_line_size();

	for (u64 p = ALIGN_DOWN((u64)addr, line); p < (u64)addr + size; p += line)
		asm volatile("dc cvac, %0" : : "r"(p) : "memory");
	dsb(sy);
}
