/*
 * EL2 set up for the guest, and the state a guest CPU starts in
 * (DEN0022F.b 6.4): EL1h with D, A, I and F masked, stage 1 MMU and caches
 * off, the caller's endianness, x0 = context_id. The rest of EL1 keeps what
 * it had, which is what a powerdown that lost the core's context may leave.
 */
#include <arm64/pgtable.h>
#include <arm64/processor.h>
#include "faults.h"
#include "guest.h"

#define HCR_RW			BIT(31)		/* EL1 is AArch64 */
#define HCR_TSC			BIT(19)		/* SMC at EL1 traps to EL2 */
#define HCR_APK			BIT(40)		/* pointer authentication: no traps */
#define HCR_API			BIT(41)
#define CNTHCTL_EL1PCTEN	BIT(0)		/* EL1 physical counter and timer: no traps */
#define CNTHCTL_EL1PCEN		BIT(1)
/* CPTR_EL2: its RES1 bits only; TZ (8) and TSM (12) are RES1 too where SVE, SME are absent. */
#define CPTR_EL2_NO_TRAPS	0x22ffUL
#define CPTR_EL2_TZ		BIT(8)
#define CPTR_EL2_TSM		BIT(12)
#define SPSR_EL1T		0x4UL
#define SPSR_EL1H		0x5UL
#define SPSR_EL2H		0x9UL
#define SPSR_DAIF		(DAIF_D | DAIF_A | DAIF_I | DAIF_F)

void guest_eret(u64 entry, u64 x0, u64 spsr) __noreturn;

static u64 id_field(u64 reg, unsigned int shift)
{
	return (reg >> shift) & 0xf;
}

static bool has_pointer_auth(void)
{
	u64 isar1 = read_sysreg(id_aa64isar1_el1), isar2 = read_sysreg(s3_0_c0_c6_2);

	return id_field(isar1, 4) || id_field(isar1, 8) || id_field(isar1, 24) || id_field(isar1, 28) ||
	       id_field(isar2, 8) || id_field(isar2, 12);
}

static u64 hcr_value(void)
{
	return HCR_RW | HCR_TSC | (has_pointer_auth() ? HCR_API | HCR_APK : 0);
}

static u64 cptr_value(void)
{
	u64 cptr = CPTR_EL2_NO_TRAPS;

	if (!id_field(read_sysreg(id_aa64pfr0_el1), 32))
		cptr |= CPTR_EL2_TZ;
	if (!id_field(read_sysreg(id_aa64pfr1_el1), 24))
		cptr |= CPTR_EL2_TSM;
	return cptr;
}

/* MDCR_EL2: no traps; HPMN gives EL1 every event counter there is. */
static u64 mdcr_value(void)
{
	u64 pmu = id_field(read_sysreg(id_aa64dfr0_el1), 8);

	return pmu && pmu != 0xf ? (read_sysreg(pmcr_el0) >> 11) & 0x1f : 0;
}

/*
 * The guest sees the CPU's own MIDR and MPIDR (VPIDR_EL2, VMPIDR_EL2 reset to
 * UNKNOWN values), and all its CPUs share VMID 0, so that its broadcast TLB
 * maintenance reaches them all.
 */
static void el2_setup(void)
{
	write_sysreg(hcr_value(), hcr_el2);
	write_sysreg(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN, cnthctl_el2);
	write_sysreg(0, cntvoff_el2);
	write_sysreg(read_sysreg(midr_el1), vpidr_el2);
	write_sysreg(read_sysreg(mpidr_el1), vmpidr_el2);
	write_sysreg(cptr_value(), cptr_el2);
	write_sysreg(mdcr_value(), mdcr_el2);
	write_sysreg(0, vttbr_el2);
	isb();
}

bool guest_caller_big_endian(void)
{
	return read_sysreg(sctlr_el1) & SCTLR_EE;
}

/*
 * PSTATE at an entry point: 6.4.1 Table 14, EL1 (the highest Non-secure EL
 * the guest has) on its own stack pointer; 6.4.3.3, D, A, I and F masked.
 */
static u64 entry_spsr(void)
{
	u64 mode = SPSR_EL1H, masks = SPSR_DAIF;

	if (fault_planted(FAULT_ENTRY_AT_EL2))
		mode = SPSR_EL2H;
	if (fault_planted(FAULT_ENTRY_ON_SP_EL0))
		mode = SPSR_EL1T;
	if (fault_planted(FAULT_ENTRY_DAIF_UNMASKED))
		masks = DAIF_I | DAIF_F;
	return mode | masks;
}

/* SCTLR_EL1 at an entry point: the architecture's reset value, M, C and I clear (6.4.3.4), EE the caller's (6.4.3.2). */
static u64 entry_sctlr(bool big_endian)
{
	u64 sctlr = SCTLR_EL1_RESET | (big_endian ? SCTLR_EE : 0);

	if (fault_planted(FAULT_ENTRY_ICACHE_ON))
		sctlr |= SCTLR_I;
	return sctlr;
}

static void __noreturn enter(u64 entry, u64 x0, u64 spsr, u64 sctlr)
{
	el2_setup();
	write_sysreg(sctlr, sctlr_el1);
	isb();
	guest_eret(entry, x0, spsr);
}

/* The Linux boot protocol (booting.rst): EL1h, D, A, I and F masked, MMU and caches off, little-endian. */
void guest_boot(u64 entry, u64 dtb)
{
	enter(entry, dtb, SPSR_EL1H | SPSR_DAIF, SCTLR_EL1_RESET);
}

void guest_enter(const struct guest_start *start)
{
	enter(start->entry, start->context_id, entry_spsr(), entry_sctlr(start->big_endian));
}

/* The trap's return path restores the frame and erets into it. */
void guest_resume_at(struct guest_call *c, const struct guest_start *start)
{
	struct exception_frame *f = c->frame;

	for (int i = 0; i < 31; i++)
		f->x[i] = 0;
	f->x[0] = start->context_id;
	f->elr = start->entry;
	f->spsr = entry_spsr();
	write_sysreg(entry_sctlr(start->big_endian), sctlr_el1);
	isb();
	c->resumed = true;
}
