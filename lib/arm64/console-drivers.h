/* The console drivers of the arm64 runtime, in the order setup() tries them. */
#ifndef ARM64_CONSOLE_DRIVERS_H
#define ARM64_CONSOLE_DRIVERS_H

#include <console.h>

extern const struct console_driver xen_console;
extern const struct console_driver pl011_console;
extern const struct console_driver uart16550_console;

/* Serial consoles get "\r\n" for each "\n", as terminals expect. */
static inline void uart_write_crlf(const char *s, size_t n, void (*putc)(char))
{
	for (; n; n--, s++) {
		if (*s == '\n')
			putc('\r');
		putc(*s);
	}
}

#endif
