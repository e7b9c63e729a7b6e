/* Arm PrimeCell UART (PL011) transmit side, as QEMU virt and most boards have. */
#include <arm64/console-drivers.h>
#include <arm64/io.h>
#include <devicetree.h>

#define UARTDR 0x00
#define UARTFR 0x18
#define UARTFR_TXFF BIT(5)

static u64 base;

static bool pl011_probe(const void *fdt)
{
	static const char *const compat[] = { "arm,pl011", NULL };
	struct dt_reg reg;
	int node;

	(void)fdt;
	node = dt_find_uart(compat);
	if (node < 0 || !dt_reg(node, 0, &reg))
		return false;
	base = reg.addr;
	return true;
}

static void pl011_putc(char c)
{
	/* Bounded: a wedged UART loses characters instead of hanging the test. */
	for (int spins = 0; (readl(base + UARTFR) & UARTFR_TXFF) && spins < 1000000; spins++)
		cpu_relax();
	writel((u8)c, base + UARTDR);
}

static void pl011_write(const char *s, size_t n)
{
	uart_write_crlf(s, n, pl011_putc);
}

const struct console_driver pl011_console = {
	.name = "pl011",
	.probe = pl011_probe,
	.write = pl011_write,
};
