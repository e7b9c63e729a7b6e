#include <libc/string.h>
#include <strlist.h>

bool strlist_has(const char *list, int len, const char *s)
{
	int n = strlen(s) + 1;

	while (len >= n) {
		int skip = strnlen(list, len) + 1;

		if (!memcmp(list, s, n))
			return true;
		list += skip;
		len -= skip;
	}
	return false;
}
