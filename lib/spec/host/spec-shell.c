/*
 * Prints the facts of lib/spec the scripts need, as bash assignments: make
 * writes them to build/spec.bash, which the runner sources, so that no script
 * keeps a copy of the spec.
 */
#include <stdio.h>
#include <spec/psci.h>

int main(void)
{
	char text[16];

	printf("# Written by make from lib/spec (build/host/spec-shell); do not edit.\n");
	printf("spec_psci_versions=(");
	for (unsigned int i = 0; i < psci_published_version_count; i++)
		printf("%s%s", i ? " " : "", psci_version_text(psci_published_versions[i], text, sizeof(text)));
	printf(")\n");
	return 0;
}
