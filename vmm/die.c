#include "die.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void __attribute__((noreturn)) vdie(const char *fmt, va_list ap, const char *cause)
{
	fputs("psci-vmm: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (cause)
		fprintf(stderr, ": %s", cause);
	fputc('\n', stderr);
	exit(VMM_EXIT_ERROR);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdie(fmt, ap, NULL);
}

void die_errno(const char *fmt, ...)
{
	const char *cause = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	vdie(fmt, ap, cause);
}
