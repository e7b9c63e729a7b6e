/*
 * MEM_PROTECT and MEM_PROTECT_CHECK_RANGE (DEN0022F.b 5.1.13, 5.1.14, 5.14,
 * 5.15), where the advertised version has them and PSCI_FEATURES reports
 * them: MEM_PROTECT answers the state it replaces through a sequence that
 * turns protection on and off; with protection on, a page of the image's own
 * RAM is protected, and an empty range, a range that wraps and a range with
 * no memory are DENIED, in both widths. The state found is restored last:
 * memory protection decides what a reset does to RAM (5.14.1), and the image
 * leaves that as it was.
 */
#include <arm64/psci-call.h>
#include <arm64/setup.h>
#include <arm64/smccc.h>
#include <check-ids.h>
#include <devicetree.h>
#include <judges/mem_protect.h>
#include <judges/system.h>

#define PAGE 0x1000UL
#define SMC32_ARG_MAX 0xffffffffUL
#define MEMORY_REGIONS_MAX 8

static u32 version;

static u64 mem_protect(u32 enable)
{
	return smccc_call(PSCI_FN(PSCI_NR_MEM_PROTECT), enable, 0, 0);
}

/* Off, on, on, off, off: each answer is the state before; then the first state again. */
static u32 check_previous_state(void)
{
	static const u32 enables[] = { 0, 1, 1, 0, 0 };
	struct mem_protect_step steps[MEM_PROTECT_STEPS_MAX];
	struct verdict v;
	int n = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(enables); i++, n++)
		steps[n] = (struct mem_protect_step){ enables[i], mem_protect(enables[i]) };
	judge_mem_protect_previous(steps, n, &v);
	report_verdict("mem_protect.previous_state", REF_MEM_PROTECT_PREVIOUS, &v);
	return (u32)steps[0].x0 == 1;
}

/* The end of the highest memory region of the DT, where no memory is; 0 if none can be named. */
static u64 past_memory(void)
{
	struct dt_reg regions[MEMORY_REGIONS_MAX];
	int n = dt_memory(regions, MEMORY_REGIONS_MAX);
	u64 end = 0;

	for (int i = 0; i < MIN(n, MEMORY_REGIONS_MAX); i++)
		end = MAX(end, regions[i].addr + regions[i].size);
	return end && end + PAGE > end ? end : 0;
}

static void check_range(u32 id, const char *prefix, const char *ref, struct mem_check c,
			void (*judge)(const struct mem_check *c, struct verdict *v))
{
	char check[CHECK_ID_SIZE];
	struct verdict v;

	c.id = id;
	c.version = version;
	c.x0 = smccc_call(id, c.base, c.length, 0);
	judge(&c, &v);
	report_verdict(psci_check_id(prefix, id, check, sizeof(check)), ref, &v);
}

/* The range checks of form ID, skipped for WHY. */
static void skip_width(u32 id, const char *why)
{
	static const char *const prefixes[] = {
		"mem_protect_check_range.own_ram", "mem_protect_check_range.empty",
		"mem_protect_check_range.no_memory",
	};
	char check[CHECK_ID_SIZE];

	for (unsigned int i = 0; i < ARRAY_SIZE(prefixes); i++)
		report_skip(psci_check_id(prefixes[i], id, check, sizeof(check)),
			    i ? REF_MEM_CHECK_DENIED : REF_MEM_CHECK_RAM, "%s", why);
	if (PSCI_FN_IS_SMC64(id))
		report_skip(psci_check_id("mem_protect_check_range.wraps", id, check, sizeof(check)),
			    REF_MEM_CHECK_DENIED, "%s", why);
}

/* With protection on (5.15.2 judges ranges against it). */
static void check_ranges(u32 id)
{
	u64 own = boot.image_start & ~(PAGE - 1), past = past_memory();
	char check[CHECK_ID_SIZE];

	if (!PSCI_FN_IS_SMC64(id) && own > SMC32_ARG_MAX - PAGE) {
		skip_width(id, "the image's RAM is above 4 GiB, out of reach of SMC32");
		return;
	}
	check_range(id, "mem_protect_check_range.own_ram", REF_MEM_CHECK_RAM,
		    (struct mem_check){ .what = "a page of the image's own RAM", .base = own, .length = PAGE },
		    judge_mem_check_protected);
	check_range(id, "mem_protect_check_range.empty", REF_MEM_CHECK_DENIED,
		    (struct mem_check){ .what = "length 0", .base = own, .length = 0 }, judge_mem_check_denied);
	if (PSCI_FN_IS_SMC64(id))
		check_range(id, "mem_protect_check_range.wraps", REF_MEM_CHECK_DENIED,
			    (struct mem_check){ .what = "a range past the top of the address space", .base = own,
						.length = ~0UL - own + 1 + PAGE },
			    judge_mem_check_denied);
	psci_check_id("mem_protect_check_range.no_memory", id, check, sizeof(check));
	if (!past || (!PSCI_FN_IS_SMC64(id) && past > SMC32_ARG_MAX - PAGE))
		report_skip(check, REF_MEM_CHECK_DENIED, "no address past the DT's memory that this width can pass");
	else
		check_range(id, "mem_protect_check_range.no_memory", REF_MEM_CHECK_DENIED,
			    (struct mem_check){ .what = "the page past the DT's last memory", .base = past, .length = PAGE },
			    judge_mem_check_denied);
}

/* Why the checks cannot run (a SKIP of each), or NULL. */
static const char *cannot_run(struct verdict *v)
{
	for (unsigned int nr = PSCI_NR_MEM_PROTECT; nr <= PSCI_NR_MEM_PROTECT_CHECK_RANGE; nr++)
		if (!psci_callable(&psci_functions[nr], version, psci_features_at(version, PSCI_FN(nr)), v))
			return v->why;
	return NULL;
}

static void skip_all(const char *why)
{
	report_skip("mem_protect.previous_state", REF_MEM_PROTECT_PREVIOUS, "%s", why);
	skip_width(PSCI_FN(PSCI_NR_MEM_PROTECT_CHECK_RANGE), why);
	skip_width(PSCI_FN64(PSCI_NR_MEM_PROTECT_CHECK_RANGE), why);
}

int main(int argc, char **argv)
{
	struct verdict v;
	const char *why;
	u32 found;

	(void)argc;
	(void)argv;
	version = (u32)psci_version();
	why = cannot_run(&v);
	if (why) {
		skip_all(why);
		return 0;
	}
	found = check_previous_state();
	mem_protect(1);
	check_ranges(PSCI_FN(PSCI_NR_MEM_PROTECT_CHECK_RANGE));
	check_ranges(PSCI_FN64(PSCI_NR_MEM_PROTECT_CHECK_RANGE));
	mem_protect(found);
	return 0;
}
