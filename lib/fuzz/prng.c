#include <fuzz/prng.h>

#define PRNG_GOLDEN_GAMMA 0x9e3779b97f4a7c15UL

u64 prng_mix(u64 x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
	return x ^ (x >> 31);
}

void prng_seed(struct prng *p, u64 seed)
{
	p->state = seed;
}

u64 prng_next(struct prng *p)
{
	p->state += PRNG_GOLDEN_GAMMA;
	return prng_mix(p->state);
}

/* The modulo bias is below 2^-40 for the small bounds the suite uses. */
u64 prng_below(struct prng *p, u64 bound)
{
	return prng_next(p) % bound;
}
