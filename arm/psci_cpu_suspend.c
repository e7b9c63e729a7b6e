/*
 * CPU_SUSPEND (DEN0022F.b 5.1.2, 5.4) in both widths: standby with the wake-up
 * interrupt unmasked and masked, the interrupt and the core state a standby
 * leaves, a standby given an unusable entry point, powerdown (resume at the
 * entry point or SUCCESS in place), power_state values made invalid, and a
 * powerdown given an unusable entry point. Then SYSTEM_SUSPEND (5.1.19,
 * 5.20), where implemented, called while this CPU stays on: it must refuse.
 *
 * Every call is made with the virtual timer armed as its wake-up source, on a
 * secondary CPU, so that the wait for it is bounded: a CPU that neither
 * returns nor resumes at the entry point in time is reported and not used
 * again. With one CPU the calls that ask for standby are made on the boot CPU
 * after arming its timer, and one that never returned could only be reported
 * by the runner's timeout; the calls that ask for powerdown are skipped, as a
 * resume at the entry point would leave no CPU to report.
 *
 * The states asked for are the DT's idle states (arm,psci-suspend-param) that
 * the timer can wake, else StateID 0 at power level 0, in the format
 * PSCI_FEATURES(CPU_SUSPEND) advertises (PSCI 0.2 has only the original one).
 */
#include <arm64/mmu.h>
#include <arm64/processor.h>
#include <arm64/psci-call.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <arm64/timer.h>
#include <check-ids.h>
#include <devicetree.h>
#include <judges/cpu_suspend.h>
#include <judges/system.h>

/* The timer interrupt that ends a call fires this long after the call is set up. */
#define WAKE_US			50000
/* How long a call may take, from being posted, to return or resume before it counts as stuck. */
#define SUSPEND_BOUND_US	2000000
/* How long after unmasking the wake-up interrupt of a masked standby must be taken. */
#define WAKEUP_TAKEN_US		(WAKE_US + 100000)
#define CONTEXT_ID32		0xc5a5e0d1ul
#define CONTEXT_ID64		0x5eed0000c5a5e0d2ul
/* Beyond any physical address the architecture allows (56 bits at most). */
#define ENTRY_BEYOND_PA		0xfffffffffffff000ul
/* The last page an SMC32 entry point can name; used only where it is not RAM. */
#define ENTRY_TOP_32		0xfffff000ul
#define SMC32_MAX_ADDRESS	0xfffffffful

struct state_choice {
	u32 power_state;
	bool listed;		/* a DT idle state, or one a probe found accepted */
	bool timer_wakes;	/* no local-timer-stop (idle-states binding) */
};

static struct {
	u32 version;
	bool extended;
	struct state_choice standby, powerdown;
	bool level3_listed;
} plat;

struct request {
	u32 id;
	const struct state_choice *state;
	u32 power_state;
	u64 entry_point;
	bool irqs_masked;
};

struct suspend_job {
	struct suspend_call call;
	bool irqs_masked;
	struct core_state before, after;
	struct suspend_wakeup wakeup;
};

/* One job per CPU: a CPU that never came back may still write into its own. */
static struct suspend_job jobs[NR_CPUS];
static bool cpu_lost[NR_CPUS];
static int suspend_cpu = -1;

/* Keeps the first DT state of each type the timer can wake, else the first of that type. */
static void consider_dt_state(u32 power_state, bool timer_stops)
{
	bool powerdown = power_state_is_powerdown(plat.extended, power_state);
	struct state_choice *s = powerdown ? &plat.powerdown : &plat.standby;

	if (!plat.extended && power_state_level(power_state) == 3)
		plat.level3_listed = true;
	if (s->listed && s->timer_wakes)
		return;
	*s = (struct state_choice){ power_state, true, !timer_stops };
}

