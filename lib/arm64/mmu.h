#ifndef ARM64_MMU_H
#define ARM64_MMU_H

#include <devicetree.h>

#define MAX_MEM_REGIONS 16

/*
 * Replaces the boot map by one built from the DT memory nodes: RAM Normal
 * write-back, everything else Device-nGnRE. False if RAM lies beyond the VA
 * range or needs more level 2 tables than the runtime has.
 */
bool mmu_setup(void);
int mem_regions(const struct dt_reg **regions);
/* True if [addr, addr+size) lies inside one RAM region. */
bool mem_is_ram(u64 addr, u64 size);
void mmu_switch(u64 ttbr);

#endif
