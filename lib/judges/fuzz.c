#include <judges/convention.h>
#include <judges/discovery.h>
#include <judges/fuzz.h>
#include <judges/fuzz_cpus.h>

void fuzz_permit(struct fuzz_permitted *p, enum fuzz_rule rule, u32 values, u32 errors, const char *why)
{
	*p = (struct fuzz_permitted){ rule, values, errors, why };
}

void fuzz_narrow(struct fuzz_permitted *p, u32 values, u32 errors, const char *why)
{
	p->values &= values;
	p->errors &= errors;
	p->why = why;
}

enum presence { ABSENT, PRESENT, EITHER };

/*
 * 5.3.2: a function not implemented returns NOT_SUPPORTED, and PSCI_FEATURES
 * says which are (5.16.2); a mandatory one is always there (6.9 Table 17).
 * PSCI 0.2 has no PSCI_FEATURES: its optional functions may be either, and
 * later functions are not part of it.
 */
static enum presence presence_of(const struct fuzz_knowledge *k, const struct psci_function *fn, u32 id)
{
	if (psci_function_is_mandatory(fn, k->psci_version))
		return PRESENT;
	if (psci_has_features(k->psci_version))
		return k->features[PSCI_FN_IS_SMC64(id)][fn->number] >= 0 ? PRESENT : ABSENT;
	return psci_function_exists_in(fn, k->psci_version) ? EITHER : ABSENT;
}

/* A success value of the function's result kind (psci_result_kind). */
static void kind_permitted(const struct psci_function *fn, struct fuzz_permitted *p)
{
	static const struct {
		enum fuzz_rule rule;
		u32 values;
	} kinds[] = {
		[PSCI_RESULT_SUCCESS] = { FUZZ_LISTED, FUZZ_VAL(PSCI_RET_SUCCESS) },
		[PSCI_RESULT_NO_RETURN] = { FUZZ_LISTED, 0 },
		[PSCI_RESULT_VERSION] = { FUZZ_NON_NEGATIVE, 0 },
		[PSCI_RESULT_AFFINITY_STATE] = { FUZZ_LISTED, FUZZ_VAL(PSCI_AFF_ON) | FUZZ_VAL(PSCI_AFF_OFF) |
								   FUZZ_VAL(PSCI_AFF_ON_PENDING) },
		[PSCI_RESULT_MIGRATE_TYPE] = { FUZZ_LISTED, FUZZ_VAL(MIGRATE_TYPE_UP_CAPABLE) |
								 FUZZ_VAL(MIGRATE_TYPE_UP_NOT_CAPABLE) |
								 FUZZ_VAL(MIGRATE_TYPE_NOT_REQUIRED) },
		[PSCI_RESULT_MPIDR] = { FUZZ_CPU_MPIDR, 0 },
		[PSCI_RESULT_FEATURES] = { FUZZ_FEATURES, 0 },
		[PSCI_RESULT_ENABLE_STATE] = { FUZZ_LISTED, FUZZ_VAL(0) | FUZZ_VAL(1) },
		[PSCI_RESULT_HW_STATE] = { FUZZ_LISTED, FUZZ_VAL(PSCI_HW_ON) | FUZZ_VAL(PSCI_HW_OFF) |
							     FUZZ_VAL(PSCI_HW_STANDBY) },
		[PSCI_RESULT_COUNT] = { FUZZ_ANY, 0 },
	};

	fuzz_permit(p, kinds[fn->result].rule, kinds[fn->result].values, 0, fn->section);
}

/*
 * The function's own permitted set at the advertised version (or at its own,
 * if newer and reported present); false if only NOT_SUPPORTED is.
 */
static bool function_permitted(const struct fuzz_knowledge *k, const struct psci_function *fn, u32 id,
			       struct fuzz_permitted *p)
{
	u32 version = MAX(k->psci_version, fn->since);
	enum presence presence = presence_of(k, fn, id);

	if (presence == ABSENT) {
		fuzz_permit(p, FUZZ_LISTED, 0, FUZZ_ERR(PSCI_RET_NOT_SUPPORTED),
			    psci_has_features(k->psci_version) ? "PSCI_FEATURES reported it absent (5.3.2, 5.16.2)" :
							   "not part of the PSCI version advertised (5.3.2)");
		return false;
	}
	kind_permitted(fn, p);
	for (s32 code = PSCI_RET_NOT_SUPPORTED; code >= PSCI_RET_INVALID_ADDRESS; code--)
		if (psci_error_permitted(fn, version, code))
			p->errors |= FUZZ_ERR(code);
	if (presence == PRESENT)
		p->errors &= ~FUZZ_ERR(PSCI_RET_NOT_SUPPORTED);
	else
		p->errors |= FUZZ_ERR(PSCI_RET_NOT_SUPPORTED);
	return true;
}

