/*
 * The environment header Debian's <libfdt.h> includes. Written for this
 * freestanding runtime so that no host C library header is pulled in; the
 * definitions follow the flattened device tree format (big-endian cells).
 */
#ifndef LIBFDT_ENV_H
#define LIBFDT_ENV_H

#include <base.h>
#include <libc/string.h>

typedef u16 fdt16_t;
typedef u32 fdt32_t;
typedef u64 fdt64_t;

static inline u16 fdt16_to_cpu(fdt16_t x) { return __builtin_bswap16(x); }
static inline u32 fdt32_to_cpu(fdt32_t x) { return __builtin_bswap32(x); }
static inline u64 fdt64_to_cpu(fdt64_t x) { return __builtin_bswap64(x); }
static inline fdt16_t cpu_to_fdt16(u16 x) { return __builtin_bswap16(x); }
static inline fdt32_t cpu_to_fdt32(u32 x) { return __builtin_bswap32(x); }
static inline fdt64_t cpu_to_fdt64(u64 x) { return __builtin_bswap64(x); }

#endif
