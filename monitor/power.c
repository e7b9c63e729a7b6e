/*
 * The state machine of DEN0022F.b 6.6 under one lock: CPU_ON moves an OFF
 * CPU to ON_PENDING (exactly one of racing callers does), the CPU itself
 * moves to ON as it enters the guest, CPU_OFF moves it back to OFF. Every CPU
 * under the guest is a physical CPU the monitor starts and stops with QEMU's
 * PSCI; a physical CPU still finishing its CPU_OFF makes QEMU answer
 * ALREADY_ON for a while, so the monitor tries again, within a bound.
 */
#include <arm64/psci-call.h>
#include <arm64/smp.h>
#include <arm64/spinlock.h>
#include <arm64/timer.h>
#include <spec/psci-formats.h>
#include <spec/psci-ids.h>
#include "faults.h"
#include "guest.h"
#include "params.h"
#include "power.h"

/* How long a physical CPU may take to finish turning off before CPU_ON gives up. */
#define PHYSICAL_OFF_BOUND_US	2000000
/* How long a slow platform takes to power a core down, or up, where a fault needs it. */
#define SLOW_PLATFORM_US	20000
/* Between two tries, so that the platform's PSCI gets on with the CPU_OFF. */
#define PHYSICAL_RETRY_US	20

enum cpu_power { POWER_OFF, POWER_ON_PENDING, POWER_ON };

struct power_cpu {
	enum cpu_power state;
	enum core_idle idle;
	struct guest_start start;	/* where CPU_ON sends it, while ON_PENDING */
};

static struct power_cpu cpus[NR_CPUS];
static struct spinlock lock;

void power_init(int boot_cpu)
{
	cpus[boot_cpu].state = POWER_ON;
}

void power_set_idle(enum core_idle idle)
{
	WRITE_ONCE(cpus[smp_processor_id()].idle, idle);
}

bool power_others_off(void)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != smp_processor_id() && READ_ONCE(cpus[cpu].state) != POWER_OFF)
			return false;
	return true;
}

/* The first thing a physical CPU started for the guest runs. */
static void start_guest(void *unused)
{
	struct power_cpu *p = &cpus[smp_processor_id()];
	struct guest_start start;

	(void)unused;
	/* A platform slow to bring a core up: the faults' ON_PENDING window is met every time. */
	if (fault_planted(FAULT_AFFINITY_PENDING_AS_OFF) || fault_planted(FAULT_CPU_ON_RACE_TWO_SUCCEED))
		udelay(SLOW_PLATFORM_US);
	spin_lock(&lock);
	p->state = POWER_ON;
	start = p->start;
	spin_unlock(&lock);
	guest_enter(&start);
}

static bool physical_start(int cpu)
{
	struct deadline d = deadline_in_us(PHYSICAL_OFF_BOUND_US);
	s32 ret;

	while ((ret = smp_cpu_start(cpu, start_guest, NULL)) == PSCI_RET_ALREADY_ON && !deadline_passed(d))
		udelay(PHYSICAL_RETRY_US);
	return ret == PSCI_RET_SUCCESS;
}

/*
 * 6.6: a CPU_ON that meets the target's CPU_OFF still under way. The guest
 * already sees the target OFF, so the start goes ahead once the physical CPU
 * is down; each fault breaks that in one way.
 */
static bool vs_off_fault(void)
{
	return fault_planted(FAULT_VS_OFF_DENIED) || fault_planted(FAULT_VS_OFF_START_DROPPED) ||
	       fault_planted(FAULT_VS_OFF_STALE_CONTEXT);
}

