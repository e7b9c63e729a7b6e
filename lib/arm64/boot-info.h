/*
 * What a CPU entering at secondary_entry reads with its MMU off: the layout of
 * struct smp_boot_info (smp.c), shared with the assembly that walks it.
 */
#ifndef ARM64_BOOT_INFO_H
#define ARM64_BOOT_INFO_H

#define NR_CPUS			32
#define BOOT_INFO_TTBR		0
#define BOOT_INFO_NR_CPUS	8
#define BOOT_INFO_MPIDR		16
#define BOOT_INFO_STACK		(BOOT_INFO_MPIDR + 8 * NR_CPUS)
#define CPU_STACK_SIZE		16384

#endif
