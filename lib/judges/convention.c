#include <judges/convention.h>
#include <libc/string.h>

void judge_upper_ignored(u32 id, const char *junk_in, u64 clean_x0, u64 junk_x0, struct verdict *v)
{
	char name[32], clean[48], junk[48];

	psci_id_name(id, name, sizeof(name));
	psci_result_text(id, clean_x0, clean, sizeof(clean));
	psci_result_text(id, junk_x0, junk, sizeof(junk));
	if (verdict_expect(v, psci_result(id, clean_x0) == psci_result(id, junk_x0),
			   "%s with junk in %s returned %s, with it clear %s", name, junk_in, junk, clean))
		return;
	snprintf(v->why + strlen(v->why), sizeof(v->why) - strlen(v->why),
		 ": an SMC32 call must see only the low 32 bits");
}

static bool cpu_on_entered(const struct cpu_on_obs *o, u32 context_id)
{
	return o->ret == PSCI_RET_SUCCESS && o->came_up && o->entry_x0 == context_id;
}

/* 6.4.3.7: the target finds the context_id in X0; for SMC32 that is a 32-bit value. */
void judge_cpu_on_upper(const char *junk_in, u32 context_id, const struct cpu_on_obs *clean,
			const struct cpu_on_obs *junk, struct verdict *v)
{
	if (!cpu_on_entered(clean, context_id))
		verdict_set(v, CHECK_SKIP, "the clean SMC32 CPU_ON gave %d (%s), target %s, X0 0x%lx: nothing to compare with",
			    clean->ret, psci_ret_name(clean->ret), clean->came_up ? "came up" : "did not come up",
			    clean->entry_x0);
	else if (junk->ret != PSCI_RET_SUCCESS)
		verdict_set(v, CHECK_FAIL, "CPU_ON with junk in %s returned %d (%s), clean SUCCESS: an SMC32 call must see only the low 32 bits",
			    junk_in, junk->ret, psci_ret_name(junk->ret));
	else if (!junk->came_up)
		verdict_set(v, CHECK_FAIL, "CPU_ON with junk in %s returned SUCCESS, but the target did not reach the entry point within %lu ms (the clean CPU_ON's target took %lu us)",
			    junk_in, junk->bound_us / 1000, clean->came_up_us);
	else
		verdict_expect(v, junk->entry_x0 == context_id,
			       "CPU_ON with junk in %s: the target entered with X0 0x%lx, context_id was 0x%x (32-bit, zero-extended)",
			       junk_in, junk->entry_x0, context_id);
}

void judge_suspend_upper(const struct suspend_upper_obs *o, struct verdict *v)
{
	u32 id = PSCI_FN(PSCI_NR_CPU_SUSPEND);
	char clean[48];

	if (!o->clean_returned) {
		verdict_set(v, CHECK_SKIP, "the clean standby CPU_SUSPEND did not return within %u ms: nothing to compare with",
			    o->timeout_ms);
		return;
	}
	psci_result_text(id, o->clean_x0, clean, sizeof(clean));
	if (!o->junk_returned) {
		verdict_set(v, CHECK_FAIL, "standby CPU_SUSPEND with junk in x1[63:32] did not return within %u ms; clean, it returned %s",
			    o->timeout_ms, clean);
		return;
	}
	judge_upper_ignored(id, "x1[63:32]", o->clean_x0, o->junk_x0, v);
}

void judge_preserved(const char *call, u32 smccc_version, const u64 *in, const u64 *out, struct verdict *v)
{
	char changed[64] = "", version[16];
	int first = 0;
	size_t len = 0;

	for (int i = SMCCC_FIRST_PRESERVED; i <= SMCCC_LAST_PRESERVED; i++) {
		if (in[i] == out[i])
			continue;
		first = first ? first : i;
		len += snprintf(changed + len, sizeof(changed) - len, " x%d", i);
	}
	smccc_version_text(smccc_version, version, sizeof(version));
	if (!first)
		verdict_set(v, CHECK_PASS, "%s left x4-x17 unchanged (SMCCC %s)", call, version);
	else if (smccc_version >= SMCCC_V1_1)
		verdict_set(v, CHECK_FAIL, "%s changed%s (x%d 0x%lx -> 0x%lx): SMCCC %s requires x4-x17 preserved",
			    call, changed, first, in[first], out[first], version);
	else
		verdict_set(v, CHECK_INFO, "%s changed%s (x%d 0x%lx -> 0x%lx): permitted under SMCCC 1.0",
			    call, changed, first, in[first], out[first]);
}

/* Any answer means a service is there: some implement Call UID and Revision but not Call Count. */
static bool service_absent(const s32 *queries)
{
	for (int i = 0; i < SMCCC_NR_SERVICE_QUERIES; i++)
		if (queries[i] != SMCCC_RET_NOT_SUPPORTED)
			return false;
	return true;
}

void judge_unknown_fid(u32 fid, const s32 *queries, u64 x0, struct verdict *v)
{
	unsigned int oen = SMCCC_FID_OEN(fid);
	bool unknown = psci_result(fid, x0) == SMCCC_RET_NOT_SUPPORTED;
	char got[48];

	psci_result_text(fid, x0, got, sizeof(got));
	if (smccc_owner_of(oen) != SMCCC_OWNER_VENDOR)
		verdict_expect(v, unknown, "0x%08x (%s range %u, a number no revision defines) returned %s%s",
			       fid, smccc_owner_name(oen), oen, got, unknown ? "" : ": must be NOT_SUPPORTED (-1)");
	else if (unknown)
		verdict_set(v, CHECK_PASS, "0x%08x (%s range %u) returned %s", fid, smccc_owner_name(oen), oen, got);
	else if (service_absent(queries))
		verdict_set(v, CHECK_FAIL, "0x%08x returned %s, but the %s range %u answers Call Count, Call UID and Revision (0x%08x, 0x%08x, 0x%08x) with NOT_SUPPORTED: nothing is there, so it must be NOT_SUPPORTED",
			    fid, got, smccc_owner_name(oen), oen, smccc_service_query_id(oen, 0),
			    smccc_service_query_id(oen, 1), smccc_service_query_id(oen, 2));
	else
		verdict_set(v, CHECK_INFO, "0x%08x returned %s; a service answers the %s range %u's queries (Call Count %d, Call UID W0 0x%x), so its vendor may define this number",
			    fid, got, smccc_owner_name(oen), oen, queries[0], (u32)queries[1]);
}