static void choose_states(void)
{
	struct dt_idle_state states[DT_IDLE_STATES_MAX];
	int n = dt_idle_states(states, DT_IDLE_STATES_MAX);
	s32 features = 0;

	if (psci_has_features(plat.version))
		features = psci_features(PSCI_FN(PSCI_NR_CPU_SUSPEND));
	plat.extended = features >= 0 && (features & CPU_SUSPEND_FEATURE_EXTENDED);
	plat.standby = (struct state_choice){ power_state_default(plat.extended, false), false, true };
	plat.powerdown = (struct state_choice){ power_state_default(plat.extended, true), false, true };
	for (int i = 0; i < MIN(n, DT_IDLE_STATES_MAX); i++)
		consider_dt_state(states[i].power_state, states[i].timer_stops);
	printf("power_state format %s (PSCI %s, PSCI_FEATURES(CPU_SUSPEND) %d); standby 0x%x (%s), powerdown 0x%x (%s)\n",
	       plat.extended ? "extended" : "original", plat.version >= PSCI_V1_0 ? ">= 1.0" : "0.2",
	       features, plat.standby.power_state, plat.standby.listed ? "a DT idle state" : "no DT idle state: assumed",
	       plat.powerdown.power_state, plat.powerdown.listed ? "a DT idle state" : "no DT idle state: assumed");
}

/* The first CPU other than this one not lost to an earlier call, or -1. */
static int next_suspend_cpu(void)
{
	for (int cpu = 0; cpu < nr_cpus(); cpu++)
		if (cpu != smp_processor_id() && !cpu_lost[cpu])
			return cpu;
	return -1;
}

/*
 * Without a DT idle state for standby, the StateIDs a platform gives its
 * states (5.4.2: IMPLEMENTATION DEFINED) are probed at power level 0, 0 up,
 * until a standby returns SUCCESS; a call that fails costs microseconds.
 */
#define PROBE_STATE_IDS 256
#define PROBE_WAKE_US 2000

struct standby_probe {
	u32 tried;
	bool found, done;
	u32 power_state;
};

static void probe_standby(void *arg)
{
	struct standby_probe *p = arg;
	u32 id = PSCI_FN(PSCI_NR_CPU_SUSPEND);

	timer_virt_arm_periodic_us(PROBE_WAKE_US);
	local_irq_enable();
	for (u32 state_id = 0; state_id < PROBE_STATE_IDS && !p->found; state_id++, p->tried++) {
		p->power_state = power_state_default(plat.extended, false) | state_id;
		p->found = psci_result(id, smccc_call(id, p->power_state, 0, 0)) == PSCI_RET_SUCCESS;
	}
	local_irq_disable();
	timer_virt_stop();
	WRITE_ONCE(p->done, true);
}

/* On the first secondary not lost (bounded), else on this CPU; an accepted state counts as listed. */
static void probe_standby_state(void)
{
	static struct standby_probe p;
	int cpu = next_suspend_cpu();

	if (plat.standby.listed)
		return;
	if (cpu < 0)
		probe_standby(&p);
	else if (!on_cpu_async(cpu, probe_standby, &p) ||
		 !cpu_wait_idle(cpu, SUSPEND_BOUND_US + PROBE_STATE_IDS * PROBE_WAKE_US) || !READ_ONCE(p.done)) {
		printf("probing standby StateIDs: CPU %d did not finish within the bound; it is not used again\n", cpu);
		cpu_lost[cpu] = true;
		return;
	}
	printf("probing standby StateIDs at power level 0: %u tried, %s 0x%x\n", p.tried,
	       p.found ? "accepted" : "none accepted; assumed", p.found ? p.power_state : plat.standby.power_state);
	if (p.found)
		plat.standby = (struct state_choice){ p.power_state, true, true };
}

static void read_core_state(struct core_state *s)
{
	s->reg[CORE_CURRENT_EL] = read_sysreg(CurrentEL);
	s->reg[CORE_DAIF] = read_sysreg(daif);
	s->reg[CORE_SCTLR] = read_sysreg_el(sctlr);
	s->reg[CORE_VBAR] = read_sysreg_el(vbar);
	s->reg[CORE_TPIDR] = read_sysreg_el(tpidr);
	s->reg[CORE_TTBR0] = read_sysreg_el(ttbr0);
	s->reg[CORE_TCR] = read_sysreg_el(tcr);
	s->reg[CORE_MAIR] = read_sysreg_el(mair);
}

