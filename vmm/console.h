/*
 * Standard output, shared by every vCPU thread: the guest's UART bytes
 * unchanged, and the VMM's own lines, each starting "VMM: " at the start of a
 * line so that a reader can tell them from the guest's, but for the POWER
 * lines of the power events KVM performed, which the runner judges.
 */
#ifndef VMM_CONSOLE_H
#define VMM_CONSOLE_H

void console_put(char c);
__attribute__((format(printf, 1, 2)))
void console_note(const char *fmt, ...);
/* "POWER: " and the fields of a power event (README: console protocol). */
__attribute__((format(printf, 1, 2)))
void console_power(const char *fmt, ...);
/* Writes out whatever the guest sent that is not yet written. */
void console_flush(void);

#endif