static s64 start_after_off(int cpu, u64 old_context_id)
{
	/* The platform's own view, asked only where a fault needs it: the physical CPU is not yet down. */
	bool busy = vs_off_fault() && psci_affinity_info(cpu_mpidr(cpu), 0) != PSCI_AFF_OFF;

	if (busy && (fault_planted(FAULT_VS_OFF_DENIED) || fault_planted(FAULT_VS_OFF_START_DROPPED))) {
		spin_lock(&lock);
		cpus[cpu].state = POWER_OFF;
		spin_unlock(&lock);
		return fault_planted(FAULT_VS_OFF_DENIED) ? PSCI_RET_DENIED : PSCI_RET_SUCCESS;
	}
	if (busy && fault_planted(FAULT_VS_OFF_STALE_CONTEXT))
		cpus[cpu].start.context_id = old_context_id;
	if (physical_start(cpu))
		return PSCI_RET_SUCCESS;
	spin_lock(&lock);
	cpus[cpu].state = POWER_OFF;
	spin_unlock(&lock);
	return PSCI_RET_INTERNAL_FAILURE;
}

/* 5.6.2: a target_cpu that names no core is INVALID_PARAMETERS, well-formed or not. */
static s64 absent_target(u64 target)
{
	if (fault_planted(FAULT_CPU_ON_ABSENT_MPIDR_NOT_PRESENT) && param_mpidr_well_formed(target))
		return PSCI_RET_NOT_PRESENT;
	return PSCI_RET_INVALID_PARAMETERS;
}

/* 6.4.3.7: the context_id the started core finds in x0. */
static u64 start_context_id(const struct guest_call *c)
{
	return fault_planted(FAULT_CPU_ON_CONTEXT_ID_LOST) ? 0 : c->x[3];
}

/*
 * 5.6.2: INVALID_PARAMETERS for a target no CPU has, INVALID_ADDRESS for an
 * entry point the guest cannot run at; 6.6: ALREADY_ON for an ON CPU,
 * ON_PENDING while an earlier CPU_ON is in progress; INTERNAL_FAILURE if the
 * physical CPU cannot be started.
 */
s64 handle_cpu_on(struct guest_call *c)
{
	int cpu = param_target_cpu(c->x[1]);
	enum cpu_power was;
	u64 old_context_id;

	if (cpu < 0)
		return absent_target(c->x[1]);
	if (!param_entry_point_valid(c->x[2]))
		return param_invalid_address();
	spin_lock(&lock);
	was = cpus[cpu].state;
	old_context_id = cpus[cpu].start.context_id;
	if (was == POWER_OFF) {
		cpus[cpu].state = POWER_ON_PENDING;
		cpus[cpu].start = (struct guest_start){ c->x[2], start_context_id(c), guest_caller_big_endian() };
	}
	spin_unlock(&lock);
	if (was == POWER_ON)
		return fault_planted(FAULT_CPU_ON_ALREADY_ON_SUCCESS) ? PSCI_RET_SUCCESS : PSCI_RET_ALREADY_ON;
	if (was == POWER_ON_PENDING)
		return fault_planted(FAULT_CPU_ON_RACE_TWO_SUCCEED) ? PSCI_RET_SUCCESS : PSCI_RET_ON_PENDING;
	return start_after_off(cpu, old_context_id);
}

/* OFF from here on for the guest: its context is gone, whatever the physical CPU still does. */
static void __noreturn power_off_self(void)
{
	struct power_cpu *p = &cpus[smp_processor_id()];

	spin_lock(&lock);
	p->state = POWER_OFF;
	p->idle = CORE_RUNNING;
	spin_unlock(&lock);
	/* The faults of a CPU_ON meeting this CPU_OFF model a platform slow to power the core down. */
	if (vs_off_fault())
		udelay(SLOW_PLATFORM_US);
	cpu_off_self();
}

/* 5.5: no Trusted OS, so never DENIED; on success it does not return (5.1.3). */
s64 handle_cpu_off(struct guest_call *c)
{
	(void)c;
	if (fault_planted(FAULT_CPU_OFF_RETURNS))
		return PSCI_RET_SUCCESS;
	power_off_self();
}

/*
 * 5.17: the core stays down, deaf to interrupts, until a CPU_ON: what a
 * physical CPU_OFF does. As for CPU_OFF, no Trusted OS makes it DENIED.
 */
