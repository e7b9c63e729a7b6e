#include <libfdt.h>
#include <devicetree.h>
#include <libc/string.h>
#include <spec/psci-dt.h>

static const void *fdt;

const char *dt_init(const void *blob)
{
	int err = fdt_check_header(blob);

	if (err)
		return fdt_strerror(err);
	fdt = blob;
	return NULL;
}

const void *dt_fdt(void)
{
	return fdt;
}

static u64 read_cells(const fdt32_t *cells, int n)
{
	u64 v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*cells++);
	return v;
}

bool dt_reg(int node, int index, struct dt_reg *reg)
{
	int parent = fdt_parent_offset(fdt, node);
	int ac = fdt_address_cells(fdt, parent);
	int sc = fdt_size_cells(fdt, parent);
	const fdt32_t *cells;
	int len;

	cells = fdt_getprop(fdt, node, "reg", &len);
	if (!cells || ac < 0 || sc < 0 || (index + 1) * (ac + sc) * 4 > len)
		return false;
	cells += index * (ac + sc);
	reg->addr = read_cells(cells, ac);
	reg->size = read_cells(cells + ac, sc);
	return true;
}

bool dt_is_compatible(int node, const char *compat)
{
	return fdt_node_check_compatible(fdt, node, compat) == 0;
}

static bool node_enabled(int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

int dt_find_compatible(const char *const *compat)
{
	int node;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL))
		for (const char *const *c = compat; *c; c++)
			if (dt_is_compatible(node, *c) && node_enabled(node))
				return node;
	return -1;
}

bool dt_interrupt(int node, int index, u32 *type, u32 *number, u32 *flags)
{
	const fdt32_t *cells;
	int len;

	cells = fdt_getprop(fdt, node, "interrupts", &len);
	if (!cells || (index + 1) * 12 > len)
		return false;
	cells += index * 3;
	*type = fdt32_to_cpu(cells[0]);
	*number = fdt32_to_cpu(cells[1]);
	*flags = fdt32_to_cpu(cells[2]);
	return true;
}

static bool has_device_type(int node, const char *type)
{
	const char *t = fdt_getprop(fdt, node, "device_type", NULL);

	return t && !strcmp(t, type);
}

int dt_memory(struct dt_reg *regions, int max)
{
	int node, n = 0;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		if (!has_device_type(node, "memory") || !node_enabled(node))
			continue;
		for (int i = 0; n < max && dt_reg(node, i, &regions[n]); i++)
			if (regions[n].size)
				n++;
	}
	return n;
}

int dt_cpus(u64 *mpidrs, int max)
{
	int cpus = fdt_path_offset(fdt, "/cpus");
	int node, n = 0;
	struct dt_reg reg;

	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(node, fdt, cpus) {
		if (!has_device_type(node, "cpu") || !node_enabled(node))
			continue;
		if (n < max && dt_reg(node, 0, &reg))
			mpidrs[n] = reg.addr;
		n++;
	}
	return n;
}

int dt_idle_states(struct dt_idle_state *states, int max)
{
	int node = -1, len, n = 0;

	while ((node = fdt_node_offset_by_compatible(fdt, node, "arm,idle-state")) >= 0) {
		const fdt32_t *param = fdt_getprop(fdt, node, PSCI_DT_SUSPEND_PARAM, &len);

		if (!param || len != sizeof(*param))
			continue;
		if (n < max)
			states[n] = (struct dt_idle_state){ fdt32_to_cpu(*param),
							    fdt_getprop(fdt, node, "local-timer-stop", NULL) != NULL };
		n++;
	}
	return n;
}

const char *dt_bootargs(void)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const char *args = chosen < 0 ? NULL : fdt_getprop(fdt, chosen, "bootargs", NULL);

	return args ? args : "";
}

/* stdout-path may carry ":options" after the path or alias (chosen binding). */
int dt_stdout_node(void)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const char *path, *colon;
	int len;

	path = chosen < 0 ? NULL : fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path)
		return -1;
	colon = memchr(path, ':', len);
	return fdt_path_offset_namelen(fdt, path, colon ? colon - path : (int)strlen(path));
}

int dt_find_uart(const char *const *compat)
{
	int node = dt_stdout_node();

	for (const char *const *c = compat; node >= 0 && *c; c++)
		if (dt_is_compatible(node, *c))
			return node;
	return dt_find_compatible(compat);
}

void dt_psci(struct dt_psci *psci)
{
	static const char *const fn_names[] = { "cpu_suspend", "cpu_off", "cpu_on", "migrate" };
	int node = fdt_path_offset(fdt, "/psci");
	const fdt32_t *cell;
	int len;

	memset(psci, 0, sizeof(*psci));
	if (node < 0)
		return;
	psci->present = true;
	psci->compatible = fdt_getprop(fdt, node, "compatible", &psci->compatible_len);
	psci->method = fdt_getprop(fdt, node, "method", NULL);
	for (unsigned i = 0; i < ARRAY_SIZE(fn_names); i++) {
		cell = fdt_getprop(fdt, node, fn_names[i], &len);
		if (cell && len == 4) {
			psci->has_fn[i] = true;
			psci->fn[i] = fdt32_to_cpu(*cell);
		}
	}
}

bool dt_hypervisor_is(const char *compat)
{
	int node = fdt_path_offset(fdt, "/hypervisor");

	return node >= 0 && dt_is_compatible(node, compat);
}
