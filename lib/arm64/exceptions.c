#include <arm64/exceptions.h>
#include <arm64/gic.h>
#include <arm64/processor.h>
#include <arm64/smp.h>
#include <console.h>
#include <report.h>

/* Slot numbers within the vector table (DDI0487 D1.10.2). */
#define SLOT_CURRENT_SPX_SYNC	4
#define SLOT_CURRENT_SPX_IRQ	5
#define SLOT_LOWER_A64_SYNC	8
#define MAX_INTID		1020

static irq_handler_fn irq_handlers[MAX_INTID];
static struct expected_exception *expected[NR_CPUS];
static lower_el_sync_fn lower_el_sync;

void irq_set_handler(u32 intid, irq_handler_fn fn)
{
	assert(intid < MAX_INTID);
	irq_handlers[intid] = fn;
}

void set_lower_el_sync_handler(lower_el_sync_fn fn)
{
	lower_el_sync = fn;
}

void expect_exception(struct expected_exception *e)
{
	if (e)
		e->taken = false;
	expected[smp_processor_id()] = e;
}

const char *exception_class_name(u32 ec)
{
	switch (ec) {
	case 0x00: return "unknown reason";
	case 0x01: return "WFI/WFE trapped";
	case 0x07: return "FP/SIMD access trapped";
	case 0x0e: return "illegal execution state";
	case 0x15: return "SVC";
	case 0x16: return "HVC";
	case 0x17: return "SMC";
	case 0x18: return "system register trapped";
	case 0x20: return "instruction abort, lower EL";
	case 0x21: return "instruction abort, same EL";
	case 0x22: return "PC alignment fault";
	case 0x24: return "data abort, lower EL";
	case 0x25: return "data abort, same EL";
	case 0x26: return "SP alignment fault";
	case 0x2f: return "SError";
	case 0x3c: return "BRK";
	default: return "other";
	}
}

static void dump_frame(const struct exception_frame *f)
{
	for (int i = 0; i < 31; i += 2) {
		if (i == 30)
			printf("  x30 %016lx  sp  %016lx\n", f->x[30], f->sp);
		else
			printf("  x%-2d %016lx  x%-2d %016lx\n", i, f->x[i], i + 1, f->x[i + 1]);
	}
	printf("  elr %016lx  spsr %016lx\n", f->elr, f->spsr);
}

static void __noreturn unexpected(const struct exception_frame *f, u64 slot)
{
	u32 ec = ESR_EC(f->esr);

	console_abandon_lock();
	report_fail_running("unexpected exception on CPU %d at EL%u: vector slot %lu, EC 0x%x (%s), ESR 0x%lx, FAR 0x%lx, ELR 0x%lx",
			    smp_processor_id(), current_el(), slot, ec, exception_class_name(ec),
			    f->esr, f->far, f->elr);
	dump_frame(f);
	exit(1);
}

static void handle_irq(void)
{
	u32 intid = gic_ack();

	if (intid >= GIC_SPURIOUS_FIRST)
		return;
	if (intid < MAX_INTID && irq_handlers[intid])
		irq_handlers[intid](intid);
	else
		printf("unhandled interrupt %u on CPU %d\n", intid, smp_processor_id());
	gic_eoi(intid);
}

static bool recover_expected(struct exception_frame *f)
{
	struct expected_exception *e = expected[smp_processor_id()];

	if (!e || e->taken || ESR_EC(f->esr) != e->ec)
		return false;
	e->taken = true;
	e->esr = f->esr;
	e->far = f->far;
	e->elr = f->elr;
	f->elr += 4;
	return true;
}

void handle_exception(struct exception_frame *f, u64 slot)
{
	if (slot == SLOT_CURRENT_SPX_IRQ)
		handle_irq();
	else if (slot == SLOT_LOWER_A64_SYNC && lower_el_sync && lower_el_sync(f))
		return;
	else if (slot != SLOT_CURRENT_SPX_SYNC || !recover_expected(f))
		unexpected(f, slot);
}
