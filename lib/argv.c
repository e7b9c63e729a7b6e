#include <argv.h>
#include <libc/string.h>

int split_args(const char *name, const char *cmdline, char *buf, size_t size, char **argv)
{
	int argc = 0;
	char *p = buf;

	argv[argc++] = (char *)name;
	snprintf(buf, size, "%s", cmdline);
	while (*p && argc < MAX_ARGS) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
	}
	argv[argc] = NULL;
	return argc;
}

const char *arg_value(const char *arg, const char *key)
{
	size_t n = strlen(key);

	return !strncmp(arg, key, n) && arg[n] == '=' ? arg + n + 1 : NULL;
}

unsigned long arg_number(int argc, char **argv, const char *key, unsigned long default_value)
{
	for (int i = 1; i < argc; i++) {
		const char *v = arg_value(argv[i], key);

		if (v && strtoul(v, NULL, 0))
			return strtoul(v, NULL, 0);
		printf("ignoring argument '%s'\n", argv[i]);
	}
	return default_value;
}
