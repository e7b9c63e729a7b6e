#include <libfdt.h>
#include <arm64/boot-marker.h>
#include <arm64/mmu.h>
#include <arm64/processor.h>
#include <arm64/setup.h>
#include <devicetree.h>
#include <libc/string.h>

#define MARKER_ALIGN		0x10000ul
/* How many pages above the image and the DTB are tried before giving up. */
#define MARKER_CANDIDATES	16
#define MARKER_MAGIC		0x52454b52414d5442ul	/* "BTMARKER" */
#define FNV_OFFSET		0x811c9dc5u
#define FNV_PRIME		0x01000193u

struct record {
	u64 magic;
	u64 address;		/* where it was written: a copy found elsewhere is no record */
	struct boot_marker m;
	u32 checksum;
};

static struct record *page;
static bool located;
static u32 this_boot = 1;

static bool overlaps(u64 addr, u64 size, u64 base, u64 len)
{
	return addr < base + len && base < addr + size;
}

/* In a /memreserve/ entry or a /reserved-memory region of the DT. */
static bool reserved(u64 addr, u64 size)
{
	const void *fdt = dt_fdt();
	struct dt_reg r;
	u64 base, len;
	int node, child;

	for (int i = 0; i < fdt_num_mem_rsv(fdt); i++)
		if (!fdt_get_mem_rsv(fdt, i, &base, &len) && overlaps(addr, size, base, len))
			return true;
	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node < 0)
		return false;
	fdt_for_each_subnode(child, fdt, node)
		for (int i = 0; dt_reg(child, i, &r); i++)
			if (overlaps(addr, size, r.addr, r.size))
				return true;
	return false;
}

static void locate(void)
{
	u64 dtb_end = boot.dtb + fdt_totalsize((const void *)boot.dtb);
	u64 addr = ALIGN_UP(MAX(boot.image_end, dtb_end), MARKER_ALIGN);

	located = true;
	for (int i = 0; i < MARKER_CANDIDATES; i++, addr += MARKER_ALIGN) {
		if (mem_is_ram(addr, MARKER_ALIGN) && !reserved(addr, MARKER_ALIGN)) {
			page = (struct record *)addr;
			return;
		}
	}
}

u64 boot_marker_page(void)
{
	if (!located)
		locate();
	return (u64)page;
}

/* FNV-1a over the fields, not the bytes: padding holds whatever was there. */
static u32 checksum(const struct record *r)
{
	const u64 fields[] = { r->magic, r->address, r->m.action, r->m.fid, r->m.arg1, r->m.arg2, r->m.boot };
	u32 h = FNV_OFFSET;

	for (unsigned int i = 0; i < ARRAY_SIZE(fields); i++)
		for (int byte = 0; byte < 8; byte++)
			h = (h ^ (u8)(fields[i] >> (8 * byte))) * FNV_PRIME;
	return h;
}

static void write_record(const struct record *r)
{
	*page = *r;
	dcache_clean_poc(page, sizeof(*page));
}

bool boot_marker_take(struct boot_marker *m)
{
	struct record r;

	if (!boot_marker_page())
		return false;
	r = *page;
	if (r.magic != MARKER_MAGIC || r.address != (u64)page || r.checksum != checksum(&r))
		return false;
	boot_marker_clear();
	*m = r.m;
	this_boot = m->boot + 1;
	return true;
}

void boot_marker_set(struct boot_marker *m)
{
	struct record r = { .magic = MARKER_MAGIC, .address = boot_marker_page() };

	assert(page);
	m->boot = this_boot;
	r.m = *m;
	r.checksum = checksum(&r);
	write_record(&r);
}

void boot_marker_clear(void)
{
	struct record r;

	if (!boot_marker_page())
		return;
	memset(&r, 0, sizeof(r));
	write_record(&r);
}

u32 boot_number(void)
{
	return this_boot;
}
