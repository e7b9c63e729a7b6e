#include <check-ids.h>
#include <judges/convention.h>
#include <judges/discovery.h>
#include <judges/fuzz_checks.h>
#include <libc/string.h>

/* The classes past the PSCI functions, in enum fuzz_class order. */
static const struct {
	const char *name, *ref;
} other_classes[] = {
	{ "unknown_psci_id", REF_UNKNOWN_FID },
	{ "smccc_version", REF_SMCCC_VERSION },
	{ "smccc_arch_features", REF_ARCH_FEATURES },
	{ "unknown_arch_id", REF_FUZZ_UNKNOWN_ARCH },
};

const char *fuzz_class_check_id(const char *prefix, unsigned int cls, char *buf, size_t size)
{
	if (cls < PSCI_NR_COUNT)
		return psci_check_id(prefix, PSCI_FN(cls), buf, size);
	snprintf(buf, size, "%s.%s", prefix, other_classes[cls - PSCI_NR_COUNT].name);
	return buf;
}

const char *fuzz_class_ref(unsigned int cls)
{
	return cls < PSCI_NR_COUNT ? psci_functions[cls].section : other_classes[cls - PSCI_NR_COUNT].ref;
}

static void offence_of(const struct fuzz_call *c, const struct fuzz_judgement *j, u64 clean_x0,
		       struct fuzz_offence *o)
{
	*o = (struct fuzz_offence){
		.cpu = c->cpu, .index = c->index, .in = { c->in[0], c->in[1], c->in[2], c->in[3] },
		.x0 = c->out[0], .changed = j->changed, .changed_in = c->in[j->changed],
		.changed_out = c->out[j->changed], .want = j->want, .learned = j->learned, .clean_x0 = clean_x0,
	};
}

static void count(struct fuzz_count *n, bool offends, const struct fuzz_offence *o)
{
	n->calls++;
	if (!offends)
		return;
	n->offences++;
	if (n->kept < FUZZ_SHOWN)
		n->first[n->kept++] = *o;
}

void fuzz_tally_call(struct fuzz_tally *t, const struct fuzz_call *c, const struct fuzz_judgement *j,
		     bool blame_upper, u64 clean_x0)
{
	unsigned int cls = fuzz_class_of((u32)c->in[0]);
	bool upper = blame_upper && fuzz_offends(j);
	struct fuzz_offence o;

	offence_of(c, j, clean_x0, &o);
	t->calls++;
	count(&t->preserved, j->changed, &o);
	if (j->asked_before)
		count(&t->stable, !upper && !j->stable, &o);
	/* The fuzz draws no ID outside the classes: one would be counted, not judged. */
	if (cls == FUZZ_CLASSES)
		return;
	count(&t->results[cls], !upper && !j->permitted, &o);
	if (fuzz_has_junk(c->in))
		count(&t->upper[cls], upper, &o);
}

void fuzz_tally_hung(struct fuzz_tally *t, const struct fuzz_call *c, u32 bound_ms)
{
	struct fuzz_judgement none = { .permitted = false };
	unsigned int cls = fuzz_class_of((u32)c->in[0]);
	struct fuzz_offence o;

	offence_of(c, &none, 0, &o);
	o.hung_ms = bound_ms;
	t->calls++;
	if (cls < FUZZ_CLASSES)
		count(&t->results[cls], true, &o);
}

static void merge(struct fuzz_count *into, const struct fuzz_count *from)
{
	into->calls += from->calls;
	into->offences += from->offences;
	for (unsigned int i = 0; i < from->kept && into->kept < FUZZ_SHOWN; i++)
		into->first[into->kept++] = from->first[i];
}

void fuzz_tally_merge(struct fuzz_tally *into, const struct fuzz_tally *from)
{
	into->calls += from->calls;
	for (unsigned int cls = 0; cls < FUZZ_CLASSES; cls++) {
		merge(&into->results[cls], &from->results[cls]);
		merge(&into->upper[cls], &from->upper[cls]);
	}
	merge(&into->preserved, &from->preserved);
	merge(&into->stable, &from->stable);
}

static void offending(const struct fuzz_count *n, enum fuzz_property p, const struct fuzz_run *run,
		      const char *what, struct verdict *v)
{
	char first[VERDICT_WHY_SIZE];

	fuzz_offence_text(p, &n->first[0], first, sizeof(first));
	verdict_set(v, CHECK_FAIL, "%lu of %lu %s (seed=%lu); first: %s", n->offences, n->calls, what, run->seed, first);
}

static void judge_results(const struct fuzz_count *n, const struct fuzz_run *run, struct verdict *v)
{
	if (n->offences)
		offending(n, FUZZ_RESULTS, run, "calls answered what the spec does not permit", v);
	else
		verdict_set(v, CHECK_PASS, "%lu calls: every answer one the spec permits", n->calls);
}

static void judge_upper(const struct fuzz_count *n, const struct fuzz_run *run, struct verdict *v)
{
	if (n->offences)
		offending(n, FUZZ_SMC32_UPPER, run,
			  "SMC32 calls with junk in x1-x3[63:32] answered wrongly, and rightly with it clear", v);
	else
		verdict_set(v, CHECK_PASS, "%lu SMC32 calls carried junk in x1-x3[63:32]; none answered wrongly for it",
			    n->calls);
}

static void judge_registers(const struct fuzz_count *n, const struct fuzz_run *run, struct verdict *v)
{
	char version[16];

	smccc_version_text(run->smccc_version, version, sizeof(version));
	if (run->smccc_version < SMCCC_V1_1)
		verdict_set(v, CHECK_INFO, "SMCCC %s lets a call change x4-x17; %lu of %lu calls did", version,
			    n->offences, n->calls);
	else if (n->offences)
		offending(n, FUZZ_PRESERVED, run, "calls changed x4-x17, which SMCCC 1.1 on preserves", v);
	else
		verdict_set(v, CHECK_PASS, "x4-x17 came back unchanged from all %lu calls (SMCCC %s)", n->calls, version);
}

static void judge_stable(const struct fuzz_count *n, const struct fuzz_run *run, struct verdict *v)
{
	if (n->offences)
		offending(n, FUZZ_STABLE, run, "repeated questions answered differently from the start", v);
	else
		verdict_set(v, CHECK_PASS, "%lu repeated questions (PSCI_VERSION, PSCI_FEATURES, MIGRATE_INFO_TYPE, "
			    "SMCCC_VERSION, SMCCC_ARCH_FEATURES) answered as at start", n->calls);
}

void judge_fuzz_check(const struct fuzz_count *n, enum fuzz_property p, const struct fuzz_run *run,
		      struct verdict *v)
{
	static const struct {
		void (*judge)(const struct fuzz_count *, const struct fuzz_run *, struct verdict *);
		const char *none;
	} kinds[] = {
		[FUZZ_RESULTS] = { judge_results, "no call of it was made" },
		[FUZZ_SMC32_UPPER] = { judge_upper, "no SMC32 call of it carried junk in x1-x3[63:32]" },
		[FUZZ_PRESERVED] = { judge_registers, "no call was made" },
		[FUZZ_STABLE] = { judge_stable, "no question answered at start was asked again" },
	};

	if (n->calls)
		kinds[p].judge(n, run, v);
	else
		verdict_set(v, CHECK_SKIP, "%s", kinds[p].none);
}
