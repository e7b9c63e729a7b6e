#ifndef LIB_STRLIST_H
#define LIB_STRLIST_H

#include <base.h>

/* Does the NUL-separated string list LIST (LEN bytes, as DT stringlists are) hold S? */
bool strlist_has(const char *list, int len, const char *s);

#endif
