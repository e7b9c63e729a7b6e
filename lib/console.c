#include <arm64/spinlock.h>
#include <console.h>

static const struct console_driver *active;
static struct spinlock console_lock;
static bool lock_abandoned;

const char *console_init(const void *fdt, const struct console_driver *const *drivers)
{
	for (; *drivers; drivers++) {
		if ((*drivers)->probe(fdt)) {
			active = *drivers;
			return active->name;
		}
	}
	return NULL;
}

/* One lock around the whole write keeps each printf() line intact across CPUs. */
void console_write(const char *s, size_t n)
{
	if (!active)
		return;
	if (READ_ONCE(lock_abandoned)) {
		active->write(s, n);
		return;
	}
	spin_lock(&console_lock);
	active->write(s, n);
	spin_unlock(&console_lock);
}

/*
 * The fatal-exception path may have interrupted a CPU inside console_write();
 * from then on the image only prints its last words and powers off.
 */
void console_abandon_lock(void)
{
	WRITE_ONCE(lock_abandoned, true);
}
