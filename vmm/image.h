/*
 * The test image: an arm64 Linux Image (header described in the kernel's
 * Documentation/arm64/booting), or a raw binary when the header's magic is
 * absent. It is read once and copied into guest RAM at every boot.
 */
#ifndef VMM_IMAGE_H
#define VMM_IMAGE_H

#include "vm.h"
#include <stddef.h>
#include <stdint.h>

struct image {
	uint8_t *data;
	size_t file_size;
	uint64_t load;		/* guest physical: 2 MiB-aligned base + text_offset */
	uint64_t mem_size;	/* the header's image_size (bss included), at least file_size */
};

/* Reads PATH and places it at the start of RAM. */
void image_read(struct image *img, const char *path, const struct vm *vm);
void image_copy_to_ram(const struct image *img, const struct vm *vm);

#endif
