#include "image.h"
#include "die.h"
#include "layout.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HDR_TEXT_OFFSET	8
#define HDR_IMAGE_SIZE	16
#define HDR_MAGIC	0x38
#define HDR_SIZE	64
#define ARM64_MAGIC	0x644d5241u	/* "ARM\x64" */

static uint64_t le(const uint8_t *p, int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

static void read_file(struct image *img, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0)
		die_errno("%s", path);
	img->file_size = st.st_size;
	img->data = malloc(img->file_size ? img->file_size : 1);
	if (!img->data)
		die("%s: out of memory", path);
	for (size_t done = 0; done < img->file_size;) {
		ssize_t r = read(fd, img->data + done, img->file_size - done);

		if (r <= 0)
			die_errno("%s: short read", path);
		done += r;
	}
	close(fd);
}

void image_read(struct image *img, const char *path, const struct vm *vm)
{
	uint64_t text_offset = 0, image_size = 0;

	read_file(img, path);
	if (img->file_size >= HDR_SIZE && le(img->data + HDR_MAGIC, 4) == ARM64_MAGIC) {
		text_offset = le(img->data + HDR_TEXT_OFFSET, 8);
		image_size = le(img->data + HDR_IMAGE_SIZE, 8);
	}
	img->load = (vm->ram_base + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN + text_offset;
	img->mem_size = image_size > img->file_size ? image_size : img->file_size;
	if (!vm_ram_ptr(vm, img->load, img->mem_size))
		die("%s: %llu bytes at 0x%llx do not fit in guest RAM", path,
		    (unsigned long long)img->mem_size, (unsigned long long)img->load);
}

void image_copy_to_ram(const struct image *img, const struct vm *vm)
{
	memcpy(vm_ram_ptr(vm, img->load, img->file_size), img->data, img->file_size);
}
