#include <judges/psci_stat.h>

/* A statistic as the call's width returns it: a uint32 in W0 for SMC32 (5.2.2), else X0. */
static u64 stat_value(u32 id, u64 x0)
{
	return PSCI_FN_IS_SMC64(id) ? x0 : (u32)x0;
}

void judge_stat_count_grows(const struct stat_run *r, struct verdict *v)
{
	u64 before = stat_value(r->count_id, r->count_before), after = stat_value(r->count_id, r->count_after);
	u64 grew = after - before;

	if (!r->waited) {
		verdict_set(v, CHECK_SKIP, "none of %u standby calls into power_state 0x%x waited for its wake-up", r->calls,
			    r->power_state);
		return;
	}
	verdict_expect(v, after >= before && grew >= r->waited && grew <= r->calls,
		       "power_state 0x%x: count %lu before %u standby calls (%u of them waited), %lu after%s", r->power_state,
		       before, r->calls, r->waited, after,
		       after < before ? ": a count never goes down" :
		       grew > r->calls ? ": more entries than calls" :
		       grew < r->waited ? ": fewer entries than calls that waited in the state" : "");
}

void judge_stat_residency_grows(const struct stat_run *r, struct verdict *v)
{
	u64 before = stat_value(r->residency_id, r->residency_before);
	u64 after = stat_value(r->residency_id, r->residency_after);
	/* Each call may round its residency up to the next microsecond. */
	u64 most = r->elapsed_us + r->calls;

	if (!r->waited) {
		verdict_set(v, CHECK_SKIP, "none of %u standby calls into power_state 0x%x waited for its wake-up", r->calls,
			    r->power_state);
		return;
	}
	verdict_expect(v, after > before && after - before <= most,
		       "power_state 0x%x: residency %lu us before %u standby calls lasting %lu us in all, %lu us after%s",
		       r->power_state, before, r->calls, r->elapsed_us, after,
		       after < before ? ": residency never goes down" :
		       after == before ? ": the calls that waited in the state added nothing" :
		       after - before > most ? ": more time in the state than the calls lasted" : "");
}

void judge_stat_never_entered(u32 count_id, const struct stat_unentered *u, int n, struct verdict *v)
{
	char name[32];

	psci_id_name(count_id, name, sizeof(name));
	if (!n) {
		verdict_set(v, CHECK_SKIP, "every core entered the state: none to ask about");
		return;
	}
	for (int i = 0; i < n; i++) {
		u64 count = stat_value(count_id, u[i].count_x0), residency = stat_value(count_id, u[i].residency_x0);

		if (count || residency) {
			verdict_set(v, CHECK_FAIL, "CPU %d (MPIDR 0x%lx) never entered the state, yet count %lu, residency %lu us",
				    u[i].cpu, u[i].mpidr, count, residency);
			return;
		}
	}
	verdict_set(v, CHECK_PASS, "%d core(s) that never entered the state: count and residency 0 (%s and its pair)", n,
		    name);
}
