/* The test's arguments: the DT's /chosen bootargs, else those written into the image (boot-args.c). */
#ifndef LIB_BOOT_ARGS_H
#define LIB_BOOT_ARGS_H

/* 15 characters and its NUL: the runner looks for these 16 bytes (scripts/targets/firmware.bash). */
#define BOOT_ARGS_MAGIC "psci-suite-args"
#define BOOT_ARGS_SIZE 512

const char *boot_args(void);

#endif
