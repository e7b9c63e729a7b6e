/*
 * psci-vmm: boots one arm64 test image under KVM with KVM's own PSCI, prints
 * the guest's UART output, and ends on the guest's first system event
 * (SYSTEM_OFF, SYSTEM_OFF2, SYSTEM_RESET, SYSTEM_RESET2), which it reports
 * with its KVM type and flags, and as the POWER line of the call it was: the
 * console is the only channel results travel on.
 */
#include "console.h"
#include "machine.h"
#include "options.h"
#include "power.h"
#include "run.h"
#include <stdio.h>

#define VMM_EXIT_TIMEOUT 124

static const char *event_name(uint32_t type)
{
	static const char *const names[] = {
		[KVM_SYSTEM_EVENT_SHUTDOWN] = "SHUTDOWN", [KVM_SYSTEM_EVENT_RESET] = "RESET",
		[KVM_SYSTEM_EVENT_CRASH] = "CRASH", [KVM_SYSTEM_EVENT_WAKEUP] = "WAKEUP",
		[KVM_SYSTEM_EVENT_SUSPEND] = "SUSPEND",
	};
	static char other[16];

	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	snprintf(other, sizeof(other), "%u", type);
	return other;
}

/* Linux 6.13's uapi value, for headers older than SYSTEM_OFF2 in KVM. */
#ifndef KVM_SYSTEM_EVENT_SHUTDOWN_FLAG_PSCI_OFF2
#define KVM_SYSTEM_EVENT_SHUTDOWN_FLAG_PSCI_OFF2 (1ULL << 0)
#endif

/* A power-off or reset, as the POWER line of the PSCI call it was (power.h). */
static void report_event(const struct outcome *o)
{
	if (o->event == KVM_SYSTEM_EVENT_SHUTDOWN)
		power_report(false, o->flags & KVM_SYSTEM_EVENT_SHUTDOWN_FLAG_PSCI_OFF2, o->args);
	else if (o->event == KVM_SYSTEM_EVENT_RESET)
		power_report(true, o->flags & KVM_SYSTEM_EVENT_RESET_FLAG_PSCI_RESET2, o->args);
}

static struct timespec *deadline_after(unsigned int seconds, struct timespec *ts)
{
	if (!seconds)
		return NULL;
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += seconds;
	return ts;
}

int main(int argc, char **argv)
{
	static struct machine m;
	struct options opt;
	struct timespec ts, *deadline;

	options_parse(&opt, argc, argv);
	machine_create(&m, &opt);
	deadline = deadline_after(opt.timeout_s, &ts);
	for (;;) {
		struct outcome o;

		machine_boot(&m);
		run_start(m.vcpus, m.nr_vcpus);
		o = run_wait(deadline);
		run_stop(m.vcpus, m.nr_vcpus);
		switch (o.kind) {
		case OUTCOME_SYSTEM_EVENT:
			console_note("system event %s flags 0x%llx", event_name(o.event), (unsigned long long)o.flags);
			report_event(&o);
			if (o.event == KVM_SYSTEM_EVENT_RESET && opt.reboot) {
				console_note("reboot: a new VM on the same RAM");
				machine_power_cycle(&m);
				continue;
			}
			return 0;
		case OUTCOME_TIMEOUT:
			console_note("timeout after %u s", opt.timeout_s);
			return VMM_EXIT_TIMEOUT;
		case OUTCOME_ERROR:
			return 1;
		}
	}
}
