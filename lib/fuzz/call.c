#include <fuzz/call.h>

/* Beyond the workarounds of the SMCCC table: the discovery calls and one number nobody assigns. */
static const u32 extra_questions[] = { SMCCC_VERSION_ID, SMCCC_ARCH_FEATURES_ID, SMCCC_ARCH_UNDEFINED_ID };

unsigned int fuzz_arch_question_count(void)
{
	return smccc_arch_function_count + ARRAY_SIZE(extra_questions);
}

u32 fuzz_arch_question(unsigned int i)
{
	if (i < smccc_arch_function_count)
		return smccc_arch_functions[i].id;
	return extra_questions[i - smccc_arch_function_count];
}

unsigned int fuzz_class_of(u32 id)
{
	const struct psci_function *fn = psci_function_by_id(id);

	if (fn)
		return fn->number;
	if (psci_id_in_range(id))
		return FUZZ_CLASS_UNKNOWN_PSCI;
	if (id == SMCCC_VERSION_ID)
		return FUZZ_CLASS_SMCCC_VERSION;
	if (id == SMCCC_ARCH_FEATURES_ID)
		return FUZZ_CLASS_ARCH_FEATURES;
	return smccc_arch_unassigned(id) ? FUZZ_CLASS_UNKNOWN_ARCH : FUZZ_CLASSES;
}

u32 fuzz_call_id(const struct fuzz_call *c)
{
	return (u32)c->in[0];
}

u64 fuzz_arg(const struct fuzz_call *c, int i)
{
	return PSCI_FN_IS_SMC64(fuzz_call_id(c)) ? c->in[i] : (u32)c->in[i];
}

bool fuzz_has_junk(const u64 *in)
{
	if (PSCI_FN_IS_SMC64((u32)in[0]))
		return false;
	for (int i = 1; i <= 3; i++)
		if (in[i] >> 32)
			return true;
	return false;
}
