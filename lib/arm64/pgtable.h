/*
 * Translation table and system register encodings shared by the boot assembly
 * and the C MMU code (defines only, so both can include it).
 * Stage 1, 4 KiB granule, 39-bit VA: a level 1 table of 1 GiB blocks, and level
 * 2 tables of 2 MiB blocks where RAM and MMIO share a gigabyte (ARM DDI0487 D8).
 */
#ifndef ARM64_PGTABLE_H
#define ARM64_PGTABLE_H

/* Constants usable from C (64-bit) and from the assembler (no suffixes). */
#ifdef __ASSEMBLY__
#define UL(x)			x
#else
#define UL(x)			x##UL
#endif

#define VA_BITS			39
#define L1_SHIFT		30
#define L2_SHIFT		21
#define PT_ENTRIES		512

/* MAIR_ELx: index 0 Device-nGnRE, index 1 Normal write-back read/write-allocate. */
#define MAIR_VALUE		0xff04
#define ATTR_DEVICE		(0 << 2)
#define ATTR_NORMAL		(1 << 2)

#define PTE_BLOCK		0x1
#define PTE_TABLE		0x3
#define PTE_AP_RES1_EL2		(1 << 6)	/* AP[1] is RES1 in the EL2 regime */
#define PTE_SH_INNER		(3 << 8)
#define PTE_AF			(1 << 10)
#define PTE_PXN			(UL(1) << 53)
#define PTE_XN			(UL(1) << 54)	/* UXN at EL1, XN at EL2 */

#define BLOCK_NORMAL		(PTE_BLOCK | ATTR_NORMAL | PTE_SH_INNER | PTE_AF)
#define BLOCK_DEVICE		(PTE_BLOCK | ATTR_DEVICE | PTE_AF | PTE_XN | PTE_PXN)

/* TCR: T0SZ, walks inner/outer write-back cacheable, inner shareable, 4K granule. */
#define TCR_COMMON		((64 - VA_BITS) | (1 << 8) | (1 << 10) | (3 << 12))
#define TCR_EL1_EPD1		(1 << 23)	/* no TTBR1 walks */
#define TCR_EL1_IPS_SHIFT	32
#define TCR_EL2_RES1		((1 << 31) | (1 << 23))
#define TCR_EL2_PS_SHIFT	16

/* SCTLR_ELx: the RES1 bits of ARMv8.0, little-endian, MMU and caches off. */
#define SCTLR_EL1_RESET		0x30d00800
#define SCTLR_EL2_RESET		0x30c50830
#define SCTLR_MMU_ON		((1 << 0) | (1 << 2) | (1 << 12))

/* HCR_EL2: AArch64 EL1, and physical IRQ/FIQ/SError routed to EL2 so an image running at EL2 takes them. */
#define HCR_EL2_VALUE		((1 << 31) | (1 << 5) | (1 << 4) | (1 << 3))
#define CPTR_EL2_RES1		0x33ff
#define CPACR_EL1_FPEN		(3 << 20)

#endif
