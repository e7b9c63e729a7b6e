/*
 * The test's arguments. A loader that passes no command line (firmware
 * booting the image from flash as its BL33) cannot give them in the DT's
 * /chosen bootargs; the runner then writes them into a copy of the image,
 * NUL-terminated, right after the one copy of BOOT_ARGS_MAGIC in it.
 */
#include <boot-args.h>
#include <devicetree.h>

static const volatile struct {
	char magic[sizeof(BOOT_ARGS_MAGIC)];
	char text[BOOT_ARGS_SIZE];
} embedded = { BOOT_ARGS_MAGIC, "" };

const char *boot_args(void)
{
	static char text[BOOT_ARGS_SIZE];
	const char *dt = dt_bootargs();

	if (*dt)
		return dt;
	/* volatile: the compiler must not take the text for the empty string it starts as. */
	for (unsigned int i = 0; i + 1 < BOOT_ARGS_SIZE && embedded.text[i]; i++)
		text[i] = embedded.text[i];
	return text;
}
