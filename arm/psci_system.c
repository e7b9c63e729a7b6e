/*
 * SYSTEM_OFF, SYSTEM_RESET, SYSTEM_RESET2 and SYSTEM_OFF2 (DEN0022F.b
 * 5.1.9-5.1.12, 5.10-5.13).
 *
 * Every run first makes the calls that must come back: SYSTEM_RESET2 with
 * reserved architectural reset_types, SYSTEM_OFF2 with a non-zero cookie and
 * with reserved types, in both widths, where the advertised version and
 * PSCI_FEATURES say the function is there. Then test_args action= names at
 * most one call that ends the boot:
 *   off            SYSTEM_OFF
 *   reset          SYSTEM_RESET
 *   reset2_warm    SYSTEM_RESET2(SYSTEM_WARM_RESET)
 *   off2           SYSTEM_OFF2(HIBERNATE_OFF)
 *   off2_type0     SYSTEM_OFF2(0x0), HIBERNATE_OFF by another name since issue F.b
 *   reset2_vendor  SYSTEM_RESET2 with the vendor reset_type vendor_type=
 *                  (default 0xffffffff): one the implementation lacks must fail
 *                  with a code other than NOT_SUPPORTED (5.13.5)
 * width=64 picks the SMC64 form of SYSTEM_RESET2 and SYSTEM_OFF2 for the action.
 *
 * An image cannot report once it is off: it prints "EXPECT: poweroff" (after
 * its END line) or "EXPECT: reset" right before the call, and the runner
 * judges the power-off, the next boot the reset. Before any call that could
 * reset the system it leaves a boot marker, so that the boot after a reset
 * knows which call caused it and reports that instead of starting over: a
 * PASS for a reset asked for, a FAIL for a call that had to return or power
 * off. A call that must return is announced with "EXPECT: return": a power-off
 * leaves no boot to tell, so the runner FAILs its check if the console ends
 * before the check's result line. The calls are made from the last CPU (5.10.2, 5.11.3: every core may
 * make them) while the boot CPU waits with a bound.
 */
#include <argv.h>
#include <arm64/boot-marker.h>
#include <arm64/psci-call.h>
#include <arm64/smccc.h>
#include <arm64/smp.h>
#include <judges/system.h>
#include <libc/string.h>
#include <spec/psci.h>

#define CHECK_SIZE		64
#define MAX_CALLS		16
/* Table 10: 0x1-0x7FFFFFFF are reserved architectural reset types. */
#define RESET2_RESERVED_FIRST	0x1u
#define RESET2_RESERVED_LAST	0x7fffffffu
/* Ignored for SYSTEM_WARM_RESET (5.13.2.1); distinctive, so that using it shows. */
#define WARM_RESET_COOKIE	0xc00c1e5eed5eed01ul
#define VENDOR_TYPE_DEFAULT	(RESET2_VENDOR | 0x7fffffffu)

enum kind {
	KIND_OFF, KIND_RESET, KIND_RESET2_WARM, KIND_OFF2, KIND_OFF2_TYPE0, KIND_RESET2_VENDOR,
	KIND_RESET2_RESERVED, KIND_OFF2_COOKIE, KIND_OFF2_TYPE, KIND_COUNT
};

