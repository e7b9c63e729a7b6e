#include <judges/affinity.h>
#include <judges/cpu_on.h>
#include <libc/string.h>

/* "CPU_ON64 returned X0 0x... (NAME)": SMC32 results are read in W0, SMC64 in X0 (5.2.2). */
static const char *describe_return(u32 id, u64 x0, char *buf, size_t size)
{
	char name[32], got[48];

	snprintf(buf, size, "%s returned %s", psci_id_name(id, name, sizeof(name)),
		 psci_result_text(id, x0, got, sizeof(got)));
	return buf;
}

void judge_cpu_on_starts(const struct cpu_on_start *s, struct verdict *v)
{
	char ret[96];

	describe_return(s->id, s->x0, ret, sizeof(ret));
	if (answered(s->id, s->version, s->x0, PSCI_RET_DENIED) || answered(s->id, s->version, s->x0, PSCI_RET_INTERNAL_FAILURE))
		verdict_set(v, CHECK_INFO, "%s for an OFF CPU of the DT: permitted (firmware policy or physical reasons), so its entry state cannot be checked",
			    ret);
	else if (!answered(s->id, s->version, s->x0, PSCI_RET_SUCCESS))
		verdict_set(v, CHECK_FAIL, "%s for an OFF CPU of the DT with a valid entry point: must be SUCCESS", ret);
	else
		verdict_expect(v, s->entries == 1, "%s; the CPU reached the entry point %lu time(s) within %lu ms%s", ret,
			       s->entries, s->bound_us / 1000, s->entries == 1 ? "" : ": must be exactly once");
}

/* The entry-state judges need a CPU that started; without one there is nothing to judge. */
static bool started(const struct cpu_on_start *s, struct verdict *v)
{
	if (answered(s->id, s->version, s->x0, PSCI_RET_SUCCESS) && s->entries)
		return true;
	verdict_set(v, CHECK_SKIP, "the CPU did not start (see cpu_on.starts)");
	return false;
}

bool context_id_matches(u32 id, u64 passed, u64 entry_x0)
{
	return PSCI_FN_IS_SMC64(id) ? entry_x0 == passed : (u32)entry_x0 == (u32)passed;
}

void judge_entry_context_id(const struct cpu_on_start *s, struct verdict *v)
{
	char name[32];

	if (!started(s, v))
		return;
	psci_id_name(s->id, name, sizeof(name));
	if (PSCI_FN_IS_SMC64(s->id))
		verdict_expect(v, context_id_matches(s->id, s->context_id, s->entry_x0),
			       "entered with X0 0x%lx; %s passed context_id 0x%lx", s->entry_x0, name, s->context_id);
	else
		verdict_expect(v, context_id_matches(s->id, s->context_id, s->entry_x0),
			       "entered with W0 0x%x (X0 0x%lx); %s passed the 32-bit context_id 0x%x",
			       (u32)s->entry_x0, s->entry_x0, name, (u32)s->context_id);
}

void judge_entry_el(const struct cpu_on_start *s, struct verdict *v)
{
	unsigned int el = (s->entry_current_el >> 2) & 3;

	if (started(s, v))
		verdict_expect(v, el == s->caller_el,
			       "entered at EL%u; the caller runs at EL%u, the highest Non-secure EL it was booted with",
			       el, s->caller_el);
}

void judge_entry_stack_pointer(const struct cpu_on_start *s, struct verdict *v)
{
	if (!started(s, v))
		return;
	if (!s->read_back)
		verdict_set(v, CHECK_FAIL, "the started CPU did not run the code that reads SPSel");
	else
		verdict_expect(v, s->spsel == ENTRY_SPSEL_ELX, "SPSel %lu at entry: must be 1 (EL%uh)",
			       s->spsel, s->caller_el);
}

void judge_entry_daif(const struct cpu_on_start *s, struct verdict *v)
{
	if (started(s, v))
		verdict_expect(v, (s->entry_daif & ENTRY_DAIF_ALL_MASKED) == ENTRY_DAIF_ALL_MASKED,
			       "DAIF 0x%lx at entry: D, A, I and F must all be masked (0x%lx)", s->entry_daif,
			       ENTRY_DAIF_ALL_MASKED);
}

