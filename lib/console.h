/*
 * The console: the only channel from a test image to the runner. A driver is
 * chosen from the device tree at boot; until then output is dropped.
 */
#ifndef LIB_CONSOLE_H
#define LIB_CONSOLE_H

#include <base.h>

struct console_driver {
	const char *name;
	/* Returns true if the driver found its device and can write. */
	bool (*probe)(const void *fdt);
	void (*write)(const char *s, size_t n);
};

/* Picks the first driver whose probe succeeds, in the order given. */
const char *console_init(const void *fdt, const struct console_driver *const *drivers);
void console_write(const char *s, size_t n);
void console_abandon_lock(void);

#endif
