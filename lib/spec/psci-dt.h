/*
 * PSCI in a device tree (the DT binding arm/psci.yaml): the compatible
 * strings by version, and the idle-state property a CPU_SUSPEND power_state
 * comes from. Plain string constants, so that the hosted VMM can read them
 * too.
 */
#ifndef SPEC_PSCI_DT_H
#define SPEC_PSCI_DT_H

/* A PSCI 1.x node lists this first (the binding names no 1.1 and later)... */
#define PSCI_DT_COMPATIBLE_1_0	"arm,psci-1.0"
/* ...and this after it; a 0.2 node lists this alone. */
#define PSCI_DT_COMPATIBLE_0_2	"arm,psci-0.2"
/* The compatible list of a node for PSCI 1.x, and for 0.2, as DT string lists. */
#define PSCI_DT_COMPATIBLES_1_X	PSCI_DT_COMPATIBLE_1_0 "\0" PSCI_DT_COMPATIBLE_0_2
#define PSCI_DT_COMPATIBLES_0_2	PSCI_DT_COMPATIBLE_0_2
/* An idle state's power_state (domain-idle-states, cpu-idle-states). */
#define PSCI_DT_SUSPEND_PARAM	"arm,psci-suspend-param"

#endif
