/*
 * smccc_hvc/smccc_smc(in, out): load x0-x17 from in, call with immediate 0
 * (DEN0028 requires #0), store x0-x17 to out. x18-x30 and sp belong to the
 * caller and are preserved by the callee per DEN0028.
 */
.macro smccc_call_insn name, insn
	.global \name
\name:
	stp	x29, x30, [sp, #-32]!
	mov	x29, sp
	str	x1, [sp, #16]
	ldp	x16, x17, [x0, #128]
	ldp	x14, x15, [x0, #112]
	ldp	x12, x13, [x0, #96]
	ldp	x10, x11, [x0, #80]
	ldp	x8, x9, [x0, #64]
	ldp	x6, x7, [x0, #48]
	ldp	x4, x5, [x0, #32]
	ldp	x2, x3, [x0, #16]
	ldp	x0, x1, [x0]
	\insn	#0
	stp	x0, x1, [sp, #-16]!
	ldr	x0, [sp, #32]
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0]
	ldp	x29, x30, [sp], #32
	ret
.endm

	.text
	smccc_call_insn smccc_hvc, hvc
	smccc_call_insn smccc_smc, smc
