#include "fdt.h"
#include "die.h"
#include "layout.h"
#include <libfdt.h>
#include <stdbool.h>
#include <spec/psci-dt.h>
#include <spec/psci.h>
#include <stdio.h>

#define GIC_PHANDLE		1
#define GIC_PPI			1
#define IRQ_LEVEL_HIGH		4
/* GICv2 binding: a PPI's flags name the CPUs it is wired to, bits [15:8]. */
#define GICV2_PPI_CPUS(n)	((((1u << (n)) - 1) & 0xff) << 8)
#define UART_CLOCK_HZ		1843200

/* Every libfdt error here means the buffer is too small or the VMM is wrong. */
static void check(int err, const char *what)
{
	if (err < 0)
		die("device tree: %s: %s", what, fdt_strerror(err));
}

static void prop_u64s(void *fdt, const char *name, const uint64_t *v, int n)
{
	fdt64_t cells[8];

	for (int i = 0; i < n; i++)
		cells[i] = cpu_to_fdt64(v[i]);
	check(fdt_property(fdt, name, cells, n * sizeof(cells[0])), name);
}

static void prop_u32s(void *fdt, const char *name, const uint32_t *v, int n)
{
	fdt32_t cells[16];

	for (int i = 0; i < n; i++)
		cells[i] = cpu_to_fdt32(v[i]);
	check(fdt_property(fdt, name, cells, n * sizeof(cells[0])), name);
}

static void begin_node(void *fdt, const char *fmt, uint64_t unit)
{
	char name[64];

	snprintf(name, sizeof(name), fmt, (unsigned long long)unit);
	check(fdt_begin_node(fdt, name), name);
}

static void end_node(void *fdt)
{
	check(fdt_end_node(fdt), "end of node");
}

static void add_cpus(void *fdt, const struct fdt_config *cfg)
{
	check(fdt_begin_node(fdt, "cpus"), "cpus");
	check(fdt_property_u32(fdt, "#address-cells", 2), "cpus");
	check(fdt_property_u32(fdt, "#size-cells", 0), "cpus");
	for (int i = 0; i < cfg->nr_cpus; i++) {
		begin_node(fdt, "cpu@%llx", cfg->mpidrs[i]);
		check(fdt_property_string(fdt, "device_type", "cpu"), "cpu");
		check(fdt_property_string(fdt, "compatible", "arm,arm-v8"), "cpu");
		prop_u64s(fdt, "reg", &cfg->mpidrs[i], 1);
		check(fdt_property_string(fdt, "enable-method", "psci"), "cpu");
		end_node(fdt);
	}
	end_node(fdt);
}

/* The psci binding's compatibles for the version KVM offers (spec/psci-dt.h). */
static void add_psci(void *fdt, const struct fdt_config *cfg)
{
	static const char v1[] = PSCI_DT_COMPATIBLES_1_X;
	static const char v02[] = PSCI_DT_COMPATIBLES_0_2;
	bool is_v1 = PSCI_VERSION_MAJOR(cfg->psci_version) >= 1;

	check(fdt_begin_node(fdt, "psci"), "psci");
	check(fdt_property(fdt, "compatible", is_v1 ? v1 : v02, is_v1 ? sizeof(v1) : sizeof(v02)), "psci");
	check(fdt_property_string(fdt, "method", "hvc"), "psci");
	end_node(fdt);
}

static void add_gic(void *fdt, const struct fdt_config *cfg)
{
	const uint64_t v3[] = { GICD_BASE, GICD_SIZE, GICR_BASE, GICR_SIZE_PER_CPU * cfg->nr_cpus };
	const uint64_t v2[] = { GICD_BASE, GICD_SIZE, GICC_BASE, GICC_SIZE };
	bool is_v3 = cfg->gic_version == 3;

	begin_node(fdt, "intc@%llx", GICD_BASE);
	check(fdt_property_string(fdt, "compatible", is_v3 ? "arm,gic-v3" : "arm,cortex-a15-gic"), "gic");
	check(fdt_property_u32(fdt, "#interrupt-cells", 3), "gic");
	check(fdt_property(fdt, "interrupt-controller", NULL, 0), "gic");
	prop_u64s(fdt, "reg", is_v3 ? v3 : v2, 4);
	check(fdt_property_u32(fdt, "phandle", GIC_PHANDLE), "gic");
	end_node(fdt);
}

static void add_timer(void *fdt, const struct fdt_config *cfg)
{
	uint32_t flags = IRQ_LEVEL_HIGH | (cfg->gic_version == 2 ? GICV2_PPI_CPUS(cfg->nr_cpus) : 0);
	const uint32_t irqs[] = {
		GIC_PPI, PPI_SEC_PHYS, flags, GIC_PPI, PPI_PHYS, flags,
		GIC_PPI, PPI_VIRT, flags, GIC_PPI, PPI_HYP, flags,
	};

	check(fdt_begin_node(fdt, "timer"), "timer");
	check(fdt_property_string(fdt, "compatible", "arm,armv8-timer"), "timer");
	prop_u32s(fdt, "interrupts", irqs, 12);
	check(fdt_property(fdt, "always-on", NULL, 0), "timer");
	end_node(fdt);
}

static void add_uart(void *fdt, const char *path)
{
	const uint64_t reg[] = { UART_BASE, UART_SIZE };

	check(fdt_begin_node(fdt, path + 1), "uart");
	check(fdt_property_string(fdt, "compatible", "ns16550a"), "uart");
	prop_u64s(fdt, "reg", reg, 2);
	check(fdt_property_u32(fdt, "clock-frequency", UART_CLOCK_HZ), "uart");
	end_node(fdt);
}

static void add_memory(void *fdt, const struct fdt_config *cfg)
{
	const uint64_t reg[] = { cfg->ram_base, cfg->ram_size };

	begin_node(fdt, "memory@%llx", cfg->ram_base);
	check(fdt_property_string(fdt, "device_type", "memory"), "memory");
	prop_u64s(fdt, "reg", reg, 2);
	end_node(fdt);
}

static void add_chosen(void *fdt, const struct fdt_config *cfg, const char *uart_path)
{
	check(fdt_begin_node(fdt, "chosen"), "chosen");
	check(fdt_property_string(fdt, "bootargs", cfg->bootargs), "chosen");
	check(fdt_property_string(fdt, "stdout-path", uart_path), "chosen");
	end_node(fdt);
}

size_t fdt_build(void *buf, size_t size, const struct fdt_config *cfg)
{
	char uart_path[32];

	snprintf(uart_path, sizeof(uart_path), "/uart@%llx", (unsigned long long)UART_BASE);
	check(fdt_create(buf, size), "create");
	check(fdt_finish_reservemap(buf), "reservemap");
	check(fdt_begin_node(buf, ""), "root");
	check(fdt_property_string(buf, "compatible", "linux,dummy-virt"), "root");
	check(fdt_property_u32(buf, "#address-cells", 2), "root");
	check(fdt_property_u32(buf, "#size-cells", 2), "root");
	check(fdt_property_u32(buf, "interrupt-parent", GIC_PHANDLE), "root");
	add_chosen(buf, cfg, uart_path);
	add_memory(buf, cfg);
	add_cpus(buf, cfg);
	add_psci(buf, cfg);
	add_gic(buf, cfg);
	add_timer(buf, cfg);
	add_uart(buf, uart_path);
	end_node(buf);
	check(fdt_finish(buf), "finish");
	return fdt_totalsize(buf);
}
