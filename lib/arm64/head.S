/*
 * Entry points. The image is an arm64 Linux Image (Documentation/arm64/booting
 * of the kernel describes the header): any loader that boots Linux boots it, at
 * any 4 KiB-aligned address, at EL1 or EL2, with x0 = the DTB. It is linked at
 * 0 as a static PIE and relocates itself once the MMU is on, because with the
 * MMU off every access is Device memory (unaligned accesses and exclusives fault).
 */
#include <arm64/boot-info.h>
#include <arm64/pgtable.h>

/* Branches to \label if the CPU runs at EL2. Clobbers \tmp. */
.macro branch_if_el2 tmp, label
	mrs	\tmp, CurrentEL
	cmp	\tmp, #(2 << 2)
	b.eq	\label
.endm

.macro tlb_flush_el el
.if \el == 1
	tlbi	vmalle1
.else
	tlbi	alle2
.endif
	dsb	nsh
	isb
.endm

/* x0 = ttbr, x1 = MAIR, x2 = PARange: tables in, TLB flushed, then MMU and caches on. */
.macro mmu_enable_el el, tcr, ps_shift
	msr	mair_el\el, x1
	ldr	x1, =\tcr
	orr	x1, x1, x2, lsl #\ps_shift
	msr	tcr_el\el, x1
	msr	ttbr0_el\el, x0
	isb
	tlb_flush_el \el
	mrs	x0, sctlr_el\el
	ldr	x1, =SCTLR_MMU_ON
	orr	x0, x0, x1
	msr	sctlr_el\el, x0
	isb
	ret
.endm

/* x0 = ttbr: MMU off, new tables, TLB flushed, MMU back on. No memory access meanwhile. */
.macro mmu_switch_el el
	mrs	x1, sctlr_el\el
	ldr	x2, =SCTLR_MMU_ON
	bic	x2, x1, x2
	msr	sctlr_el\el, x2
	isb
	msr	ttbr0_el\el, x0
	isb
	tlb_flush_el \el
	msr	sctlr_el\el, x1
	isb
	ret
.endm

	.section .head.text, "ax"
	.global _text
_text:
	b	primary_entry
	.long	0
	.quad	0			/* text_offset */
	/* image_size (file plus bss) follows, written by image.lds: a PIE cannot hold it as data */
	.section .head.tail, "a"
	.quad	0xa			/* flags: little-endian, 4K pages, anywhere in RAM */
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

	.text
primary_entry:
	mov	x19, x0			/* DTB */
	bl	el_setup
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	stp	xzr, xzr, [x0], #16
	cmp	x0, x1
	b.lo	1b
	adrp	x0, early_l1
	adr	x1, _text
	mov	x2, x19
	bl	early_idmap
	adrp	x0, early_l1
	bl	mmu_enable
	adr	x0, _text
	bl	apply_relocations
	adrp	x0, boot_stack_top
	add	x0, x0, :lo12:boot_stack_top
	mov	sp, x0
	bl	vectors_install
	mov	x0, x19
	bl	setup
	b	.

/*
 * Puts the running exception level in a known state: little-endian, MMU off,
 * FP/SIMD usable (Debian's libfdt.a may use SIMD registers), and at EL2 the
 * routing that lets the image take its own interrupts. Clobbers x0 only.
 */
el_setup:
	branch_if_el2 x0, 1f
	ldr	x0, =SCTLR_EL1_RESET
	msr	sctlr_el1, x0
	msr	tpidr_el1, xzr		/* CPU 0 until smp code knows better */
	mov	x0, #CPACR_EL1_FPEN
	msr	cpacr_el1, x0
	isb
	ret
1:	ldr	x0, =SCTLR_EL2_RESET
	msr	sctlr_el2, x0
	msr	tpidr_el2, xzr
	ldr	x0, =HCR_EL2_VALUE
	msr	hcr_el2, x0
	mov	x0, #CPTR_EL2_RES1
	msr	cptr_el2, x0
	msr	cntvoff_el2, xzr
	isb
	ret

/*
 * early_idmap(table, image, dtb): every gigabyte Device, except the ones that
 * hold the image and the DTB, which are Normal; enough to run C and parse the
 * DTB. setup() replaces it with a map built from the DT's memory nodes.
 */
early_idmap:
	ldr	x4, =BLOCK_DEVICE
	mov	x3, #0
