/* Parameter rules several PSCI functions share. */
#ifndef MONITOR_PARAMS_H
#define MONITOR_PARAMS_H

#include <base.h>

/* target_cpu's reserved bits are clear (DEN0022F.b 5.1.4). */
bool param_mpidr_well_formed(u64 target);
/* A and B lie in the same affinity instance at LEVEL (DEN0022F.b 4.2.2). */
bool param_same_instance(u64 a, u64 b, u32 level);
/* The CPU (runtime number) target_cpu names, or -1 if it names none. */
int param_target_cpu(u64 target);
/* An address the guest may start running at (5.4.3, 5.6.2). */
bool param_entry_point_valid(u64 entry);
/* What an entry point that is not valid gets at the version emulated (5.4.5, 5.6.2). */
s64 param_invalid_address(void);
/* The monitor's own memory, which the guest's DT reserves. */
u64 monitor_image_start(void);
u64 monitor_image_size(void);

#endif
