/* Runs every registered judge test; the last line is "judges: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

#define MAX_TESTS 1024

static struct {
	const char *name;
	void (*fn)(void);
} tests[MAX_TESTS];
static int count;
static int current_failures;

void harness_register(const char *name, void (*fn)(void))
{
	if (count == MAX_TESTS) {
		fprintf(stderr, "harness: more than %d judge tests\n", MAX_TESTS);
		abort();
	}
	tests[count].name = name;
	tests[count++].fn = fn;
}

void harness_fail(const char *file, int line, const char *what, const struct verdict *v)
{
	static const char *const names[] = { "PASS", "FAIL", "SKIP", "INFO" };

	printf("  %s:%d: expected %s, got %s: %s\n", file, line, what, names[v->status], v->why);
	current_failures++;
}

int main(void)
{
	int passed = 0, failed = 0;

	for (int i = 0; i < count; i++) {
		current_failures = 0;
		tests[i].fn();
		if (current_failures) {
			printf("FAIL %s\n", tests[i].name);
			failed++;
		} else {
			passed++;
		}
	}
	printf("judges: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
