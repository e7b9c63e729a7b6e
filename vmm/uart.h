/*
 * A transmit-only 16550 (DT compatible "ns16550a", reg-shift 0, byte
 * registers). Its register page is a read-only memory slot in which LSR
 * always reads "transmitter empty" and every other register 0, so polling it
 * costs the guest no exit; writes to THR are coalesced MMIO: KVM queues them
 * in a ring without leaving the kernel, and the VMM drains the ring to the
 * console. A write anywhere else in the page is ignored.
 */
#ifndef VMM_UART_H
#define VMM_UART_H

#include "vm.h"
#include <linux/kvm.h>
#include <stdbool.h>

/* For each new VM; RUN_PAGE is any vCPU's kvm_run, which KVM's coalesced MMIO ring follows. */
void uart_create(struct vm *vm, void *run_page);
/* Moves what the guest wrote so far to the console, in the order written. */
void uart_drain(void);
/* Handles the MMIO exit if it hits the UART; false if it does not. */
bool uart_mmio(struct kvm_run *run);

#endif
