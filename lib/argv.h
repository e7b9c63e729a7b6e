#ifndef LIB_ARGV_H
#define LIB_ARGV_H

#include <base.h>

#define MAX_ARGS 32

/* Splits the kernel command line at spaces into ARGV after ARGV[0] = NAME; returns argc. */
int split_args(const char *name, const char *cmdline, char *buf, size_t size, char **argv);

/* The value of ARG if it reads KEY=value, else NULL. */
const char *arg_value(const char *arg, const char *key);

/*
 * The positive number N of the first KEY=N in ARGV[1..], else DEFAULT_VALUE;
 * any other argument is reported as ignored.
 */
unsigned long arg_number(int argc, char **argv, const char *key, unsigned long default_value);

#endif
