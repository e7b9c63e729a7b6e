/*
 * guest_eret(entry, x0, spsr): the first instruction the guest runs on this
 * CPU is at ENTRY, at the EL and with the masks SPSR gives, with x0 = X0 and
 * every other general register zero (x1-x3 zero is what the boot protocol of
 * a Linux-style image asks).
 */
	.text
	.global guest_eret
guest_eret:
	msr	elr_el2, x0
	msr	spsr_el2, x2
	mov	x0, x1
	.irp	n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
	mov	x\n, xzr
	.endr
	eret