1:	orr	x5, x4, x3, lsl #L1_SHIFT
	str	x5, [x0, x3, lsl #3]
	add	x3, x3, #1
	cmp	x3, #PT_ENTRIES
	b.lo	1b
	ldr	x4, =BLOCK_NORMAL
	lsr	x3, x1, #L1_SHIFT
	orr	x5, x4, x3, lsl #L1_SHIFT
	str	x5, [x0, x3, lsl #3]
	lsr	x3, x2, #L1_SHIFT
	orr	x5, x4, x3, lsl #L1_SHIFT
	str	x5, [x0, x3, lsl #3]
	branch_if_el2 x3, 4f
	b	2f
4:	mov	x3, #0			/* EL2 regime: AP[1] is RES1 */
3:	ldr	x5, [x0, x3, lsl #3]
	orr	x5, x5, #PTE_AP_RES1_EL2
	str	x5, [x0, x3, lsl #3]
	add	x3, x3, #1
	cmp	x3, #PT_ENTRIES
	b.lo	3b
2:	dsb	ishst
	ret

/*
 * mmu_enable(ttbr): identity map on at the running EL. The caller's code and
 * stack are identity mapped, so execution continues at the next instruction.
 */
	.global mmu_enable
mmu_enable:
	ldr	x1, =MAIR_VALUE
	mrs	x2, id_aa64mmfr0_el1
	and	x2, x2, #0x7		/* PARange */
	branch_if_el2 x3, 1f
	mmu_enable_el 1, (TCR_COMMON | TCR_EL1_EPD1), TCR_EL1_IPS_SHIFT
1:	mmu_enable_el 2, (TCR_COMMON | TCR_EL2_RES1), TCR_EL2_PS_SHIFT

/*
 * mmu_switch(ttbr): going through "MMU off" avoids break-before-make for the
 * blocks whose size or attributes change between the boot map and the final one.
 */
	.global mmu_switch
mmu_switch:
	branch_if_el2 x3, 1f
	mmu_switch_el 1
1:	mmu_switch_el 2

/* apply_relocations(base): the static PIE has only R_AARCH64_RELATIVE (the Makefile checks). */
apply_relocations:
	adrp	x1, __rela_start
	add	x1, x1, :lo12:__rela_start
	adrp	x2, __rela_end
	add	x2, x2, :lo12:__rela_end
1:	cmp	x1, x2
	b.hs	2f
	ldp	x3, x4, [x1], #24
	ldur	x5, [x1, #-8]
	add	x5, x5, x0
	str	x5, [x0, x3]
	b	1b
2:	ret

/*
 * Where PSCI CPU_ON (and a powerdown CPU_SUSPEND or SYSTEM_SUSPEND that
 * resumes) sends a CPU. The state the caller of CPU_ON is owed (DEN0022 6.4:
 * x0 = context_id, MMU off, the caller's EL and endianness, interrupts masked)
 * is captured in x19-x23 before anything changes it, and handed to C.
 * The CPU finds its stack by its MPIDR in smp_boot_info, which the primary
 * cleaned to the point of coherency because this code reads it uncached.
 */
	.global secondary_entry
secondary_entry:
	mov	x19, x0
	mrs	x20, CurrentEL
	mrs	x21, daif
	mrs	x23, mpidr_el1
	cmp	x20, #(2 << 2)
	b.eq	1f
	mrs	x22, sctlr_el1
	b	2f
1:	mrs	x22, sctlr_el2
2:	bl	el_setup
	adrp	x6, smp_boot_info
	add	x6, x6, :lo12:smp_boot_info
	ldr	x7, =0xff00ffffff
	and	x8, x23, x7
	ldr	x9, [x6, #BOOT_INFO_NR_CPUS]
	mov	x10, #0
3:	cmp	x10, x9
	b.hs	4f
	add	x11, x6, x10, lsl #3
	ldr	x12, [x11, #BOOT_INFO_MPIDR]
	cmp	x12, x8
	b.eq	5f
	add	x10, x10, #1
	b	3b
4:	wfe				/* not a CPU of the DT: nobody to report to */
	b	4b
5:	ldr	x0, [x6, #BOOT_INFO_TTBR]
	bl	mmu_enable
	add	x11, x6, x10, lsl #3
	ldr	x0, [x11, #BOOT_INFO_STACK]
	mov	sp, x0
	bl	vectors_install
	mov	x0, x10
	mov	x1, x19
	mov	x2, x20
	mov	x3, x21
	mov	x4, x22
	bl	secondary_start
	b	.

	.bss
	.balign	4096
early_l1:
	.skip	PT_ENTRIES * 8
	.balign	16
	.skip	16384
boot_stack_top:
