/* What the runtime and the checks read from the device tree, through libfdt. */
#ifndef LIB_DEVICETREE_H
#define LIB_DEVICETREE_H

#include <base.h>

struct dt_reg {
	u64 addr;
	u64 size;
};

/* The /psci node (devicetree binding arm/psci.yaml). */
struct dt_psci {
	bool present;
	const char *compatible;		/* NUL-separated list */
	int compatible_len;
	const char *method;		/* "hvc" or "smc" */
	/* PSCI 0.1 function IDs: properties cpu_suspend, cpu_off, cpu_on, migrate. */
	bool has_fn[4];
	u32 fn[4];
};

enum { DT_PSCI01_CPU_SUSPEND, DT_PSCI01_CPU_OFF, DT_PSCI01_CPU_ON, DT_PSCI01_MIGRATE };

/* Returns a libfdt error string, or NULL if the blob is a usable DT. */
const char *dt_init(const void *fdt);
const void *dt_fdt(void);

bool dt_reg(int node, int index, struct dt_reg *reg);
bool dt_is_compatible(int node, const char *compat);
/* First enabled node compatible with any string of the NULL-terminated list. */
int dt_find_compatible(const char *const *compat);
/* The interrupt number of cell triple INDEX of "interrupts" (GIC binding). */
bool dt_interrupt(int node, int index, u32 *type, u32 *number, u32 *flags);

int dt_memory(struct dt_reg *regions, int max);
/* MPIDRs of the /cpus nodes in DT order; the index is the runtime's CPU number. */
int dt_cpus(u64 *mpidrs, int max);
/* An idle state of the DT's idle-states binding that names a PSCI power_state. */
struct dt_idle_state {
	u32 power_state;	/* arm,psci-suspend-param */
	bool timer_stops;	/* local-timer-stop: the CPU's timer cannot wake it */
};

#define DT_IDLE_STATES_MAX 16

/* The arm,idle-state nodes with an arm,psci-suspend-param, in DT order; returns how many. */
int dt_idle_states(struct dt_idle_state *states, int max);
const char *dt_bootargs(void);
int dt_stdout_node(void);
/* The /chosen stdout-path node if it matches COMPAT, else the first match. */
int dt_find_uart(const char *const *compat);
void dt_psci(struct dt_psci *psci);
bool dt_hypervisor_is(const char *compat);

#endif
