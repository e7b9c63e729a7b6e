#include "uart.h"
#include "console.h"
#include "die.h"
#include "layout.h"
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define UART_THR	0
#define UART_LSR	5
#define UART_LSR_THRE	0x20
#define UART_LSR_TEMT	0x40
#define UART_SLOT	1

static struct kvm_coalesced_mmio_ring *ring;
static uint32_t ring_entries;
static pthread_mutex_t drain_lock = PTHREAD_MUTEX_INITIALIZER;

static void map_registers(struct vm *vm)
{
	static uint8_t *regs;
	struct kvm_userspace_memory_region region = {
		.slot = UART_SLOT,
		.flags = KVM_MEM_READONLY,
		.guest_phys_addr = UART_BASE,
		.memory_size = UART_SIZE,
	};

	if (!regs) {
		regs = mmap(NULL, UART_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (regs == MAP_FAILED)
			die_errno("cannot allocate the UART's register page");
		regs[UART_LSR] = UART_LSR_THRE | UART_LSR_TEMT;
	}
	region.userspace_addr = (uint64_t)regs;
	if (ioctl(vm->fd, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		die_errno("read-only memory slot for the UART");
}

void uart_create(struct vm *vm, void *run_page)
{
	struct kvm_coalesced_mmio_zone thr = { .addr = UART_BASE + UART_THR, .size = 1 };
	long page = sysconf(_SC_PAGESIZE);
	int offset = ioctl(vm->fd, KVM_CHECK_EXTENSION, KVM_CAP_COALESCED_MMIO);

	if (ioctl(vm->fd, KVM_CHECK_EXTENSION, KVM_CAP_READONLY_MEM) <= 0 || offset <= 0)
		die("KVM lacks read-only memory slots or coalesced MMIO, which the UART needs");
	map_registers(vm);
	if (ioctl(vm->fd, KVM_REGISTER_COALESCED_MMIO, &thr) < 0)
		die_errno("KVM_REGISTER_COALESCED_MMIO for the UART");
	ring = (struct kvm_coalesced_mmio_ring *)((uint8_t *)run_page + offset * page);
	ring_entries = (page - sizeof(*ring)) / sizeof(ring->coalesced_mmio[0]);
}

/* KVM writes an entry, then advances last; the VMM reads it, then advances first. */
void uart_drain(void)
{
	uint32_t first, last;

	pthread_mutex_lock(&drain_lock);
	first = ring->first;
	last = __atomic_load_n(&ring->last, __ATOMIC_ACQUIRE);
	for (; first != last; first = (first + 1) % ring_entries)
		console_put((char)ring->coalesced_mmio[first].data[0]);
	__atomic_store_n(&ring->first, first, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&drain_lock);
}

/* A THR write only exits when the ring is full: what it queued comes first. */
bool uart_mmio(struct kvm_run *run)
{
	uint64_t reg = run->mmio.phys_addr - UART_BASE;

	if (run->mmio.phys_addr < UART_BASE || reg >= UART_SIZE)
		return false;
	uart_drain();
	if (run->mmio.is_write && reg == UART_THR)
		console_put((char)run->mmio.data[0]);
	return true;
}
