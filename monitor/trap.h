/* The guest's HVC and SMC calls reach the monitor here (installed once at boot). */
#ifndef MONITOR_TRAP_H
#define MONITOR_TRAP_H

void trap_install(void);

#endif
