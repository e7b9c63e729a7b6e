#include <judges/judge.h>

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