/* CPU_SUSPEND(power_state, entry_point, context_id) or SYSTEM_SUSPEND(entry_point, context_id). */
static u64 call_suspend(const struct suspend_call *c)
{
	if (PSCI_FN_NUMBER(c->id) == PSCI_NR_SYSTEM_SUSPEND || PSCI_FN_NUMBER(c->id) == PSCI_NR_CPU_DEFAULT_SUSPEND)
		return smccc_call(c->id, c->entry_point, c->context_id, 0);
	return smccc_call(c->id, c->power_state, c->entry_point, c->context_id);
}

/*
 * On the suspending CPU: the timer is armed before the call so that something
 * wakes it, periodically so that an interrupt taken just before the call
 * (interrupts unmasked) still leaves one to end the standby.
 */
static void suspend_work(void *arg)
{
	struct suspend_job *job = arg;
	struct suspend_call *c = &job->call;
	int cpu = smp_processor_id();
	u64 irqs = timer_irq_count(cpu), start, x0;

	c->caller_el = current_el();
	c->caller_sctlr = read_sysreg_el(sctlr);
	timer_virt_arm_periodic_us(WAKE_US);
	if (!job->irqs_masked)
		local_irq_enable();
	start = timer_count();
	read_core_state(&job->before);
	x0 = call_suspend(c);
	read_core_state(&job->after);
	c->elapsed_us = timer_ticks_to_us(timer_count() - start);
	job->wakeup.taken_during_call = timer_irq_count(cpu) - irqs;
	local_irq_enable();
	job->wakeup.taken_after_unmask = wait_until(timer_irq_count(cpu) > irqs, WAKEUP_TAKEN_US);
	local_irq_disable();
	timer_virt_stop();
	c->x0 = x0;
	c->end = SUSPEND_RETURNED;
}

/* On the boot CPU: how the call on CPU ended, judged from the job and CPU's entries. */
static void observe_end(int cpu, struct suspend_job *job, u64 entries_before)
{
	const struct cpu_entry_state *e = cpu_entry_state(cpu);

	cpu_wait_idle(cpu, SUSPEND_BOUND_US);
	dmb(ish);
	if (READ_ONCE(job->call.end) == SUSPEND_RETURNED)
		return;
	if (READ_ONCE(e->count) != entries_before) {
		job->call.end = SUSPEND_RESUMED;
		job->call.entry = (struct suspend_entry){ e->context_id, e->current_el, e->daif, e->sctlr };
		return;
	}
	cpu_lost[cpu] = true;
	suspend_cpu = next_suspend_cpu();
}

/* Posts JOB to CPU, brought online first so that its CPU_ON entry is not taken for a resume. */
static bool post_call(int cpu, struct suspend_job *job, u64 *entries)
{
	bool timed_out = false;

	if (!cpu_online(cpu) && (smp_cpu_on(cpu, &timed_out) != PSCI_RET_SUCCESS || timed_out))
		return false;
	*entries = cpu_entry_state(cpu)->count;
	return on_cpu_async(cpu, suspend_work, job);
}

static const char *cannot_make(const struct request *r)
{
	if (!r->state->timer_wakes)
		return "every DT idle state of this type has local-timer-stop: the timer cannot wake the CPU";
	if (nr_cpus() == 1 && power_state_is_powerdown(plat.extended, r->power_state))
		return "one CPU: a resume at the entry point would leave no CPU to report";
	if (nr_cpus() > 1 && suspend_cpu < 0)
		return "every secondary CPU was lost to an earlier call";
	return NULL;
}

/* Makes the call R describes; NULL, with a SKIP of CHECK reported, if it cannot be made. */
static struct suspend_job *make_call(const struct request *r, const char *check, const char *ref)
{
	int cpu = nr_cpus() == 1 ? smp_processor_id() : suspend_cpu;
	const char *why = cannot_make(r);
	struct suspend_job *job;
	u64 entries;

