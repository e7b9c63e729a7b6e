#include <judges/judge.h>
#include <spec/psci.h>

void verdict_set(struct verdict *v, enum check_status status, const char *fmt, ...)
{
	va_list ap;

	v->status = status;
	va_start(ap, fmt);
	vsnprintf(v->why, sizeof(v->why), fmt, ap);
	va_end(ap);
}

bool verdict_expect(struct verdict *v, bool ok, const char *fmt, ...)
{
	va_list ap;

	v->status = ok ? CHECK_PASS : CHECK_FAIL;
	va_start(ap, fmt);
	vsnprintf(v->why, sizeof(v->why), fmt, ap);
	va_end(ap);
	return ok;
}

bool answered(u32 id, u32 version, u64 x0, s32 code)
{
	const struct psci_function *fn = psci_function_by_id(id);

	if (psci_result(id, x0) != code)
		return false;
	if (!fn || code >= 0 || code == PSCI_RET_NOT_SUPPORTED)
		return true;
	return psci_error_permitted(fn, MAX(version, fn->since), code);
}
