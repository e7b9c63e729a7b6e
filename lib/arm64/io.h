/* MMIO accessors: single-copy-atomic accesses that the compiler never merges. */
#ifndef ARM64_IO_H
#define ARM64_IO_H

#include <arm64/processor.h>

static inline u8 readb(u64 addr) { return *(volatile u8 *)addr; }
static inline u32 readl(u64 addr) { return *(volatile u32 *)addr; }
static inline u64 readq(u64 addr) { return *(volatile u64 *)addr; }
static inline void writeb(u8 v, u64 addr) { *(volatile u8 *)addr = v; }
static inline void writel(u32 v, u64 addr) { *(volatile u32 *)addr = v; }
static inline void writeq(u64 v, u64 addr) { *(volatile u64 *)addr = v; }

#endif