/* A kind of call: its check, what the runner is told to expect, what a reset during it means. */
static const struct call_kind {
	const char *action;		/* its test_args action=, if it is one */
	const char *check;		/* the SMC64 form's check adds "64" */
	const char *ref;
	u32 nr;				/* PSCI_NR_* */
	u32 type;			/* W1, for an action */
	const char *expect;		/* "poweroff", "reset" or NULL: the call returns */
	enum reset_meaning on_reset;
} kinds[KIND_COUNT] = {
	[KIND_OFF] = { "off", "psci.system_off.powers_off", REF_SYSTEM_OFF, PSCI_NR_SYSTEM_OFF,
		       0, "poweroff", RESET_INSTEAD_OF_OFF },
	[KIND_RESET] = { "reset", "psci.system_reset.resets", REF_SYSTEM_RESET, PSCI_NR_SYSTEM_RESET,
			 0, "reset", RESET_WANTED },
	[KIND_RESET2_WARM] = { "reset2_warm", "psci.system_reset2.warm_reset", REF_RESET2_WARM,
			       PSCI_NR_SYSTEM_RESET2, RESET2_WARM_RESET, "reset", RESET_WANTED },
	[KIND_OFF2] = { "off2", "psci.system_off2.hibernate_off", REF_OFF2_HIBERNATE, PSCI_NR_SYSTEM_OFF2,
			OFF2_HIBERNATE_OFF, "poweroff", RESET_INSTEAD_OF_OFF },
	[KIND_OFF2_TYPE0] = { "off2_type0", "psci.system_off2.type0_alias", REF_OFF2_TYPE0, PSCI_NR_SYSTEM_OFF2,
			      OFF2_TYPE_DEFAULT, "poweroff", RESET_INSTEAD_OF_OFF },
	[KIND_RESET2_VENDOR] = { "reset2_vendor", "psci.system_reset2.vendor_type", REF_RESET2_VENDOR,
				 PSCI_NR_SYSTEM_RESET2, 0, NULL, RESET_VENDOR },
	[KIND_RESET2_RESERVED] = { NULL, "psci.system_reset2.reserved_type", REF_RESET2_RESERVED,
				   PSCI_NR_SYSTEM_RESET2, 0, NULL, RESET_INSTEAD_OF_ERROR },
	[KIND_OFF2_COOKIE] = { NULL, "psci.system_off2.nonzero_cookie", REF_OFF2_COOKIE, PSCI_NR_SYSTEM_OFF2,
			       0, NULL, RESET_INSTEAD_OF_ERROR },
	[KIND_OFF2_TYPE] = { NULL, "psci.system_off2.reserved_type", REF_OFF2_TYPE, PSCI_NR_SYSTEM_OFF2,
			     0, NULL, RESET_INSTEAD_OF_ERROR },
};

struct call_args {
	u32 type;
	u64 cookie;
};

static const struct call_args reset2_reserved[] = {
	{ RESET2_RESERVED_FIRST, 0 }, { RESET2_RESERVED_LAST, 0 },
};
/* The SMC64 cookie is a uint64 (5.1.10): its upper half alone makes it non-zero. */
static const struct call_args off2_cookie32[] = { { OFF2_HIBERNATE_OFF, 0x1 } };
static const struct call_args off2_cookie64[] = { { OFF2_HIBERNATE_OFF, 0x100000000ul } };
/* A reserved hibernate type, another in the top bit of the field, bit 31 with HIBERNATE_OFF. */
static const struct call_args off2_reserved[] = {
	{ 0x2, 0 }, { 0x40000000, 0 }, { 0x80000000u | OFF2_HIBERNATE_OFF, 0 },
};

static struct {
	int action;		/* a kind, or -1 for none */
	bool smc64;
	u32 vendor_type;
} opt = { -1, false, VENDOR_TYPE_DEFAULT };

static u32 version;
static int caller;
static bool caller_stuck;
/* Written by the calling CPU, possibly after the boot CPU stopped waiting: not on a stack. */
static struct system_call calls[MAX_CALLS];
static int nr_calls;

static int kind_by_action(const char *name)
{
	if (!strcmp(name, "none"))
		return -1;
	for (int k = 0; k < KIND_COUNT; k++)
		if (kinds[k].action && !strcmp(kinds[k].action, name))
			return k;
	panic("unknown action '%s': none, off, reset, reset2_warm, reset2_vendor, off2 or off2_type0", name);
}

