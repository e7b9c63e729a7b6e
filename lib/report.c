#include <arm64/spinlock.h>
#include <libc/string.h>
#include <report.h>
#include <spec/psci.h>

static const char *const status_names[] = { "PASS", "FAIL", "SKIP", "INFO" };
static u64 counts[4];
static const char *running_id, *running_ref;

static void vreport(enum check_status status, const char *id, const char *ref,
		    const char *fmt, va_list ap)
{
	char detail[384];

	vsnprintf(detail, sizeof(detail), fmt, ap);
	atomic_add_return(&counts[status], 1);
	printf("%s: %s [%s] %s\n", status_names[status], id, ref, detail);
	if (running_id && !strcmp(running_id, id))
		running_id = NULL;
}

void report_result(enum check_status status, const char *id, const char *ref, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(status, id, ref, fmt, ap);
	va_end(ap);
}

bool report(bool ok, const char *id, const char *ref, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ok ? CHECK_PASS : CHECK_FAIL, id, ref, fmt, ap);
	va_end(ap);
	return ok;
}

void report_skip(const char *id, const char *ref, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(CHECK_SKIP, id, ref, fmt, ap);
	va_end(ap);
}

void report_info(const char *id, const char *ref, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(CHECK_INFO, id, ref, fmt, ap);
	va_end(ap);
}

void report_expect_call(const char *event, const char *id, const char *ref, u32 fid, const u64 *args,
			int cpu, u64 mpidr)
{
	const struct psci_function *fn = psci_function_by_id(fid);
	char fields[160];
	int n;

	assert(fn);
	n = snprintf(fields, sizeof(fields), "call=%s fid=0x%08x", fn->name, fid);
	for (unsigned int i = 0; psci_param_name(fn, i); i++)
		n += snprintf(fields + n, sizeof(fields) - n, " %s=0x%lx", psci_param_name(fn, i), args[i]);
	printf("EXPECT: %s %s [%s] %s cpu=%d mpidr=0x%lx\n", event, id, ref, fields, cpu, mpidr);
}

void report_expect_return(const char *id, const char *ref, const char *detail)
{
	printf("EXPECT: return %s [%s] %s\n", id, ref, detail);
}

void report_running(const char *id, const char *ref)
{
	running_ref = ref;
	running_id = id;
}

void report_fail_running(const char *fmt, ...)
{
	const char *id = running_id ? running_id : "runtime.outside_checks";
	const char *ref = running_id ? running_ref : "runtime";
	va_list ap;

	va_start(ap, fmt);
	vreport(CHECK_FAIL, id, ref, fmt, ap);
	va_end(ap);
}

void __noreturn panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report_fail_running("%s", msg);
	exit(1);
}

/* An image that checked nothing has not shown anything: that is a FAIL. */
static const char *end_status(int code)
{
	if (code || counts[CHECK_FAIL])
		return "FAIL";
	if (counts[CHECK_PASS] || counts[CHECK_INFO])
		return "PASS";
	return counts[CHECK_SKIP] ? "SKIP" : "FAIL";
}

void report_end(int code)
{
	printf("SUMMARY: pass=%lu fail=%lu skip=%lu info=%lu\n", counts[CHECK_PASS],
	       counts[CHECK_FAIL], counts[CHECK_SKIP], counts[CHECK_INFO]);
	printf("END: %s\n", end_status(code));
}
