/*
 * The reference PSCI monitor: booted by QEMU at EL2 (virtualization=on) with
 * the test image as a guest-loader module, it emulates the PSCI version and
 * optional functions its command line names (options.h) for the image, which
 * it runs at EL1 beneath it, and performs the power operations with QEMU's
 * own PSCI over SMC. Its console lines start "monitor: " (the runner's filter
 * drops them), except the POWER lines of system power events (system.c) and
 * the one line that says why it refused to start.
 */
#include <arm64/mmu.h>
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <libc/string.h>
#include "guest-dt.h"
#include "guest.h"
#include "options.h"
#include "params.h"
#include "power.h"
#include "trap.h"

/* The arm64 Image header (Linux Documentation/arch/arm64/booting.rst). */
#define IMAGE_SIZE_OFFSET	16
#define IMAGE_MAGIC_OFFSET	0x38
#define IMAGE_MAGIC		0x644d5241u	/* "ARM\x64" */

/* Kept out of the "monitor: " lines so that the runner shows it; then the machine powers off. */
static void __noreturn __printf(1, 2) refuse(const char *fmt, ...)
{
	char why[192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	printf("monitor stopped: %s\n", why);
	psci_system_off();
	for (;;)
		wfi();
}

/* The Image the guest-loader placed must fit in RAM beside the monitor. */
static const char *image_problem(const struct guest_module *m)
{
	u64 start = monitor_image_start(), end = start + monitor_image_size(), size;

	if (!mem_is_ram(m->addr, IMAGE_MAGIC_OFFSET + 4) || m->addr & 3)
		return "not in RAM, or not 4-byte aligned";
	if (*(const u32 *)(m->addr + IMAGE_MAGIC_OFFSET) != IMAGE_MAGIC)
		return "not an arm64 Image (no ARM\\x64 magic)";
	size = MAX(*(const u64 *)(m->addr + IMAGE_SIZE_OFFSET), m->size);
	if (!mem_is_ram(m->addr, size) || (m->addr < end && start < m->addr + size))
		return "does not fit in RAM beside the monitor";
	return NULL;
}

int main(int argc, char **argv)
{
	struct guest_module m;
	char why[192], summary[256];
	const char *problem;

	if (current_el() != 2)
		refuse("entered at EL%u; the monitor runs at EL2 (QEMU -machine virtualization=on)", current_el());
	if (smccc_conduit() != SMCCC_CONDUIT_SMC)
		refuse("the platform's PSCI is not reached over SMC (/psci method %s)", smccc_conduit_name());
	if (!options_parse(argc, argv, why, sizeof(why)))
		refuse("%s", why);
	if (!guest_module_find(dt_fdt(), &m))
		refuse("no test image: QEMU -device guest-loader,addr=ADDR,kernel=IMAGE gives it");
	if ((problem = image_problem(&m)))
		refuse("the test image at 0x%lx is %s", m.addr, problem);
	if ((problem = guest_dt_build(dt_fdt(), &m)))
		refuse("the guest's DT: %s", problem);
	power_init(smp_processor_id());
	trap_install();
	options_describe(summary, sizeof(summary));
	printf("monitor: %s; test image at 0x%lx, its DT at 0x%lx\n", summary, m.addr, (u64)guest_dt());
	guest_boot(m.addr, (u64)guest_dt());
}
