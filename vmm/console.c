#include "console.h"
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char line[4096];
static size_t used;
/* Whether the last byte written to stdout ended a line. */
static bool at_line_start = true;

static void write_all(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0 && errno == EINTR)	/* a vCPU thread's kick */
			continue;
		if (w <= 0)
			return;	/* nobody reads the console any more: nothing to tell */
		p += w;
		n -= w;
	}
}

static void flush_locked(void)
{
	if (!used)
		return;
	write_all(line, used);
	at_line_start = line[used - 1] == '\n';
	used = 0;
}

/* One write(2) per line; a partial line goes out before the VMM's next note or at exit. */
void console_put(char c)
{
	pthread_mutex_lock(&lock);
	line[used++] = c;
	if (c == '\n' || used == sizeof(line))
		flush_locked();
	pthread_mutex_unlock(&lock);
}

void console_flush(void)
{
	pthread_mutex_lock(&lock);
	flush_locked();
	pthread_mutex_unlock(&lock);
}

/* Writes PREFIX and FMT as a line of its own, after what the guest sent. */
static void write_line(const char *prefix, const char *fmt, va_list ap)
{
	char line[512];
	int n = 0;

	pthread_mutex_lock(&lock);
	flush_locked();
	if (!at_line_start)
		line[n++] = '\n';
	n += snprintf(line + n, sizeof(line) - n - 1, "%s", prefix);
	n += vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	write_all(line, n);
	at_line_start = true;
	pthread_mutex_unlock(&lock);
}

void console_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	write_line("VMM: ", fmt, ap);
	va_end(ap);
}

void console_power(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	write_line("POWER: ", fmt, ap);
	va_end(ap);
}