static void parse_options(int argc, char **argv)
{
	const char *v;

	for (int i = 1; i < argc; i++) {
		if ((v = arg_value(argv[i], "action")))
			opt.action = kind_by_action(v);
		else if ((v = arg_value(argv[i], "width")) && (!strcmp(v, "32") || !strcmp(v, "64")))
			opt.smc64 = !strcmp(v, "64");
		else if ((v = arg_value(argv[i], "vendor_type")))
			opt.vendor_type = strtoul(v, NULL, 0);
		else
			printf("ignoring unknown argument '%s'\n", argv[i]);
	}
	if (!(opt.vendor_type & RESET2_VENDOR))
		panic("vendor_type 0x%x is architectural: a vendor reset_type has bit 31 set (5.13.3)", opt.vendor_type);
}

static const char *check_id(enum kind k, bool smc64, char *buf)
{
	snprintf(buf, CHECK_SIZE, "%s%s", kinds[k].check, smc64 ? "64" : "");
	return buf;
}

/* The last CPU, online; the boot CPU if it is alone or the last one does not come up. */
static int choose_caller(void)
{
	int cpu = nr_cpus() - 1;
	bool timed_out = false;
	s32 ret;

	if (cpu == smp_processor_id())
		return cpu;
	ret = smp_cpu_on(cpu, &timed_out);
	if (ret == PSCI_RET_SUCCESS && !timed_out)
		return cpu;
	printf("CPU %d did not come up (CPU_ON %d%s): the calls are made from the boot CPU\n", cpu, ret,
	       timed_out ? ", timed out" : "");
	return smp_processor_id();
}

static s32 features(u32 id)
{
	return psci_features_at(version, id);
}

/* Whether K's form can be called; if not, V says why. */
static bool callable(enum kind k, bool smc64, struct verdict *v)
{
	u32 id = smc64 ? PSCI_FN64(kinds[k].nr) : PSCI_FN(kinds[k].nr);

	if (caller_stuck) {
		verdict_set(v, CHECK_SKIP, "CPU %d never came back from an earlier call", caller);
		return false;
	}
	if (kinds[k].nr == PSCI_NR_SYSTEM_RESET2)
		return reset2_callable(version, features(id), v);
	if (kinds[k].nr == PSCI_NR_SYSTEM_OFF2)
		return off2_callable(version, features(id), v);
	return true;
}

static struct system_call *new_call(enum kind k, bool smc64, u32 type, u64 cookie)
{
	struct system_call *c;

	assert(nr_calls < MAX_CALLS);
	c = &calls[nr_calls++];
	*c = (struct system_call){
		.id = smc64 ? PSCI_FN64(kinds[k].nr) : PSCI_FN(kinds[k].nr),
		.version = version,
		.type = type,
		.cookie = smc64 ? cookie : (u32)cookie,
		.bound_us = SMP_WORK_TIMEOUT_US,
	};
	return c;
}

static void call_work(void *arg)
{
	struct system_call *c = arg;
	u64 x0 = smccc_call(c->id, c->type, c->cookie, 0);

	WRITE_ONCE(c->x0, x0);
	dmb(ish);
	WRITE_ONCE(c->returned, true);
}

/* Makes C on the calling CPU, with a marker naming it for the boot after a reset during it. */
static void make_call(enum kind k, struct system_call *c)
{
	struct boot_marker m = { .action = k, .fid = c->id, .arg1 = c->type, .arg2 = c->cookie };

	if (boot_marker_page())
		boot_marker_set(&m);
	on_cpu(caller, call_work, c);
	boot_marker_clear();
	dmb(ish);
	caller_stuck = !READ_ONCE(c->returned);
}

/* Calls that must return INVALID_PARAMETERS. */
static void probe(enum kind k, bool smc64, const struct call_args *args, int count)
{
	struct system_call *first = &calls[nr_calls];
	char check[CHECK_SIZE];
	struct verdict v;

	check_id(k, smc64, check);
	if (callable(k, smc64, &v)) {
		report_expect_return(check, kinds[k].ref, "each call must return; a reset or power-off here is its FAIL");
		for (int i = 0; i < count && !caller_stuck; i++)
			make_call(k, new_call(k, smc64, args[i].type, args[i].cookie));
		judge_invalid_calls(first, &calls[nr_calls] - first, &v);
	}
	report_verdict(check, kinds[k].ref, &v);
}