	if (why) {
		report_skip(check, ref, "%s", why);
		return NULL;
	}
	job = &jobs[cpu];
	*job = (struct suspend_job){
		.call = { .id = r->id, .version = plat.version, .power_state = r->power_state, .listed = r->state->listed,
			  .entry_point = r->entry_point, .bound_us = SUSPEND_BOUND_US, .end = SUSPEND_STUCK,
			  .context_id = PSCI_FN_IS_SMC64(r->id) ? CONTEXT_ID64 : CONTEXT_ID32 },
		.irqs_masked = r->irqs_masked,
	};
	report_running(check, ref);
	if (cpu == smp_processor_id()) {
		/* One CPU, a standby call: unbounded, only the runner's timeout ends a hang. */
		suspend_work(job);
		return job;
	}
	if (!post_call(cpu, job, &entries)) {
		report_skip(check, ref, "CPU %d could not be brought online or given work", cpu);
		cpu_lost[cpu] = true;
		suspend_cpu = next_suspend_cpu();
		return NULL;
	}
	observe_end(cpu, job, entries);
	return job;
}

/* The runtime's entry point, or 0 where SMC32 cannot pass it (then only standby calls use it). */
static u64 usable_entry_point(u32 id)
{
	return PSCI_FN_IS_SMC64(id) || secondary_entry_address() <= SMC32_MAX_ADDRESS ? secondary_entry_address() : 0;
}

/* No caller can run code there: beyond every PA, or for SMC32 the top page if it is not RAM. */
static u64 unusable_entry_point(u32 id)
{
	if (PSCI_FN_IS_SMC64(id))
		return ENTRY_BEYOND_PA;
	return mem_is_ram(ENTRY_TOP_32, 4) ? 0 : ENTRY_TOP_32;
}

static void check_standby(u32 id)
{
	const struct request r = { id, &plat.standby, plat.standby.power_state, usable_entry_point(id), false };
	char check[CHECK_ID_SIZE];
	struct suspend_job *job = make_call(&r, psci_check_id("cpu_suspend.standby", id, check, sizeof(check)),
					    REF_SUSPEND_STANDBY);
	struct verdict v;

	if (!job)
		return;
	judge_standby(&job->call, &v);
	report_verdict(check, REF_SUSPEND_STANDBY, &v);
}

