/*
 * Ticket-free test-and-set spinlock and the atomics the runtime uses, on the
 * exclusive monitors (they need the MMU on: exclusives to Device memory fault).
 */
#ifndef ARM64_SPINLOCK_H
#define ARM64_SPINLOCK_H

#include <arm64/processor.h>

struct spinlock {
	u32 locked;
};

static inline void spin_lock(struct spinlock *lock)
{
	u32 tmp, one = 1;

	asm volatile("	sevl\n"
		     "1:	wfe\n"
		     "2:	ldaxr	%w0, %1\n"
		     "	cbnz	%w0, 1b\n"
		     "	stxr	%w0, %w2, %1\n"
		     "	cbnz	%w0, 2b\n"
		     : "=&r"(tmp), "+Q"(lock->locked)
		     : "r"(one)
		     : "memory");
}

static inline void spin_unlock(struct spinlock *lock)
{
	asm volatile("stlr wzr, %0" : "=Q"(lock->locked) : : "memory");
}

static inline u64 atomic_add_return(u64 *p, u64 v)
{
	u64 result;
	u32 fail;

	asm volatile("1:	ldaxr	%0, %2\n"
		     "	add	%0, %0, %3\n"
		     "	stlxr	%w1, %0, %2\n"
		     "	cbnz	%w1, 1b\n"
		     : "=&r"(result), "=&r"(fail), "+Q"(*p)
		     : "r"(v)
		     : "memory");
	return result;
}

#endif