static void narrow_set_suspend_mode(const struct fuzz_call *c, struct fuzz_permitted *p)
{
	if (fuzz_arg(c, 1) > 1)
		fuzz_narrow(p, 0, FUZZ_ERR(PSCI_RET_INVALID_PARAMETERS), "modes are 0 and 1 (5.1.20)");
	else
		fuzz_narrow(p, FUZZ_VAL(PSCI_RET_SUCCESS), FUZZ_ERR(PSCI_RET_DENIED),
			    "a valid mode; a switch may be denied (5.21.2)");
}

/* 5.1.8: the resident core's MPIDR only when there is a UP Trusted OS, UNDEFINED otherwise. */
static void widen_migrate_up_cpu(const struct fuzz_knowledge *k, struct fuzz_permitted *p)
{
	if (k->migrate_info_type != MIGRATE_TYPE_UP_CAPABLE && k->migrate_info_type != MIGRATE_TYPE_UP_NOT_CAPABLE)
		fuzz_permit(p, FUZZ_ANY, 0, p->errors, "UNDEFINED unless MIGRATE_INFO_TYPE is 0 or 1 (5.1.8)");
}

static void psci_permitted(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus, const struct fuzz_call *c,
			   const struct psci_function *fn, struct fuzz_permitted *p)
{
	if (!function_permitted(k, fn, fuzz_call_id(c), p))
		return;
	switch (fn->number) {
	case PSCI_NR_CPU_ON:
		fuzz_narrow_cpu_on(k, cpus, c, p);
		break;
	case PSCI_NR_AFFINITY_INFO:
		fuzz_narrow_affinity_info(k, cpus, c, p);
		break;
	case PSCI_NR_NODE_HW_STATE:
		fuzz_narrow_node_hw_state(cpus, c, p);
		break;
	case PSCI_NR_PSCI_SET_SUSPEND_MODE:
		narrow_set_suspend_mode(c, p);
		break;
	case PSCI_NR_MIGRATE_INFO_UP_CPU:
		widen_migrate_up_cpu(k, p);
		break;
	}
}

/* 5.16.2: PSCI_FEATURES should report SMCCC_VERSION; a 1.0 caller that finds it absent may not use it. */
static void smccc_version_permitted(const struct fuzz_knowledge *k, struct fuzz_permitted *p)
{
	if (!psci_has_features(k->psci_version))
		fuzz_permit(p, FUZZ_NON_NEGATIVE, 0, FUZZ_ERR(SMCCC_RET_NOT_SUPPORTED),
			    "PSCI 0.2 cannot tell whether SMCCC_VERSION exists");
	else if (k->smccc_version_feature == PSCI_RET_NOT_SUPPORTED)
		fuzz_permit(p, FUZZ_LISTED, 0, FUZZ_ERR(SMCCC_RET_NOT_SUPPORTED),
			    "PSCI_FEATURES reported SMCCC_VERSION absent: SMCCC 1.0, an unknown function (5.16.2)");
	else
		fuzz_permit(p, FUZZ_NON_NEGATIVE, 0, 0, "PSCI_FEATURES reported SMCCC_VERSION present: a version, bit 31 clear");
}

/* What the SMCCC table lets SMCCC_ARCH_FEATURES answer for FN. */
static void workaround_permitted(const struct smccc_arch_function *fn, struct fuzz_permitted *p)
{
	fuzz_permit(p, FUZZ_LISTED, 0, FUZZ_ERR(SMCCC_RET_NOT_SUPPORTED), fn->section);
	for (unsigned int v = 0; v < fn->nr_feature_values; v++)
		if (fn->feature_values[v] >= 0)
			p->values |= FUZZ_VAL(fn->feature_values[v]);
		else
			p->errors |= FUZZ_ERR(fn->feature_values[v]);
}

static void arch_features_permitted(const struct fuzz_knowledge *k, const struct fuzz_call *c,
				    struct fuzz_permitted *p)
{
	u32 asked = fuzz_arg(c, 1);

	if (k->smccc_version < SMCCC_V1_1) {
		fuzz_permit(p, FUZZ_LISTED, 0, FUZZ_ERR(SMCCC_RET_NOT_SUPPORTED),
			    "SMCCC 1.0 has no SMCCC_ARCH_FEATURES: an unknown function");
		return;
	}
	for (unsigned int i = 0; i < smccc_arch_function_count; i++) {
		if (smccc_arch_functions[i].id == asked) {
			workaround_permitted(&smccc_arch_functions[i], p);
			return;
		}
	}
	if (asked == SMCCC_VERSION_ID || asked == SMCCC_ARCH_FEATURES_ID)
		fuzz_permit(p, FUZZ_NON_NEGATIVE, 0, FUZZ_ERR(SMCCC_RET_NOT_SUPPORTED),
			    "an Arm Architecture call: implemented (>= 0) or not");
	else if (smccc_arch_unassigned(asked))
		fuzz_permit(p, FUZZ_LISTED, 0, FUZZ_ERR(SMCCC_RET_NOT_SUPPORTED),
			    "no SMCCC revision defines the function asked about");
	else
		fuzz_permit(p, FUZZ_ANY, 0, 0, "not an Arm Architecture ID the suite knows");
}

