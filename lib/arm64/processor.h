/* System register access and the few CPU instructions the runtime needs. */
#ifndef ARM64_PROCESSOR_H
#define ARM64_PROCESSOR_H

#include <base.h>

#define read_sysreg(r) ({ u64 __v; asm volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(v, r) asm volatile("msr " #r ", %x0" : : "rZ"((u64)(v)))

/* Registers that exist once per exception level: pick the running one. */
#define read_sysreg_el(r) (current_el() == 2 ? read_sysreg(r##_el2) : read_sysreg(r##_el1))
#define write_sysreg_el(v, r) \
	do { \
		if (current_el() == 2) \
			write_sysreg(v, r##_el2); \
		else \
			write_sysreg(v, r##_el1); \
	} while (0)

#define isb() asm volatile("isb" : : : "memory")
#define dsb(opt) asm volatile("dsb " #opt : : : "memory")
#define dmb(opt) asm volatile("dmb " #opt : : : "memory")
#define wfi() asm volatile("wfi" : : : "memory")
#define wfe() asm volatile("wfe" : : : "memory")
#define sev() asm volatile("sev" : : : "memory")

#define MPIDR_HWID_MASK 0xff00ffffffUL
#define MPIDR_AFF0(m) ((m) & 0xff)

#define DAIF_D BIT(9)
#define DAIF_A BIT(8)
#define DAIF_I BIT(7)
#define DAIF_F BIT(6)

#define SCTLR_M BIT(0)
#define SCTLR_C BIT(2)
#define SCTLR_I BIT(12)
#define SCTLR_EE BIT(25)

static inline unsigned int current_el(void)
{
	return (read_sysreg(CurrentEL) >> 2) & 3;
}

static inline u64 mpidr_hwid(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_HWID_MASK;
}

static inline void local_irq_enable(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

/* Cleans a range to the point of coherency, for readers that run with the MMU off. */
void dcache_clean_poc(const void *addr, size_t size);

#endif
