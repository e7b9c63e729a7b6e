#include <judges/affinity.h>
#include <judges/cpu_on.h>
#include <judges/hotplug.h>
#include <libc/string.h>

static void keep(struct hotplug_offences *o, const struct hotplug_cycle *c, s64 value, u64 detail)
{
	if (o->count < HOTPLUG_KEPT)
		o->kept[o->count] = (struct hotplug_kept){ c->cpu, c->cycle, value, detail };
	o->count++;
}

static void tally_off(struct hotplug_tally *t, const struct hotplug_cycle *c)
{
	u32 off = PSCI_FN(PSCI_NR_CPU_OFF);	/* CPU_OFF has only an SMC32 form */
	s32 ret = (s32)c->off_x0;

	if (c->off_returned) {
		if (answered(off, t->version, c->off_x0, PSCI_RET_DENIED) && t->tos_resident && c->mpidr == t->tos_mpidr)
			t->denied_on_tos++;
		else
			keep(&t->returned, c, ret, 0);
		return;
	}
	if (!c->reached_off || c->odd_state != PSCI_AFF_ON) {
		keep(&t->not_off, c, c->reached_off ? c->odd_state : c->last_state, c->reached_off);
		return;
	}
	t->offs++;
	t->max_off_us = MAX(t->max_off_us, c->off_us);
	if (!c->stayed_off || c->ran_while_off)
		keep(&t->woke, c, c->stay_state, c->ran_while_off);
}

/* Judged only for cycles whose CPU went OFF: the others have nothing to bring back. */
static void tally_on(struct hotplug_tally *t, const struct hotplug_cycle *c)
{
	if (!answered(c->on_id, t->version, c->on_x0, PSCI_RET_SUCCESS) || c->entries != 1) {
		keep(&t->not_on, c, psci_result(c->on_id, c->on_x0), c->entries);
		return;
	}
	t->ons++;
	if (!context_id_matches(c->on_id, c->context_id, c->entry_x0))
		keep(&t->wrong_context, c, (s64)c->entry_x0, c->context_id);
}

void hotplug_tally_cycle(struct hotplug_tally *t, const struct hotplug_cycle *c)
{
	u32 offs = t->offs;

	t->cycles++;
	tally_off(t, c);
	if (t->offs > offs)
		tally_on(t, c);
}

typedef int (*kept_printer)(char *buf, size_t size, const struct hotplug_kept *k);

/* "N of M cycles WHAT; first: CPU c cycle n: ...; ..." */
static void fail_with_cycles(struct verdict *v, const struct hotplug_offences *o, u32 of, const char *what,
			     kept_printer print)
{
	size_t used;

	verdict_set(v, CHECK_FAIL, "%u of %u cycles %s; first:", o->count, of, what);
	for (u32 i = 0; i < o->count && i < HOTPLUG_KEPT; i++) {
		used = strlen(v->why);
		if (used + 2 >= sizeof(v->why))
			break;
		v->why[used] = ' ';
		v->why[used + 1] = '\0';
		used++;
		used += snprintf(v->why + used, sizeof(v->why) - used, "CPU %d cycle %u: ", o->kept[i].cpu,
				 o->kept[i].cycle);
		if (used < sizeof(v->why))
			print(v->why + used, sizeof(v->why) - used, &o->kept[i]);
	}
}

static int print_code(char *buf, size_t size, const struct hotplug_kept *k)
{
	return snprintf(buf, size, "%ld (%s);", k->value, psci_ret_name(k->value));
}

/* detail: 1 if OFF was reached after an odd answer, 0 if the wait ran out. */
static int print_not_off(char *buf, size_t size, const struct hotplug_kept *k)
{
	return snprintf(buf, size, "%s %ld (%s);", k->detail ? "answered on the way" : "still at the bound",
			k->value, affinity_result_name(k->value));
}

/* detail: 1 if the CPU reached an entry point while OFF. */
static int print_woke(char *buf, size_t size, const struct hotplug_kept *k)
{
	if (k->detail)
		return snprintf(buf, size, "entered while OFF;");
	return snprintf(buf, size, "then %ld (%s);", k->value, affinity_result_name(k->value));
}

/* detail: entries. */
static int print_not_on(char *buf, size_t size, const struct hotplug_kept *k)
{
	return snprintf(buf, size, "CPU_ON %ld (%s), %lu entries;", k->value, psci_ret_name(k->value),
			k->detail);
}

/* detail: the context ID passed. */
static int print_context(char *buf, size_t size, const struct hotplug_kept *k)
{
	return snprintf(buf, size, "x0 0x%lx for 0x%lx;", (u64)k->value, k->detail);
}

/* 5.5.1: "the call is not expected to return"; 5.5.2: DENIED only on a resident Trusted OS's core. */
void judge_cpu_off_no_return(const struct hotplug_tally *t, struct verdict *v)
{
	if (!t->cycles)
		verdict_set(v, CHECK_SKIP, "no secondary CPU to turn off");
	else if (t->returned.count)
		fail_with_cycles(v, &t->returned, t->cycles, "had CPU_OFF return", print_code);
	else
		verdict_set(v, CHECK_PASS, "CPU_OFF did not return in %u of %u cycles%s", t->cycles - t->denied_on_tos,
			    t->cycles, t->denied_on_tos ? "; the rest returned DENIED on the Trusted OS's core, as permitted" : "");
}

void judge_cpu_off_reaches_off(const struct hotplug_tally *t, struct verdict *v)
{
	u32 called = t->cycles - t->returned.count - t->denied_on_tos;

	if (!called)
		verdict_set(v, CHECK_SKIP, "no CPU_OFF was processed");
	else if (t->not_off.count)
		fail_with_cycles(v, &t->not_off, called, "did not go from ON to OFF within the bound", print_not_off);
	else
		verdict_set(v, CHECK_PASS, "AFFINITY_INFO went from ON to OFF in all %u cycles, within %lu us at most (bound %lu ms)",
			    called, t->max_off_us, t->bound_us / 1000);
}

void judge_cpu_off_stays_off(const struct hotplug_tally *t, struct verdict *v)
{
	if (!t->offs)
		verdict_set(v, CHECK_SKIP, "no CPU reached OFF");
	else if (t->woke.count)
		fail_with_cycles(v, &t->woke, t->offs, "did not stay OFF until CPU_ON", print_woke);
	else
		verdict_set(v, CHECK_PASS, "in all %u cycles the CPU stayed OFF and ran nothing until CPU_ON", t->offs);
}

void judge_cpu_off_on_again(const struct hotplug_tally *t, struct verdict *v)
{
	if (!t->offs)
		verdict_set(v, CHECK_SKIP, "no CPU reached OFF");
	else if (t->not_on.count)
		fail_with_cycles(v, &t->not_on, t->offs, "could not turn the CPU on again", print_not_on);
	else
		verdict_set(v, CHECK_PASS, "CPU_ON returned SUCCESS and the CPU entered once in all %u cycles (of %u planned)",
			    t->ons, t->planned);
}

void judge_cpu_off_context(const struct hotplug_tally *t, struct verdict *v)
{
	if (!t->ons)
		verdict_set(v, CHECK_SKIP, "no CPU came back on");
	else if (t->wrong_context.count)
		fail_with_cycles(v, &t->wrong_context, t->ons, "brought the CPU back with another context ID",
				 print_context);
	else
		verdict_set(v, CHECK_PASS, "in all %u cycles the CPU came back with that cycle's context ID", t->ons);
}
