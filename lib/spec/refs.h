/*
 * Where the specifications state each rule the suite checks: the reference
 * every check reports ([...] on its result line), so that a verdict can be
 * traced to the text. DEN0022F.b is PSCI, DEN0028 the SMC Calling Convention.
 * Nothing outside lib/spec spells a reference.
 */
#ifndef SPEC_REFS_H
#define SPEC_REFS_H

/* PSCI_VERSION, PSCI_FEATURES and the SMCCC discovery calls */
#define REF_PAIR_MIGRATE "DEN0022F.b 6.9 Table 17 note b"
#define REF_PAIR_STAT "DEN0022F.b 6.9 Table 17 note c, 5.22"
#define REF_PAIR_MEM_PROTECT "DEN0022F.b 6.9 Table 17 note d, 5.14.3"
#define REF_VERSION "DEN0022F.b 5.1.1, 5.3.1 PSCI_VERSION; 6.9 Table 17"
#define REF_VERSION_DT "DT binding arm/psci.yaml compatible; DEN0022F.b 5.3"
#define REF_ABSENT "DEN0022F.b 5.3.2 (not implemented: NOT_SUPPORTED), 5.2.2"
#define REF_PRESENT "DEN0022F.b 5.16.2 (reported present: implemented), 5.3.2"
#define REF_SMCCC_VERSION "DEN0022F.b 5.16.2; DEN0028 SMCCC_VERSION"
#define REF_ARCH_FEATURES "DEN0028 SMCCC_ARCH_FEATURES"
#define REF_ARCH_MANDATORY "DEN0028 SMCCC_VERSION, SMCCC_ARCH_FEATURES (mandatory from SMCCC 1.1)"

/* the SMC calling convention (DEN0028) */
#define REF_FID_UPPER "DEN0028 Function Identifier (W0); DEN0022F.b 5.2.1"
#define REF_SMC32_ARGS "DEN0028 SMC32/HVC32 argument passing (upper halves ignored); DEN0022F.b 5.2.1"
#define REF_PRESERVED "DEN0028 register use: X4-X17 preserved from SMCCC 1.1, may be corrupted in 1.0"
#define REF_UNKNOWN_FID "DEN0028 Unknown Function Identifier (-1); DEN0022F.b 5.3.2"
#define REF_VENDOR_FID "DEN0028 Owning Entity Numbers, General Service Queries, Unknown Function Identifier"

/* CPU_ON and the state a started core enters (6.4) */
#define REF_CPU_ON "DEN0022F.b 5.1.4, 5.6.2 CPU_ON"
#define REF_CPU_ON_STARTS "DEN0022F.b 5.6.1, 5.6.2 CPU_ON"
#define REF_ENTRY_CONTEXT "DEN0022F.b 5.6.1, 6.4.3.7 context ID"
#define REF_ENTRY_EL "DEN0022F.b 6.4.1 first Non-secure Exception level"
#define REF_ENTRY_SP "DEN0022F.b 6.4.1 Table 14 stack pointer"
#define REF_ENTRY_DAIF "DEN0022F.b 6.4.3.3 exceptions"
#define REF_ENTRY_MMU "DEN0022F.b 6.4.3.4 MMU"
#define REF_ENTRY_CACHES "DEN0022F.b 6.4.3.4 caches"
#define REF_ENTRY_ENDIAN "DEN0022F.b 6.4.3.2 endianness"
#define REF_ENTRY_CNTFRQ "DEN0022F.b 6.4.3.6 generic timer"
#define REF_ALREADY_ON "DEN0022F.b 5.6.2, 6.6 CPU_ON ALREADY_ON"
#define REF_INVALID_MPIDR "DEN0022F.b 5.1.4 target_cpu, 5.6.2 CPU_ON INVALID_PARAMETERS"
#define REF_INVALID_ENTRY "DEN0022F.b 5.6.2 CPU_ON INVALID_ADDRESS"
#define REF_RACE "DEN0022F.b 6.6 Figure 9, 5.6.2 CPU_ON"
#define REF_RACE_AFFINITY "DEN0022F.b 6.6, 5.7.1 AFFINITY_INFO after CPU_ON"

/* CPU_OFF */
#define REF_CPU_OFF_NO_RETURN "DEN0022F.b 5.1.3, 5.5.1 CPU_OFF"
#define REF_CPU_OFF_AFFINITY "DEN0022F.b 5.7.1, 6.6 AFFINITY_INFO after CPU_OFF"
#define REF_CPU_OFF_STAYS_OFF "DEN0022F.b 5.5.1 CPU_OFF"
#define REF_CPU_OFF_ON_AGAIN "DEN0022F.b 5.5.1, 5.6 CPU_ON after CPU_OFF"
#define REF_CPU_OFF_CONTEXT "DEN0022F.b 5.6.1, 6.4.3.7 context ID"

/* AFFINITY_INFO */
#define REF_AFFINITY_INFO "DEN0022F.b 5.1.5, 5.7.1 AFFINITY_INFO"
#define REF_AFFINITY_STATES "DEN0022F.b 5.7.1, 6.6 AFFINITY_INFO states"
#define REF_AFFINITY_LEVELS "DEN0022F.b 5.1.5, 5.7.1 AFFINITY_INFO lowest_affinity_level"
#define REF_AFFINITY_INVALID "DEN0022F.b 5.1.5, 5.7.2 AFFINITY_INFO INVALID_PARAMETERS"

