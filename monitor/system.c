/*
 * The runner learns what the monitor did from one line printed right before
 * the event: "POWER: call=NAME fid=0x... PARAM=0x...", the fields the image's
 * EXPECT line gave for the call it made (README: console protocol). The event
 * itself is QEMU's SYSTEM_OFF or SYSTEM_RESET, which never return.
 */
#include <arm64/mmu.h>
#include <arm64/smccc.h>
#include <spec/psci.h>
#include "faults.h"
#include "params.h"
#include "power.h"
#include "system.h"

static bool mem_protected;

/*
 * Performs the call FID with the guest's X1 and X2 in X as PLATFORM_FID, a
 * power-off or a reset of the platform, after its POWER line. The first
 * parameter (reset_type, type) is a uint32 in both forms (5.1.10, 5.1.12),
 * the cookie as wide as the call.
 */
static void __noreturn platform_event(u32 fid, const u64 *x, u32 platform_fid)
{
	const struct psci_function *fn = psci_function_by_id(fid);
	char line[160];
	int n = snprintf(line, sizeof(line), "POWER: call=%s fid=0x%08x", fn->name, fid);

	for (unsigned int i = 0; psci_param_name(fn, i); i++)
		n += snprintf(line + n, sizeof(line) - n, " %s=0x%lx", psci_param_name(fn, i),
			      i == 0 ? (u32)x[1] : x[i + 1]);
	printf("%s\n", line);
	smccc_call(platform_fid, 0, 0, 0);
	panic("the platform's %s returned", psci_id_name(platform_fid, line, sizeof(line)));
}

/* Performs what C asks for as PLATFORM_FID. */
static void __noreturn perform(const struct guest_call *c, u32 platform_fid)
{
	platform_event(c->fid, c->x, platform_fid);
}

/* A plain SYSTEM_OFF whatever the call asked for: what only a planted fault does. */
static void __noreturn plain_system_off(void)
{
	static const u64 none[3];

	platform_event(PSCI_FN(PSCI_NR_SYSTEM_OFF), none, PSCI_FN(PSCI_NR_SYSTEM_OFF));
}

/*
 * 5.14.3: with protection on, memory is overwritten on the next boot after a
 * reset that is not a warm one. The next boot is the monitor's own, which
 * cannot know; so RAM is cleared now, all but the monitor, which the reset
 * loads again.
 */
static void clear_ram_for_reset(void)
{
	const struct dt_reg *ram;
	u64 monitor_start = monitor_image_start(), monitor_end = monitor_start + monitor_image_size();
	int regions = mem_regions(&ram);

	for (int i = 0; i < regions; i++) {
		for (u64 *p = (u64 *)ram[i].addr; (u64)p < ram[i].addr + ram[i].size; p++)
			if ((u64)p < monitor_start || (u64)p >= monitor_end)
				*p = 0;
	}
}

/* 5.10.1, 5.10.2: any core may call it, whatever the others do; it does not return. */
s64 handle_system_off(struct guest_call *c)
{
	if (fault_planted(FAULT_SYSTEM_OFF_RETURNS) && !power_others_off())
		return PSCI_RET_DENIED;
	perform(c, PSCI_FN(PSCI_NR_SYSTEM_OFF));
}

s64 handle_system_reset(struct guest_call *c)
{
	if (fault_planted(FAULT_SYSTEM_RESET_POWERS_OFF))
		plain_system_off();
	if (mem_protected)
		clear_ram_for_reset();
	perform(c, PSCI_FN(PSCI_NR_SYSTEM_RESET));
}

/* Issue F allowed INVALID_PARAMETERS for type 0x0; F.b, which supersedes it, makes 0x0 HIBERNATE_OFF. */
static bool off2_type_valid(u32 type)
{
	if (type == OFF2_TYPE_DEFAULT)
		return !fault_planted(FAULT_OFF2_TYPE0_REFUSED);
	return type == OFF2_HIBERNATE_OFF;
}

/*
 * 5.1.10, 5.11.3: type 0x1 is HIBERNATE_OFF and 0x0 selects it too (F.b);
 * the other types, bit 31 and a non-zero cookie are reserved, so invalid.
 * type is a uint32 in both forms, cookie as wide as the call.
 */
s64 handle_system_off2(struct guest_call *c)
{
	u32 type = (u32)c->x[1];

	if (!off2_type_valid(type) || (c->x[2] && !fault_planted(FAULT_OFF2_COOKIE_IGNORED)))
		return PSCI_RET_INVALID_PARAMETERS;
	if (fault_planted(FAULT_OFF2_PERFORMS_SYSTEM_OFF))
		plain_system_off();
	perform(c, PSCI_FN(PSCI_NR_SYSTEM_OFF));
}

/* Table 10: SYSTEM_WARM_RESET is the one architectural reset; 0x1-0x7fffffff are reserved (5.13.4). */
static bool reset2_architectural_type_valid(u32 type)
{
	return type == RESET2_WARM_RESET || fault_planted(FAULT_RESET2_RESERVED_TYPE_ACCEPTED);
}

/* 5.13.5: a vendor reset the platform lacks fails with any code of 5.2.2 but NOT_SUPPORTED. */
static s64 vendor_reset_refused(void)
{
	return fault_planted(FAULT_RESET2_VENDOR_TYPE_NOT_SUPPORTED) ? PSCI_RET_NOT_SUPPORTED :
								       PSCI_RET_INVALID_PARAMETERS;
}

/*
 * 5.13: SYSTEM_WARM_RESET (cookie ignored, memory kept) is the one reset
 * there is; the platform has no vendor reset.
 */
s64 handle_system_reset2(struct guest_call *c)
{
	u32 type = (u32)c->x[1];

	if (type & RESET2_VENDOR)
		return vendor_reset_refused();
	if (!reset2_architectural_type_valid(type))
		return PSCI_RET_INVALID_PARAMETERS;
	perform(c, PSCI_FN(PSCI_NR_SYSTEM_RESET));
}

/* 5.14: protection is off at boot; the answer is the previous state. */
s64 handle_mem_protect(struct guest_call *c)
{
	bool was = mem_protected;

	mem_protected = (u32)c->x[1] != 0;
	return fault_planted(FAULT_MEM_PROTECT_RETURNS_NEW_STATE) ? mem_protected : was;
}

/* The range's protection in the monitor's reading, each fault breaking one part of it. */
static bool range_protected(u64 base, u64 length)
{
	bool on = mem_protected != fault_planted(FAULT_MEM_CHECK_STATE_INVERTED);

	if (fault_planted(FAULT_MEM_CHECK_ANY_RANGE_PROTECTED))
		return on;
	if (!length)
		return on && fault_planted(FAULT_MEM_CHECK_EMPTY_PROTECTED);
	if (base + length <= base)
		return on && fault_planted(FAULT_MEM_CHECK_WRAP_PROTECTED);
	return on && mem_is_ram(base, length);
}

/* 5.15: SUCCESS if all of [base, base + length - 1] is protected: RAM, with protection on. */
s64 handle_mem_protect_check_range(struct guest_call *c)
{
	return range_protected(c->x[1], c->x[2]) ? PSCI_RET_SUCCESS : PSCI_RET_DENIED;
}