/* SYSTEM_OFF2 last: a wrong answer there powers off and ends the run. */
static void probe_invalid_calls(void)
{
	for (int smc64 = 0; smc64 <= 1; smc64++)
		probe(KIND_RESET2_RESERVED, smc64, reset2_reserved, ARRAY_SIZE(reset2_reserved));
	for (int smc64 = 0; smc64 <= 1; smc64++) {
		probe(KIND_OFF2_TYPE, smc64, off2_reserved, ARRAY_SIZE(off2_reserved));
		probe(KIND_OFF2_COOKIE, smc64, smc64 ? off2_cookie64 : off2_cookie32, 1);
	}
}

/* A reset asked for, or a vendor reset_type, is only known to the next boot through the marker. */
static bool action_possible(enum kind k, bool smc64, const char *check)
{
	struct verdict v;

	if (!callable(k, smc64, &v)) {
		report_verdict(check, kinds[k].ref, &v);
		return false;
	}
	if (kinds[k].on_reset != RESET_INSTEAD_OF_OFF && !boot_marker_page()) {
		report_skip(check, kinds[k].ref, "no RAM page above the image and the DTB for the boot marker: the boot after a reset could not tell");
		return false;
	}
	return true;
}

static void announce(enum kind k, const char *check, const struct system_call *c)
{
	const u64 args[] = { c->type, c->cookie };
	char text[96];

	if (kinds[k].expect) {
		report_expect_call(kinds[k].expect, check, kinds[k].ref, c->id, args, caller, cpu_mpidr(caller));
		return;
	}
	printf("%s: %s from CPU %d; a reset here means the implementation performs that vendor reset\n",
	       check, system_call_text(c, text, sizeof(text)), caller);
}

/*
 * A power-off ends the boot, so the END line comes first and the runner judges
 * from the EXPECT line on; a reset is judged by the next boot, which prints
 * the END. A call that comes back is a FAIL the image can report itself.
 */
static void run_action(enum kind k)
{
	bool smc64 = opt.smc64 && psci_functions[kinds[k].nr].smc64;
	u32 type = k == KIND_RESET2_VENDOR ? opt.vendor_type : kinds[k].type;
	char check[CHECK_SIZE];
	struct system_call *c;
	struct verdict v;

	check_id(k, smc64, check);
	if (!action_possible(k, smc64, check))
		return;
	c = new_call(k, smc64, type, k == KIND_RESET2_WARM ? WARM_RESET_COOKIE : 0);
	if (boot_marker_page())
		printf("boot marker at 0x%lx\n", boot_marker_page());
	if (kinds[k].on_reset == RESET_INSTEAD_OF_OFF)
		report_end(0);
	announce(k, check, c);
	make_call(k, c);
	if (k == KIND_RESET2_VENDOR)
		judge_reset2_vendor(c, &v);
	else
		judge_no_return(c, &v);
	report_verdict(check, kinds[k].ref, &v);
}

static void report_boot_after_reset(const struct boot_marker *m)
{
	struct system_call c = { .id = m->fid, .type = (u32)m->arg1, .cookie = m->arg2 };
	char check[CHECK_SIZE], text[96];
	struct verdict v;

	printf("boot %u: boot %u left a marker: the system reset during %s\n", boot_number(), m->boot,
	       system_call_text(&c, text, sizeof(text)));
	judge_boot_after_reset(kinds[m->action].on_reset, &c, m->boot, &v);
	report_verdict(check_id(m->action, PSCI_FN_IS_SMC64(m->fid), check), kinds[m->action].ref, &v);
}

int main(int argc, char **argv)
{
	struct boot_marker m;

	if (boot_marker_take(&m) && m.action < KIND_COUNT) {
		report_boot_after_reset(&m);
		return 0;
	}
	parse_options(argc, argv);
	version = (u32)smccc_call(PSCI_FN(PSCI_NR_PSCI_VERSION), 0, 0, 0);
	caller = choose_caller();
	probe_invalid_calls();
	if (opt.action >= 0)
		run_action(opt.action);
	return 0;
}
