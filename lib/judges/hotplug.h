/*
 * Judges of CPU_OFF (DEN0022F.b 5.1.3, 5.5) over hotplug cycles: a CPU calls
 * CPU_OFF, AFFINITY_INFO shows it OFF, it stays off, and CPU_ON brings it back
 * with the new cycle's context ID.
 */
#ifndef JUDGES_HOTPLUG_H
#define JUDGES_HOTPLUG_H

#include <judges/judge.h>
#include <spec/psci.h>
#include <spec/refs.h>

/* One cycle of one CPU. */
struct hotplug_cycle {
	int cpu;
	u64 mpidr;
	u32 cycle;
	bool off_returned;	/* CPU_OFF came back, with off_x0 */
	u64 off_x0;
	/* AFFINITY_INFO level 0 of the CPU while it turns off, and how long OFF took. */
	bool reached_off;
	s64 last_state;		/* the answer the wait ended on */
	s64 odd_state;		/* the first answer other than ON or OFF meanwhile, else PSCI_AFF_ON */
	u64 off_us;
	/* After OFF: further answers, and whether the CPU ran anything. */
	bool stayed_off;
	s64 stay_state;		/* the first answer other than OFF */
	bool ran_while_off;
	/* CPU_ON to bring it back, and what the CPU entered with. */
	u32 on_id;
	u64 context_id;
	u64 on_x0;
	u64 entries;
	u64 entry_x0;
};

#define HOTPLUG_KEPT 4

/* An offending cycle as the report shows it: what its printer (hotplug.c) needs. */
struct hotplug_kept {
	int cpu;
	u32 cycle;
	s64 value;
	u64 detail;
};

struct hotplug_offences {
	u32 count;
	struct hotplug_kept kept[HOTPLUG_KEPT];
};

struct hotplug_tally {
	u32 version;		/* the PSCI version advertised */
	u32 planned, cycles;
	u64 bound_us, max_off_us;
	/* A uniprocessor Trusted OS may refuse CPU_OFF on its core (5.5.2, 5.9.1 Table 9). */
	bool tos_resident;
	u64 tos_mpidr;
	u32 denied_on_tos;
	u32 offs, ons;		/* cycles that reached OFF, and that came back */
	struct hotplug_offences returned, not_off, woke, not_on, wrong_context;
};

void hotplug_tally_cycle(struct hotplug_tally *t, const struct hotplug_cycle *c);
void judge_cpu_off_no_return(const struct hotplug_tally *t, struct verdict *v);
void judge_cpu_off_reaches_off(const struct hotplug_tally *t, struct verdict *v);
void judge_cpu_off_stays_off(const struct hotplug_tally *t, struct verdict *v);
void judge_cpu_off_on_again(const struct hotplug_tally *t, struct verdict *v);
void judge_cpu_off_context(const struct hotplug_tally *t, struct verdict *v);

#endif