/* CPU_SUSPEND and SYSTEM_SUSPEND */
#define REF_SUSPEND_ORIG_RESERVED "DEN0022F.b 5.4.2.1 Table 7, 5.4.5 CPU_SUSPEND"
#define REF_SUSPEND_EXT_RESERVED "DEN0022F.b 5.4.2.2 Table 8, 5.4.5 CPU_SUSPEND"
#define REF_SUSPEND_LEVEL "DEN0022F.b 5.4.2.1, 5.4.5, 5.4.6 CPU_SUSPEND"
#define REF_SUSPEND_STANDBY "DEN0022F.b 5.1.2, 5.4.9 CPU_SUSPEND"
#define REF_SUSPEND_MASKED "DEN0022F.b 5.4.9 CPU_SUSPEND (standby as WFI)"
#define REF_SUSPEND_CORE_STATE "DEN0022F.b 5.4.9 CPU_SUSPEND (state on return)"
#define REF_SUSPEND_ENTRY_IGNORED "DEN0022F.b 5.1.2, 5.4.3 CPU_SUSPEND (entry point ignored for standby)"
#define REF_SUSPEND_POWERDOWN "DEN0022F.b 5.4.5, 5.4.9, 6.4.3 CPU_SUSPEND"
#define REF_SUSPEND_ENTRY_POINT "DEN0022F.b 5.1.2, 5.4.5 CPU_SUSPEND (INVALID_ADDRESS)"
#define REF_SYSTEM_SUSPEND_OTHERS_ON "DEN0022F.b 5.20.2 (DENIED), 5.1.19 (ALREADY_ON) SYSTEM_SUSPEND"

/* PSCI_STAT_RESIDENCY and PSCI_STAT_COUNT */
#define REF_STAT_COUNT "DEN0022F.b 5.1.22, 5.22 PSCI_STAT_COUNT"
#define REF_STAT_RESIDENCY "DEN0022F.b 5.1.21, 5.22 PSCI_STAT_RESIDENCY"
#define REF_STAT_NEVER_ENTERED "DEN0022F.b 5.1.21, 5.1.22, 5.22 PSCI_STAT_* (since cold boot)"

/* NODE_HW_STATE */
#define REF_NODE_HW_STATE_ON "DEN0022F.b 5.1.18, 5.19 NODE_HW_STATE (HW_ON)"
#define REF_NODE_HW_STATE_INVALID "DEN0022F.b 5.1.18, 5.19 NODE_HW_STATE (INVALID_PARAMETERS)"

/* MIGRATE, MIGRATE_INFO_TYPE and MIGRATE_INFO_UP_CPU */
#define REF_INFO_TYPE "DEN0022F.b 5.1.7, 5.9 MIGRATE_INFO_TYPE; 6.9 Table 17 note a"
#define REF_INFO_TYPE_CONSTANT "DEN0022F.b 5.9.1, 5.9.3 MIGRATE_INFO_TYPE"
#define REF_UP_CPU "DEN0022F.b 5.1.8, 5.9 MIGRATE_INFO_UP_CPU"
#define REF_MIGRATE_TABLE9 "DEN0022F.b 5.1.6, 5.8, 5.9.1 Table 9 MIGRATE"
#define REF_MIGRATE_INVALID "DEN0022F.b 5.1.4 target_cpu, 5.1.6, 5.8 MIGRATE"

/* SYSTEM_OFF, SYSTEM_RESET, SYSTEM_RESET2 and SYSTEM_OFF2 */
#define REF_SYSTEM_OFF "DEN0022F.b 5.1.9, 5.10.1, 5.10.2 SYSTEM_OFF"
#define REF_SYSTEM_RESET "DEN0022F.b 5.1.11, 5.12 SYSTEM_RESET"
#define REF_RESET2_RESERVED "DEN0022F.b 5.1.12, 5.13.2 Table 10, 5.13.4 SYSTEM_RESET2"
#define REF_RESET2_VENDOR "DEN0022F.b 5.13.3, 5.13.4, 5.13.5 SYSTEM_RESET2 (vendor reset_type)"
#define REF_RESET2_WARM "DEN0022F.b 5.1.12, 5.13.2.1 SYSTEM_RESET2 (SYSTEM_WARM_RESET)"
#define REF_OFF2_COOKIE "DEN0022F.b 5.1.10, 5.11.3 SYSTEM_OFF2 (cookie)"
#define REF_OFF2_TYPE "DEN0022F.b 5.1.10, 5.11.3 SYSTEM_OFF2 (reserved type)"
#define REF_OFF2_HIBERNATE "DEN0022F.b 5.1.10, 5.11.3 SYSTEM_OFF2 (HIBERNATE_OFF)"
#define REF_OFF2_TYPE0 "DEN0022F.b 5.1.10 note, 6.9 Table 17 note e SYSTEM_OFF2 (type 0)"

/* the fuzz image */
#define REF_FUZZ_STABLE "DEN0022F.b 5.3.1, 5.9.1, 5.16.2; DEN0028 SMCCC_VERSION, SMCCC_ARCH_FEATURES"
#define REF_FUZZ_UNKNOWN_ARCH "DEN0028 Arm Architecture Calls, Unknown Function Identifier (-1)"
#define REF_FUZZ_RUN "DEN0022F.b 5.1; DEN0028"

/* the fuzz image (cores) */
#define REF_FUZZ_CPUS_ALIVE "DEN0022F.b 5.5.1, 5.6.1, 6.6 (a core goes OFF only by its own CPU_OFF)"

#endif
