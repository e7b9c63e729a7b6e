/* Stable check IDs built from the spec table: "<prefix>.<function>[64]". */
#ifndef LIB_CHECK_IDS_H
#define LIB_CHECK_IDS_H

#include <base.h>

#define CHECK_ID_SIZE 64

/* PREFIX.cpu_on64, PREFIX.psci_features, PREFIX.reserved_0x16, ... */
const char *psci_check_id(const char *prefix, u32 id, char *buf, size_t size);

#endif
