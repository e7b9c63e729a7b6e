/*
 * The runner learns what the monitor did from one line printed right before
 * the event: "POWER: <call text>", the text lib/judges/system.c gives the call
 * (the image announced the same text in its EXPECT line). The event itself
 * is QEMU's SYSTEM_OFF or SYSTEM_RESET, which never return.
 */
#include "system.h"
#include "judges/system.h"
#include "mmu.h"
#include "params.h"
#include "psci-spec.h"
#include "smccc.h"

static bool mem_protected;

static void __noreturn platform_event(const struct guest_call *c, u32 platform_fid)
{
	struct system_call call = { .id = c->fid, .type = (u32)c->x[1], .cookie = c->x[2] };
	char text[96];

	printf("POWER: %s\n", system_call_text(&call, text, sizeof(text)));
	smccc_call(platform_fid, 0, 0, 0);
	panic("the platform's %s returned", psci_id_name(platform_fid, text, sizeof(text)));
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

s64 handle_system_off(struct guest_call *c)
{
	platform_event(c, PSCI_FN(PSCI_NR_SYSTEM_OFF));
}

s64 handle_system_reset(struct guest_call *c)
{
	if (mem_protected)
		clear_ram_for_reset();
	platform_event(c, PSCI_FN(PSCI_NR_SYSTEM_RESET));
}

/*
 * 5.1.10, 5.11.3: type 0x1 is HIBERNATE_OFF and 0x0 selects it too (F.b);
 * the other types, bit 31 and a non-zero cookie are reserved, so invalid.
 * type is a uint32 in both forms, cookie as wide as the call.
 */
s64 handle_system_off2(struct guest_call *c)
{
	u32 type = (u32)c->x[1];

	if ((type != OFF2_TYPE_DEFAULT && type != OFF2_HIBERNATE_OFF) || c->x[2])
		return PSCI_RET_INVALID_PARAMETERS;
	platform_event(c, PSCI_FN(PSCI_NR_SYSTEM_OFF));
}

/*
 * 5.13: SYSTEM_WARM_RESET (cookie ignored, memory kept) is the one reset
 * there is; the reserved architectural types are INVALID_PARAMETERS
 * (5.13.4), and so are the vendor types, none of which the platform has
 * (5.13.5: any code of 5.2.2 but NOT_SUPPORTED).
 */
s64 handle_system_reset2(struct guest_call *c)
{
	if ((u32)c->x[1] != RESET2_WARM_RESET)
		return PSCI_RET_INVALID_PARAMETERS;
	platform_event(c, PSCI_FN(PSCI_NR_SYSTEM_RESET));
}

/* 5.14: protection is off at boot; the answer is the previous state. */
s64 handle_mem_protect(struct guest_call *c)
{
	bool was = mem_protected;

	mem_protected = (u32)c->x[1] != 0;
	return was;
}

/* 5.15: SUCCESS if all of [base, base + length - 1] is protected: RAM, with protection on. */
s64 handle_mem_protect_check_range(struct guest_call *c)
{
	u64 base = c->x[1], length = c->x[2];
	bool whole = mem_protected && length && base + length > base && mem_is_ram(base, length);

	return whole ? PSCI_RET_SUCCESS : PSCI_RET_DENIED;
}
