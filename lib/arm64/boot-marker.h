/*
 * A note from one boot to the next. Before a reset it causes on purpose, or a
 * call that might reset by mistake, the image leaves a record of what it was
 * doing in a RAM page that a reset of the machine leaves alone, and the next
 * boot reads it back: that is how a boot knows it is the one after a reset.
 *
 * The page is the first 64 KiB-aligned one above both the image (whose bss is
 * zeroed at every boot) and the DTB (which a loader writes again) that is RAM
 * and in no DT memory reservation. A magic value, the page's own address and a
 * checksum keep whatever a cold boot finds there from passing for a record.
 * Nothing the specification says makes RAM survive SYSTEM_RESET (5.12.1: a
 * power cycle); QEMU and KVM keep it, and where it is lost the boot after the
 * reset cannot tell it from a first boot.
 */
#ifndef ARM64_BOOT_MARKER_H
#define ARM64_BOOT_MARKER_H

#include <base.h>

struct boot_marker {
	u32 action;		/* the image's own code for what it was doing */
	u32 fid;		/* the call it was making */
	u64 arg1, arg2;		/* and that call's first two arguments */
	u32 boot;		/* the boot that wrote it, 1 for the first of the run */
};

/*
 * Takes the record the previous boot left, clearing it; false if there is
 * none. Call it once, early in main, before any boot_marker_set().
 */
bool boot_marker_take(struct boot_marker *m);
/* The page records go to, or 0 when no page qualifies. */
u64 boot_marker_page(void);
/* Leaves M for the next boot, with M->boot set to this boot's number. */
void boot_marker_set(struct boot_marker *m);
void boot_marker_clear(void);
/* This boot's number in the run: 1, or one more than the record taken says. */
u32 boot_number(void);

#endif