s64 handle_cpu_freeze(struct guest_call *c)
{
	(void)c;
	power_off_self();
}

/* 5.1.5: levels 0 to 3, the affinity levels of an MPIDR. */
static bool affinity_level_valid(u32 level)
{
	if (fault_planted(FAULT_AFFINITY_LEVEL_4_ACCEPTED))
		return level <= MPIDR_LEVELS;
	return level < MPIDR_LEVELS;
}

/*
 * 5.7.1: ON if any core of the instance is ON (a suspended core is ON),
 * ON_PENDING if one is and the others are OFF, else OFF. Every level 0-3 is
 * supported, as 0.2 requires and 1.0 permits; the fields below the level are
 * ignored; an instance without cores is INVALID_PARAMETERS (5.7.2).
 */
s64 handle_affinity_info(struct guest_call *c)
{
	u64 target = c->x[1];
	u32 level = (u32)c->x[2];
	bool found = false, on = false, pending = false;

	if (!param_mpidr_well_formed(target) || !affinity_level_valid(level))
		return PSCI_RET_INVALID_PARAMETERS;
	if (fault_planted(FAULT_AFFINITY_LOWER_FIELDS_USED) && param_target_cpu(target) < 0)
		return PSCI_RET_INVALID_PARAMETERS;
	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		enum cpu_power state = READ_ONCE(cpus[cpu].state);

		if (!param_same_instance(cpu_mpidr(cpu), target, level))
			continue;
		found = true;
		on |= state == POWER_ON;
		pending |= state == POWER_ON_PENDING && !fault_planted(FAULT_AFFINITY_PENDING_AS_OFF);
	}
	if (!found)
		return fault_planted(FAULT_AFFINITY_ABSENT_MPIDR_OFF) ? PSCI_AFF_OFF : PSCI_RET_INVALID_PARAMETERS;
	return on ? PSCI_AFF_ON : pending ? PSCI_AFF_ON_PENDING : PSCI_AFF_OFF;
}

/*
 * The power controller of the emulated platform: a core being started is
 * powered, a standby is retention, a powerdown is off.
 */
static enum psci_hw_state hw_state_of(const struct power_cpu *p)
{
	if (READ_ONCE(p->state) == POWER_OFF)
		return PSCI_HW_OFF;
	switch (READ_ONCE(p->idle)) {
	case CORE_STANDBY:
		return PSCI_HW_STANDBY;
	case CORE_POWERDOWN:
		return PSCI_HW_OFF;
	default:
		return PSCI_HW_ON;
	}
}

/*
 * 5.19: the node at power_level that holds target_cpu. Power levels are the
 * affinity levels of the DT's topology (0 the core, as 5.1.18 fixes); a node
 * is on if a core in it is, in retention if one is and the rest are off.
 */
s64 handle_node_hw_state(struct guest_call *c)
{
	int target = param_target_cpu(c->x[1]);
	u32 level = (u32)c->x[2];
	bool on = false, standby = false;

	if (target < 0 && fault_planted(FAULT_HW_STATE_ABSENT_TARGET_OFF))
		return PSCI_HW_OFF;
	if (target < 0 || level >= MPIDR_LEVELS)
		return PSCI_RET_INVALID_PARAMETERS;
	if (target && fault_planted(FAULT_HW_STATE_SECONDARY_OFF))
		return PSCI_HW_OFF;
	if (target == smp_processor_id() && fault_planted(FAULT_HW_STATE_CALLER_STANDBY))
		return PSCI_HW_STANDBY;
	for (int cpu = 0; cpu < nr_cpus(); cpu++) {
		if (!param_same_instance(cpu_mpidr(cpu), cpu_mpidr(target), level))
			continue;
		on |= hw_state_of(&cpus[cpu]) == PSCI_HW_ON;
		standby |= hw_state_of(&cpus[cpu]) == PSCI_HW_STANDBY;
	}
	return on ? PSCI_HW_ON : standby ? PSCI_HW_STANDBY : PSCI_HW_OFF;
}
