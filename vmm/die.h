/* Fatal errors: one line on stderr, exit status 1. */
#ifndef VMM_DIE_H
#define VMM_DIE_H

#define VMM_EXIT_ERROR	1

__attribute__((noreturn, format(printf, 1, 2)))
void die(const char *fmt, ...);
/* Like die(), with ": " and strerror(errno) appended. */
__attribute__((noreturn, format(printf, 1, 2)))
void die_errno(const char *fmt, ...);

#endif
