/*
 * A small deterministic pseudo-random generator (SplitMix64): the seed alone
 * fixes the sequence, on every target and on the host, so a run that found
 * something can be replayed call for call.
 */
#ifndef FUZZ_PRNG_H
#define FUZZ_PRNG_H

#include <base.h>

struct prng {
	u64 state;
};

/* A well-spread 64-bit hash of X: nearby inputs give unrelated outputs. */
u64 prng_mix(u64 x);
void prng_seed(struct prng *p, u64 seed);
u64 prng_next(struct prng *p);
/* A value in [0, BOUND); BOUND must not be 0. */
u64 prng_below(struct prng *p, u64 bound);

#endif
