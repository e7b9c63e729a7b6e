#include <arm64/mmu.h>
#include <arm64/smp.h>
#include <spec/psci.h>
#include "faults.h"
#include "options.h"
#include "params.h"

extern char _text[], _end[];

bool param_mpidr_well_formed(u64 target)
{
	return !(target & ~MPIDR_AFFINITY_BITS);
}

/*
 * 4.2.2: A and B are in one affinity instance at LEVEL when every field from
 * Aff<LEVEL> up, and every reserved bit, is the same; the fields below LEVEL
 * do not count.
 */
bool param_same_instance(u64 a, u64 b, u32 level)
{
	u64 ignored = 0;

	for (u32 below = 0; below < level && below < MPIDR_LEVELS; below++)
		ignored |= MPIDR_AFF_MASK(below);
	return ((a ^ b) & ~ignored) == 0;
}

int param_target_cpu(u64 target)
{
	if (fault_planted(FAULT_MPIDR_RESERVED_BITS_IGNORED))
		return cpu_by_mpidr(target & MPIDR_AFFINITY_BITS);
	return param_mpidr_well_formed(target) ? cpu_by_mpidr(target) : -1;
}

u64 monitor_image_start(void)
{
	return (u64)_text;
}

u64 monitor_image_size(void)
{
	return (u64)(_end - _text);
}

/*
 * "Known by the implementation to be invalid": outside the RAM of the DT, in
 * the monitor's own memory (reserved in the guest's DT), or not a place an
 * AArch64 instruction can start (PC alignment).
 */
bool param_entry_point_valid(u64 entry)
{
	u64 start = monitor_image_start(), size = monitor_image_size();

	return !(entry & 3) && mem_is_ram(entry, 4) && (entry < start || entry >= start + size);
}

/* "Versions of PSCI prior to 1.0 use INVALID_PARAMETERS where INVALID_ADDRESS applies." */
s64 param_invalid_address(void)
{
	if (fault_planted(FAULT_INVALID_ADDRESS_AS_INVALID_PARAMETERS))
		return PSCI_RET_INVALID_PARAMETERS;
	return psci_bad_address_code(&psci_functions[PSCI_NR_CPU_ON], monitor.version);
}