void judge_entry_mmu_off(const struct cpu_on_start *s, struct verdict *v)
{
	if (started(s, v))
		verdict_expect(v, !(s->entry_sctlr & ENTRY_SCTLR_M),
			       "SCTLR_EL%u 0x%lx at entry: M must be 0 (stage 1 MMU off)", s->caller_el,
			       s->entry_sctlr);
}

void judge_entry_caches_off(const struct cpu_on_start *s, struct verdict *v)
{
	if (started(s, v))
		verdict_expect(v, !(s->entry_sctlr & (ENTRY_SCTLR_C | ENTRY_SCTLR_I)),
			       "SCTLR_EL%u 0x%lx at entry: C and I must be 0 (caches off)", s->caller_el,
			       s->entry_sctlr);
}

void judge_entry_endianness(const struct cpu_on_start *s, struct verdict *v)
{
	bool entry_be = s->entry_sctlr & ENTRY_SCTLR_EE, caller_be = s->caller_sctlr & ENTRY_SCTLR_EE;

	if (started(s, v))
		verdict_expect(v, entry_be == caller_be, "SCTLR_EL%u.EE %d at entry, %d in the caller: must match",
			       s->caller_el, entry_be, caller_be);
}

void judge_entry_cntfrq(const struct cpu_on_start *s, struct verdict *v)
{
	if (!started(s, v))
		return;
	if (!s->read_back)
		verdict_set(v, CHECK_FAIL, "the started CPU did not run the code that reads CNTFRQ_EL0");
	else
		verdict_expect(v, s->cntfrq && s->cntfrq == s->caller_cntfrq,
			       "CNTFRQ_EL0 %lu Hz on the started CPU, %lu Hz on the caller: must be initialised",
			       s->cntfrq, s->caller_cntfrq);
}

/* 5.6.2: ALREADY_ON for a target that is ON; INVALID_PARAMETERS for a target_cpu no core has (5.1.4). */
void judge_cpu_on_refusal(u32 id, u32 version, enum cpu_on_refusal why, u64 x0, const char *situation, struct verdict *v)
{
	s32 want = why == CPU_ON_TARGET_ON ? PSCI_RET_ALREADY_ON : PSCI_RET_INVALID_PARAMETERS;
	char ret[96];

	describe_return(id, x0, ret, sizeof(ret));
	if (answered(id, version, x0, want))
		verdict_set(v, CHECK_PASS, "%s: %s", situation, ret);
	else
		verdict_set(v, CHECK_FAIL, "%s: %s, must be %s", situation, ret, psci_ret_name(want));
}

/*
 * 5.6.2: INVALID_ADDRESS "when the entry point address is known by the
 * implementation to be invalid"; before 1.0 INVALID_PARAMETERS instead. An
 * implementation that cannot know may accept it, so SUCCESS is not a fault.
 */
void judge_cpu_on_invalid_entry(u32 id, u32 version, u64 entry, u64 x0, struct verdict *v)
{
	s32 want = psci_bad_address_code(&psci_functions[PSCI_NR_CPU_ON], version);
	char ret[96];

	describe_return(id, x0, ret, sizeof(ret));
	if (answered(id, version, x0, want))
		verdict_set(v, CHECK_PASS, "entry point 0x%lx: %s", entry, ret);
	else if (answered(id, version, x0, PSCI_RET_SUCCESS))
		verdict_set(v, CHECK_INFO, "entry point 0x%lx: %s, permitted if the implementation cannot know the address is invalid; the CPU is lost",
			    entry, ret);
	else
		verdict_set(v, CHECK_FAIL, "entry point 0x%lx: %s; the rejection of an invalid entry point is %s for PSCI %u.%u",
			    entry, ret, psci_ret_name(want), PSCI_VERSION_MAJOR(version), PSCI_VERSION_MINOR(version));
}
