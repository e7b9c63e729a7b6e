#include <arm64/mmu.h>
#include <arm64/pgtable.h>
#include <arm64/processor.h>

#define MAX_L2_TABLES 8
#define L1_SIZE (1UL << L1_SHIFT)
#define L2_SIZE (1UL << L2_SHIFT)

static u64 l1[PT_ENTRIES] __aligned(4096);
static u64 l2[MAX_L2_TABLES][PT_ENTRIES] __aligned(4096);
static struct dt_reg ram[MAX_MEM_REGIONS];
static int nr_ram;

static bool overlaps_ram(u64 start, u64 size, bool *whole)
{
	for (int i = 0; i < nr_ram; i++) {
		u64 end = ram[i].addr + ram[i].size;

		if (start < end && ram[i].addr < start + size) {
			*whole = ram[i].addr <= start && start + size <= end;
			return true;
		}
	}
	return false;
}

/* A 2 MiB block that RAM only partly covers is still Normal: RAM wins. */
static void fill_l2(u64 *table, u64 gb, u64 el_bits)
{
	bool whole;

	for (int i = 0; i < PT_ENTRIES; i++) {
		u64 pa = gb + i * L2_SIZE;

		table[i] = pa | el_bits | (overlaps_ram(pa, L2_SIZE, &whole) ? BLOCK_NORMAL : BLOCK_DEVICE);
	}
}

static bool build_tables(void)
{
	u64 el_bits = current_el() == 2 ? PTE_AP_RES1_EL2 : 0;
	int used = 0;
	bool whole;

	for (u64 i = 0; i < PT_ENTRIES; i++) {
		u64 gb = i << L1_SHIFT;

		if (!overlaps_ram(gb, L1_SIZE, &whole)) {
			l1[i] = gb | el_bits | BLOCK_DEVICE;
		} else if (whole) {
			l1[i] = gb | el_bits | BLOCK_NORMAL;
		} else {
			if (used == MAX_L2_TABLES)
				return false;
			fill_l2(l2[used], gb, el_bits);
			l1[i] = (u64)l2[used++] | PTE_TABLE;
		}
	}
	return true;
}

bool mmu_setup(void)
{
	nr_ram = dt_memory(ram, MAX_MEM_REGIONS);
	for (int i = 0; i < nr_ram; i++)
		if (ram[i].addr + ram[i].size > 1UL << VA_BITS)
			return false;
	if (!nr_ram || !build_tables())
		return false;
	dsb(ishst);
	mmu_switch((u64)l1);
	return true;
}

int mem_regions(const struct dt_reg **regions)
{
	*regions = ram;
	return nr_ram;
}

bool mem_is_ram(u64 addr, u64 size)
{
	bool whole;

	return overlaps_ram(addr, size, &whole) && whole;
}
