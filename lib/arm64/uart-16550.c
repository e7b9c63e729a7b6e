/* 8250/16550 UART transmit side (kvmtool's console), honouring reg-shift and reg-io-width. */
#include <libfdt.h>
#include <arm64/console-drivers.h>
#include <arm64/io.h>
#include <devicetree.h>

#define UART_THR 0
#define UART_LSR 5
#define UART_LSR_THRE BIT(5)

static u64 base;
static u32 shift;
static u32 io_width = 1;

static u32 prop_u32(const void *fdt, int node, const char *name, u32 dflt)
{
	const fdt32_t *v = fdt_getprop(fdt, node, name, NULL);

	return v ? fdt32_to_cpu(*v) : dflt;
}

static bool uart16550_probe(const void *fdt)
{
	static const char *const compat[] = { "ns16550a", "ns16550", "ns8250", NULL };
	struct dt_reg reg;
	int node = dt_find_uart(compat);

	if (node < 0 || !dt_reg(node, 0, &reg))
		return false;
	base = reg.addr;
	shift = prop_u32(fdt, node, "reg-shift", 0);
	io_width = prop_u32(fdt, node, "reg-io-width", 1);
	return true;
}

static u32 reg_read(int reg)
{
	u64 addr = base + ((u64)reg << shift);

	return io_width == 4 ? readl(addr) : readb(addr);
}

static void reg_write(int reg, u32 v)
{
	u64 addr = base + ((u64)reg << shift);

	if (io_width == 4)
		writel(v, addr);
	else
		writeb((u8)v, addr);
}

static void uart16550_putc(char c)
{
	for (int spins = 0; !(reg_read(UART_LSR) & UART_LSR_THRE) && spins < 1000000; spins++)
		cpu_relax();
	reg_write(UART_THR, (u8)c);
}

static void uart16550_write(const char *s, size_t n)
{
	uart_write_crlf(s, n, uart16550_putc);
}

const struct console_driver uart16550_console = {
	.name = "16550",
	.probe = uart16550_probe,
	.write = uart16550_write,
};