static void permitted_for(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus, const struct fuzz_call *c,
			  struct fuzz_permitted *p)
{
	unsigned int cls = fuzz_class_of(fuzz_call_id(c));

	if (cls < PSCI_NR_COUNT) {
		psci_permitted(k, cpus, c, &psci_functions[cls], p);
		return;
	}
	switch (cls) {
	case FUZZ_CLASS_UNKNOWN_PSCI:
		fuzz_permit(p, FUZZ_LISTED, 0, FUZZ_ERR(PSCI_RET_NOT_SUPPORTED), "no PSCI function has this ID (5.1, 5.3.2)");
		break;
	case FUZZ_CLASS_SMCCC_VERSION:
		smccc_version_permitted(k, p);
		break;
	case FUZZ_CLASS_ARCH_FEATURES:
		arch_features_permitted(k, c, p);
		break;
	case FUZZ_CLASS_UNKNOWN_ARCH:
		fuzz_permit(p, FUZZ_LISTED, 0, FUZZ_ERR(SMCCC_RET_NOT_SUPPORTED), "no SMCCC revision defines this ID");
		break;
	default:
		fuzz_permit(p, FUZZ_ANY, 0, 0, "an ID the suite does not judge");
	}
}

/* judge_features encodes 5.1.15 and Table 11; SMCCC_VERSION's answer PSCI leaves to DEN0028. */
static bool features_fit(const struct fuzz_knowledge *k, u32 asked, s64 ret)
{
	struct verdict v;

	if (asked == SMCCC_VERSION_ID)
		return ret == PSCI_RET_NOT_SUPPORTED || ret >= 0;
	judge_features(asked, k->psci_version, (s32)ret, &v);
	return v.status != CHECK_FAIL;
}

static bool fits(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus, const struct fuzz_call *c,
		 const struct fuzz_permitted *p, s64 ret)
{
	if (ret < 0 && ret > -FUZZ_MAX_LISTED && (p->errors & FUZZ_ERR(ret)))
		return true;
	switch (p->rule) {
	case FUZZ_LISTED:
		return ret >= 0 && ret < FUZZ_MAX_LISTED && (p->values & FUZZ_VAL(ret));
	case FUZZ_NON_NEGATIVE:
		return ret >= 0;
	case FUZZ_CPU_MPIDR:
		return fuzz_is_cpu_mpidr(cpus, fuzz_call_id(c), ret);
	case FUZZ_FEATURES:
		return features_fit(k, fuzz_arg(c, 1), ret);
	case FUZZ_ANY:
		return true;
	}
	return false;
}

static bool arch_answer(const struct fuzz_knowledge *k, int cpu, u32 asked, s32 *answer)
{
	for (unsigned int q = 0; q < fuzz_arch_question_count(); q++) {
		if (fuzz_arch_question(q) == asked) {
			*answer = k->arch_features[cpu][q];
			return true;
		}
	}
	return false;
}

/* The questions answered at start: the same question must get the same answer. */
static bool learned_answer(const struct fuzz_knowledge *k, const struct fuzz_call *c, s32 *answer)
{
	u32 id = fuzz_call_id(c), asked = (u32)c->in[1];
	bool features = id == PSCI_FN(PSCI_NR_PSCI_FEATURES) && psci_has_features(k->psci_version);

	if (id == PSCI_FN(PSCI_NR_PSCI_VERSION))
		*answer = (s32)k->psci_version;
	else if (id == PSCI_FN(PSCI_NR_MIGRATE_INFO_TYPE))
		*answer = k->migrate_info_type;
	else if (id == SMCCC_VERSION_ID)
		*answer = (s32)k->smccc_version_word;
	else if (features && psci_id_in_range(asked))
		*answer = k->features[PSCI_FN_IS_SMC64(asked)][PSCI_FN_NUMBER(asked)];
	else if (features && asked == SMCCC_VERSION_ID)
		*answer = k->smccc_version_feature;
	else if (id == SMCCC_ARCH_FEATURES_ID && k->smccc_version >= SMCCC_V1_1)
		return arch_answer(k, c->cpu, asked, answer);
	else
		return false;
	return true;
}

static int first_changed(const struct fuzz_call *c)
{
	for (int i = SMCCC_FIRST_PRESERVED; i <= SMCCC_LAST_PRESERVED; i++)
		if (c->in[i] != c->out[i])
			return i;
	return 0;
}

void judge_fuzz_call(const struct fuzz_knowledge *k, const struct fuzz_cpus *cpus, const struct fuzz_call *c,
		     struct fuzz_judgement *j)
{
	s64 ret = psci_result(fuzz_call_id(c), c->out[0]);

	permitted_for(k, cpus, c, &j->want);
	j->permitted = fits(k, cpus, c, &j->want, ret);
	j->asked_before = learned_answer(k, c, &j->learned);
	j->stable = !j->asked_before || ret == j->learned;
	j->changed = first_changed(c);
}

bool fuzz_offends(const struct fuzz_judgement *j)
{
	return !j->permitted || !j->stable;
}
