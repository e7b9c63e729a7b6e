/*
 * Built once at boot into the monitor's own memory, from QEMU's DT, which the
 * monitor does not read again: QEMU's DT is RAM the guest may reuse.
 */
#include <libfdt.h>
#include <arm64/processor.h>
#include <libc/string.h>
#include <spec/psci-dt.h>
#include <spec/psci.h>
#include "guest-dt.h"
#include "options.h"
#include "params.h"
#include "suspend.h"

#define GUEST_DT_SIZE 0x10000

static u8 dt[GUEST_DT_SIZE] __aligned(8);

static int first_module(const void *fdt, int chosen)
{
	int node;

	fdt_for_each_subnode(node, fdt, chosen)
		if (!fdt_node_check_compatible(fdt, node, "multiboot,module"))
			return node;
	return -FDT_ERR_NOTFOUND;
}

static u64 read_cells(const fdt32_t *cells, int n)
{
	u64 v = 0;

	while (n--)
		v = v << 32 | fdt32_to_cpu(*cells++);
	return v;
}

/* /chosen's #address-cells and #size-cells if it has them, else the root's (as QEMU writes the reg). */
static void module_cells(const void *fdt, int chosen, int *ac, int *sc)
{
	int parent = fdt_getprop(fdt, chosen, "#address-cells", NULL) ? chosen : 0;

	*ac = fdt_address_cells(fdt, parent);
	*sc = fdt_size_cells(fdt, parent);
}

bool guest_module_find(const void *fdt, struct guest_module *m)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), node, len, ac, sc;
	const fdt32_t *reg;

	if (chosen < 0)
		return false;
	fdt_for_each_subnode(node, fdt, chosen) {
		if (fdt_node_check_compatible(fdt, node, "multiboot,kernel"))
			continue;
		module_cells(fdt, chosen, &ac, &sc);
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || ac < 1 || sc < 1 || len < (ac + sc) * 4)
			return false;
		m->addr = read_cells(reg, ac);
		m->size = read_cells(reg + ac, sc);
		m->bootargs = fdt_getprop(fdt, node, "bootargs", NULL);
		return true;
	}
	return false;
}

/* The binding's compatibles for the version emulated (spec/psci-dt.h); no PSCI 0.1 function IDs. */
static int set_psci(void *fdt)
{
	static const char v1[] = PSCI_DT_COMPATIBLES_1_X, v02[] = PSCI_DT_COMPATIBLES_0_2;
	static const char *const ids_01[] = { "cpu_suspend", "cpu_off", "cpu_on", "migrate" };
	int node = fdt_path_offset(fdt, "/psci"), err;

	if (node < 0)
		return node;
	if (PSCI_VERSION_MAJOR(monitor.version) >= 1)
		err = fdt_setprop(fdt, node, "compatible", v1, sizeof(v1));
	else
		err = fdt_setprop(fdt, node, "compatible", v02, sizeof(v02));
	if (!err)
		err = fdt_setprop_string(fdt, node, "method", "hvc");
	for (unsigned int i = 0; i < ARRAY_SIZE(ids_01) && !err; i++)
		if (fdt_getprop(fdt, node, ids_01[i], NULL))
			err = fdt_delprop(fdt, node, ids_01[i]);
	return err;
}

/* The modules were the monitor's to take; the guest's command line is its module's. */
static int set_chosen(void *fdt, const struct guest_module *m)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), node, err = 0;

	while (chosen >= 0 && !err && (node = first_module(fdt, chosen)) >= 0) {
		err = fdt_del_node(fdt, node);
		chosen = fdt_path_offset(fdt, "/chosen");
	}
	if (chosen < 0 || err)
		return chosen < 0 ? chosen : err;
	if (m->bootargs)
		return fdt_setprop_string(fdt, chosen, "bootargs", m->bootargs);
	return fdt_getprop(fdt, chosen, "bootargs", NULL) ? fdt_delprop(fdt, chosen, "bootargs") : 0;
}

static int add_idle_state(void *fdt, int parent, const struct idle_state *s, u32 *phandle)
{
	int node = fdt_add_subnode(fdt, parent, s->name), err;

	if (node < 0)
		return node;
	err = fdt_setprop_string(fdt, node, "compatible", "arm,idle-state");
	if (!err)
		err = fdt_setprop_u32(fdt, node, PSCI_DT_SUSPEND_PARAM, s->power_state);
	if (!err)
		err = fdt_setprop_u32(fdt, node, "entry-latency-us", s->entry_latency_us);
	if (!err)
		err = fdt_setprop_u32(fdt, node, "exit-latency-us", s->exit_latency_us);
	if (!err)
		err = fdt_setprop_u32(fdt, node, "min-residency-us", s->min_residency_us);
	if (!err)
		err = fdt_generate_phandle(fdt, phandle);
	return err ? err : fdt_setprop_u32(fdt, node, "phandle", *phandle);
}

/* idle-states binding: /cpus/idle-states, and each CPU's cpu-idle-states naming them. */
static int add_idle_states(void *fdt)
{
	fdt32_t phandles[IDLE_STATE_COUNT];
	int cpus = fdt_path_offset(fdt, "/cpus"), states, node, err;
	u32 phandle;

	if (cpus < 0)
		return cpus;
	states = fdt_add_subnode(fdt, cpus, "idle-states");
	if (states < 0)
		return states;
	err = fdt_setprop_string(fdt, states, "entry-method", "psci");
	for (unsigned int i = 0; i < IDLE_STATE_COUNT && !err; i++) {
		err = add_idle_state(fdt, states, &idle_states[i], &phandle);
		phandles[i] = cpu_to_fdt32(phandle);
	}
	cpus = fdt_path_offset(fdt, "/cpus");
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (!err && type && !strcmp(type, "cpu"))
			err = fdt_setprop(fdt, node, "cpu-idle-states", phandles, sizeof(phandles));
	}
	return err;
}

/*
 * QEMU's DT declares 1 MiB of which it uses a few KiB, and fdt_open_into()
 * copies a blob whole: only the blocks in use are copied, and opened in place.
 */
static int copy_blocks(const void *fdt)
{
	u64 used = MAX(fdt_off_dt_struct(fdt) + fdt_size_dt_struct(fdt),
		       fdt_off_dt_strings(fdt) + fdt_size_dt_strings(fdt));

	if (fdt_off_mem_rsvmap(fdt) > fdt_off_dt_struct(fdt) || used > fdt_totalsize(fdt))
		return -FDT_ERR_BADLAYOUT;
	if (used > sizeof(dt))
		return -FDT_ERR_NOSPACE;
	memcpy(dt, fdt, used);
	fdt_set_totalsize(dt, used);
	return fdt_open_into(dt, dt, sizeof(dt));
}

const char *guest_dt_build(const void *fdt, const struct guest_module *m)
{
	int err = copy_blocks(fdt);

	if (!err)
		err = set_psci(dt);
	if (!err)
		err = set_chosen(dt, m);
	if (!err)
		err = fdt_add_mem_rsv(dt, monitor_image_start(), monitor_image_size());
	if (!err)
		err = add_idle_states(dt);
	if (!err)
		err = fdt_pack(dt);
	if (err)
		return fdt_strerror(err);
	dcache_clean_poc(dt, fdt_totalsize(dt));
	return NULL;
}

const void *guest_dt(void)
{
	return dt;
}