/* One call with PSTATE.I set, three checks: it returns, the interrupt stays pending, the core is unchanged. */
static void check_standby_masked(u32 id)
{
	const struct request r = { id, &plat.standby, plat.standby.power_state, usable_entry_point(id), true };
	char masked[CHECK_ID_SIZE], pending[CHECK_ID_SIZE], state[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	psci_check_id("cpu_suspend.standby_masked", id, masked, sizeof(masked));
	psci_check_id("cpu_suspend.standby_wakeup_pending", id, pending, sizeof(pending));
	psci_check_id("cpu_suspend.standby_core_state", id, state, sizeof(state));
	job = make_call(&r, masked, REF_SUSPEND_MASKED);
	if (!job) {
		report_skip(pending, REF_SUSPEND_MASKED, "the masked standby call could not be made");
		report_skip(state, REF_SUSPEND_CORE_STATE, "the masked standby call could not be made");
		return;
	}
	judge_standby(&job->call, &v);
	report_verdict(masked, REF_SUSPEND_MASKED, &v);
	judge_standby_wakeup_pending(&job->call, &job->wakeup, &v);
	report_verdict(pending, REF_SUSPEND_MASKED, &v);
	judge_standby_core_state(&job->call, &job->before, &job->after, &v);
	report_verdict(state, REF_SUSPEND_CORE_STATE, &v);
}

/* A call to STATE with an entry point no caller may use; NULL if skipped or it failed. */
static struct suspend_job *call_at_unusable_entry(u32 id, const struct state_choice *state, const char *check,
						  const char *ref)
{
	const struct request r = { id, state, state->power_state, unusable_entry_point(id), false };

	if (!r.entry_point) {
		report_skip(check, ref, "0x%lx is RAM: no unusable SMC32 address", ENTRY_TOP_32);
		return NULL;
	}
	return make_call(&r, check, ref);
}

static void check_standby_entry_ignored(u32 id)
{
	char check[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	psci_check_id("cpu_suspend.standby_entry_ignored", id, check, sizeof(check));
	job = call_at_unusable_entry(id, &plat.standby, check, REF_SUSPEND_ENTRY_IGNORED);
	if (!job)
		return;
	judge_standby(&job->call, &v);
	report_verdict(check, REF_SUSPEND_ENTRY_IGNORED, &v);
}

static void check_invalid_power_states(u32 id)
{
	char prefix[CHECK_ID_SIZE], check[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	for (unsigned int i = 0; i < invalid_power_state_count; i++) {
		const struct invalid_power_state *kind = &invalid_power_states[i];
		const struct request r = { id, &plat.standby, invalid_power_state_value(kind, plat.standby.power_state),
					   usable_entry_point(id), false };

		if (kind->extended != plat.extended)
			continue;
		snprintf(prefix, sizeof(prefix), "cpu_suspend.%s", kind->name);
		psci_check_id(prefix, id, check, sizeof(check));
		if (!kind->reserved && plat.level3_listed) {
			report_skip(check, kind->ref, "a DT idle state is at power level 3: the level exists");
			continue;
		}
		job = make_call(&r, check, kind->ref);
		if (!job)
			continue;
		judge_invalid_power_state(kind, &job->call, &v);
		report_verdict(check, kind->ref, &v);
	}
}

static void check_powerdown(u32 id)
{
	const struct request r = { id, &plat.powerdown, plat.powerdown.power_state, usable_entry_point(id), false };
	char check[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	psci_check_id("cpu_suspend.powerdown", id, check, sizeof(check));
	if (!r.entry_point) {
		report_skip(check, REF_SUSPEND_POWERDOWN, "the runtime's entry point 0x%lx is above 4 GiB",
			    secondary_entry_address());
		return;
	}
	job = make_call(&r, check, REF_SUSPEND_POWERDOWN);
	if (!job)
		return;
	judge_powerdown(&job->call, &v);
	report_verdict(check, REF_SUSPEND_POWERDOWN, &v);
}

static void check_invalid_entry_point(u32 id)
{
	char check[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	psci_check_id("cpu_suspend.invalid_entry_point", id, check, sizeof(check));
	job = call_at_unusable_entry(id, &plat.powerdown, check, REF_SUSPEND_ENTRY_POINT);
	if (!job)
		return;
	judge_invalid_entry_point(&job->call, &v);
	report_verdict(check, REF_SUSPEND_ENTRY_POINT, &v);
}

/*
 * CPU_DEFAULT_SUSPEND (5.18) in form ID at ENTRY: the implementation picks
 * the state, which may be a powerdown, so it is asked as the powerdown state
 * is (not on the only CPU); nothing lists it, yet no power_state can make it
 * invalid. NULL, with CHECK reported, if it cannot be made.
 */
static struct suspend_job *default_suspend_call(u32 id, u64 entry, const char *check, const char *ref)
{
	const struct state_choice chosen = { plat.powerdown.power_state, true, plat.powerdown.timer_wakes };
	const struct request r = { id, &chosen, chosen.power_state, entry, false };
	struct verdict v;

	if (!psci_callable(&psci_functions[PSCI_NR_CPU_DEFAULT_SUSPEND], plat.version,
			   psci_features_at(plat.version, id), &v)) {
		report_verdict(check, ref, &v);
		return NULL;
	}
	if (!entry) {
		report_skip(check, ref, "no entry point of the kind this check needs that SMC32 can pass");
		return NULL;
	}
	return make_call(&r, check, ref);
}

static void check_default_suspend(u32 id)
{
	char check[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	psci_check_id("cpu_default_suspend.resumes", id, check, sizeof(check));
	job = default_suspend_call(id, usable_entry_point(id), check, REF_DEFAULT_SUSPEND);
	if (!job)
		return;
	judge_default_suspend(&job->call, &v);
	report_verdict(check, REF_DEFAULT_SUSPEND, &v);
}

static void check_default_suspend_invalid_entry(u32 id)
{
	char check[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	psci_check_id("cpu_default_suspend.invalid_entry_point", id, check, sizeof(check));
	job = default_suspend_call(id, unusable_entry_point(id), check, REF_DEFAULT_SUSPEND_ENTRY_POINT);
	if (!job)
		return;
	judge_invalid_entry_point(&job->call, &v);
	report_verdict(check, REF_DEFAULT_SUSPEND_ENTRY_POINT, &v);
}

/* Whether SYSTEM_SUSPEND's form ID can be called with another core on; if not, V says why. */
static bool system_suspend_callable(u32 id, struct verdict *v)
{
	const struct psci_function *fn = &psci_functions[PSCI_NR_SYSTEM_SUSPEND];
	s32 features = plat.version < fn->since ? PSCI_RET_NOT_SUPPORTED : psci_features(id);

	if (!psci_callable(fn, plat.version, features, v))
		return false;
	if (nr_cpus() == 1)
		verdict_set(v, CHECK_SKIP, "one CPU: no core besides the caller to leave on");
	else if (!usable_entry_point(id))
		verdict_set(v, CHECK_SKIP, "the runtime's entry point is above 4 GiB, out of reach of SMC32");
	else
		return true;
	return false;
}

/*
 * A secondary calls, with a usable entry point, while this CPU waits: the
 * system must not suspend. Its timer is armed as for CPU_SUSPEND, so that a
 * suspend that wrongly happens still ends.
 */
static void check_system_suspend_others_on(u32 id)
{
	static const struct state_choice deepest = { 0, false, true };
	const struct request r = { id, &deepest, 0, usable_entry_point(id), false };
	char check[CHECK_ID_SIZE];
	struct suspend_job *job;
	struct verdict v;

	psci_check_id("system_suspend.others_on", id, check, sizeof(check));
	if (!system_suspend_callable(id, &v)) {
		report_verdict(check, REF_SYSTEM_SUSPEND_OTHERS_ON, &v);
		return;
	}
	job = make_call(&r, check, REF_SYSTEM_SUSPEND_OTHERS_ON);
	if (!job)
		return;
	judge_system_suspend_others_on(&job->call, &v);
	report_verdict(check, REF_SYSTEM_SUSPEND_OTHERS_ON, &v);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (!boot.timer_ok || !boot.gic_version) {
		report_skip("cpu_suspend.all", REF_SUSPEND_STANDBY, "no virtual timer interrupt to wake a suspended CPU");
		return 0;
	}
	plat.version = (u32)smccc_call(PSCI_VERSION, 0, 0, 0);
	choose_states();
	probe_standby_state();
	suspend_cpu = next_suspend_cpu();
	for (int smc64 = 0; smc64 <= 1; smc64++) {
		u32 id = smc64 ? PSCI_FN64(PSCI_NR_CPU_SUSPEND) : PSCI_FN(PSCI_NR_CPU_SUSPEND);

		check_standby(id);
		check_standby_masked(id);
		check_standby_entry_ignored(id);
		check_invalid_power_states(id);
		check_powerdown(id);
		check_invalid_entry_point(id);
	}
	for (int smc64 = 0; smc64 <= 1; smc64++) {
		u32 id = smc64 ? PSCI_FN64(PSCI_NR_CPU_DEFAULT_SUSPEND) : PSCI_FN(PSCI_NR_CPU_DEFAULT_SUSPEND);

		check_default_suspend(id);
		check_default_suspend_invalid_entry(id);
	}
	check_system_suspend_others_on(PSCI_FN(PSCI_NR_SYSTEM_SUSPEND));
	check_system_suspend_others_on(PSCI_FN64(PSCI_NR_SYSTEM_SUSPEND));
	return 0;
}
