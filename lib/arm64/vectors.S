/*
 * Exception vectors for the running EL (VBAR_EL1 or VBAR_EL2). Every entry
 * saves a struct exception_frame and calls handle_exception(frame, vector),
 * where vector is the slot number 0-15 (ARM DDI0487 D1.10.2).
 */
#define FRAME_SIZE	(36 * 8)
#define FRAME_SP	(31 * 8)
#define FRAME_ELR	(32 * 8)
#define FRAME_ESR	(34 * 8)

.macro vector_entry el, slot
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	mov	x1, #\slot
	b	exception_entry_el\el
.endm

.macro vector_table el
	.balign	0x800
vectors_el\el:
	.irp	slot, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector_entry \el, \slot
	.endr

exception_entry_el\el:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	add	x2, sp, #FRAME_SIZE
	stp	x30, x2, [sp, #240]
	mrs	x2, elr_el\el
	mrs	x3, spsr_el\el
	stp	x2, x3, [sp, #FRAME_ELR]
	mrs	x2, esr_el\el
	mrs	x3, far_el\el
	stp	x2, x3, [sp, #FRAME_ESR]
	mov	x0, sp
	bl	handle_exception
	ldp	x2, x3, [sp, #FRAME_ELR]
	msr	elr_el\el, x2
	msr	spsr_el\el, x3
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	ldp	x0, x1, [sp]
	add	sp, sp, #FRAME_SIZE
	eret
.endm

	.text
	vector_table 1
	vector_table 2

/* vectors_install(): VBAR of the running EL. Clobbers x0, x1. */
	.global vectors_install
vectors_install:
	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.eq	1f
	adr	x1, vectors_el1
	msr	vbar_el1, x1
	isb
	ret
1:	adr	x1, vectors_el2
	msr	vbar_el2, x1
	isb
	ret

/*
 * Every slot parks the CPU in WFI. A CPU that turns itself off points its
 * VBAR here first: VBAR survives CPU_OFF and is UNKNOWN at the next entry
 * (DEN0022F.b 6.4.3), so a CPU an implementation starts at a bad address
 * must not fault into the handlers of its earlier life and write into
 * another CPU's report.
 */
.macro parked_entry
	.balign	0x80
1:	wfi
	b	1b
.endm

	.balign	0x800
vectors_parked:
	.rept	16
	parked_entry
	.endr

/* vectors_park(): VBAR of the running EL to vectors_parked. Clobbers x0, x1. */
	.global vectors_park
vectors_park:
	mrs	x0, CurrentEL
	adr	x1, vectors_parked
	cmp	x0, #(2 << 2)
	b.eq	1f
	msr	vbar_el1, x1
	isb
	ret
1:	msr	vbar_el2, x1
	isb
	ret
