/* An offending fuzz call in full, for the report (judges/fuzz_checks.h). */
#include <judges/fuzz_checks.h>
#include <libc/string.h>

static const char *id_name(u32 id, char *buf, size_t size)
{
	static const char *const others[] = {
		[FUZZ_CLASS_UNKNOWN_PSCI - PSCI_NR_COUNT] = "PSCI range, no function",
		[FUZZ_CLASS_SMCCC_VERSION - PSCI_NR_COUNT] = "SMCCC_VERSION",
		[FUZZ_CLASS_ARCH_FEATURES - PSCI_NR_COUNT] = "SMCCC_ARCH_FEATURES",
		[FUZZ_CLASS_UNKNOWN_ARCH - PSCI_NR_COUNT] = "Arm Architecture, unassigned",
		[FUZZ_CLASSES - PSCI_NR_COUNT] = "unjudged",
	};
	unsigned int cls = fuzz_class_of(id);
	char name[32];

	if (cls < PSCI_NR_COUNT)
		psci_id_name(id, name, sizeof(name));
	snprintf(buf, size, "%s (0x%08x)", cls < PSCI_NR_COUNT ? name : others[cls - PSCI_NR_COUNT], id);
	return buf;
}

/* Arm Architecture calls answer in their own codes (DEN0028), the rest in PSCI's (5.2.2). */
static const char *code_name(u32 id, s64 code)
{
	static const char *const smccc[] = { "SUCCESS", "NOT_SUPPORTED", "NOT_REQUIRED", "INVALID_PARAMETER" };

	if (SMCCC_FID_OEN(id) != 0)
		return psci_ret_name(code);
	return code <= 0 && -code < (s64)ARRAY_SIZE(smccc) ? smccc[-code] : "(not an SMCCC code)";
}

static const char *result_text(u32 id, u64 x0, char *buf, size_t size)
{
	s64 ret = psci_result(id, x0);

	if (SMCCC_FID_OEN(id) != 0 || ret >= 0)
		return psci_result_text(id, x0, buf, size);
	snprintf(buf, size, "%s 0x%lx (%s)", PSCI_FN_IS_SMC64(id) ? "X0" : "W0", PSCI_FN_IS_SMC64(id) ? x0 : (u32)x0,
		 code_name(id, ret));
	return buf;
}

static const char *permitted_text(u32 id, const struct fuzz_permitted *p, char *buf, size_t size)
{
	static const char *const rules[] = {
		[FUZZ_LISTED] = "",
		[FUZZ_NON_NEGATIVE] = ", any value >= 0",
		[FUZZ_CPU_MPIDR] = ", the MPIDR of a CPU of the DT",
		[FUZZ_FEATURES] = ", NOT_SUPPORTED or the flags Table 11 gives the function asked about",
		[FUZZ_ANY] = ", anything",
	};
	size_t n = 0;

	buf[0] = '\0';
	for (int v = 0; v < FUZZ_MAX_LISTED; v++)
		if (p->values & FUZZ_VAL(v))
			n += snprintf(buf + n, size - n, ", 0x%x", v);
	for (int code = 1; code < FUZZ_MAX_LISTED && n < size; code++)
		if (p->errors & FUZZ_ERR(-code))
			n += snprintf(buf + n, size - n, ", %s", code_name(id, -code));
	if (n < size)
		n += snprintf(buf + n, size - n, "%s", rules[p->rule]);
	if (n < size)
		snprintf(buf + n, size - n, " (%s)", p->why);
	/* Past the leading ", ". */
	return buf[0] == ',' ? buf + 2 : buf;
}

const char *fuzz_offence_text(enum fuzz_property p, const struct fuzz_offence *o, char *buf, size_t size)
{
	u32 id = (u32)o->in[0];
	char name[64], got[48], clean[48], want[224];
	int n;

	n = snprintf(buf, size, "CPU %d call %lu: %s x1=0x%lx x2=0x%lx x3=0x%lx%s", o->cpu, o->index,
		     id_name(id, name, sizeof(name)), o->in[1], o->in[2], o->in[3],
		     fuzz_has_junk(o->in) ? " (SMC32: junk in [63:32])" : "");
	if ((size_t)n >= size)
		return buf;
	result_text(id, o->x0, got, sizeof(got));
	if (o->hung_ms)
		snprintf(buf + n, size - n, " did not return within %u ms", o->hung_ms);
	else if (p == FUZZ_PRESERVED)
		snprintf(buf + n, size - n, " -> x%d 0x%lx came back 0x%lx", o->changed, o->changed_in, o->changed_out);
	else if (p == FUZZ_STABLE)
		snprintf(buf + n, size - n, " -> %s; at start the same question got 0x%x", got, (u32)o->learned);
	else if (p == FUZZ_SMC32_UPPER)
		snprintf(buf + n, size - n, " -> %s; with x1-x3[63:32] clear: %s; permitted: %s", got,
			 result_text(id, o->clean_x0, clean, sizeof(clean)), permitted_text(id, &o->want, want, sizeof(want)));
	else
		snprintf(buf + n, size - n, " -> %s; permitted: %s", got, permitted_text(id, &o->want, want, sizeof(want)));
	return buf;
}
