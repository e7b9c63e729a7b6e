/*
 * DEN0028 (SMC Calling Convention), Arm Architecture Calls. The workaround
 * answers: 0 = implemented and needed here, 1 = not needed on this PE; for
 * WORKAROUND_2 also NOT_REQUIRED (-2) = no dynamic mitigation needed.
 */
#include <spec/smccc.h>

const char *smccc_version_text(u32 version, char *buf, size_t size)
{
	snprintf(buf, size, "%u.%u", SMCCC_VERSION_MAJOR(version), SMCCC_VERSION_MINOR(version));
	return buf;
}

const struct smccc_arch_function smccc_arch_functions[] = {
	{ "SMCCC_ARCH_WORKAROUND_1", 0x80008000u, SMCCC_V1_1, "DEN0028 SMCCC_ARCH_WORKAROUND_1",
	  { 0, 1 }, 2 },
	{ "SMCCC_ARCH_WORKAROUND_2", 0x80007fffu, SMCCC_V1_1, "DEN0028 SMCCC_ARCH_WORKAROUND_2",
	  { 0, 1, SMCCC_RET_NOT_REQUIRED }, 3 },
	{ "SMCCC_ARCH_WORKAROUND_3", 0x80003fffu, SMCCC_V1_1, "DEN0028 SMCCC_ARCH_WORKAROUND_3",
	  { 0, 1 }, 2 },
};

const unsigned int smccc_arch_function_count = ARRAY_SIZE(smccc_arch_functions);

bool smccc_feature_value_permitted(const struct smccc_arch_function *fn, s32 value)
{
	if (value == SMCCC_RET_NOT_SUPPORTED)
		return true;
	for (unsigned int i = 0; i < fn->nr_feature_values; i++)
		if (fn->feature_values[i] == value)
			return true;
	return false;
}

bool smccc_arch_unassigned(u32 fid)
{
	u32 number = SMCCC_FID_NUMBER(fid);

	return (fid & ~SMCCC_SMC64) == SMCCC_FAST_FID(0, false, number) &&
	       number >= SMCCC_ARCH_UNASSIGNED_FIRST && number <= SMCCC_ARCH_UNASSIGNED_LAST;
}

/*
 * Owning entity numbers (DEN0028). Arm's standards fill 0 (Arm Architecture),
 * 4 (Standard Secure) and 5 (Standard Hypervisor). The CPU Service range (1)
 * serves CPU implementation-specific calls, 2, 3, 6, 48-49 and 50-63 belong
 * to vendors, and 7, reserved in early revisions, is the Vendor Specific EL3
 * Monitor range in later ones: all of these are vendor ranges here, so a
 * number there may be defined without the suite knowing. 8-47 stay reserved.
 */
#define OEN_RESERVED_FIRST 8
#define OEN_RESERVED_LAST 47
#define OEN_TRUSTED_APP_FIRST 48
#define OEN_TRUSTED_OS_FIRST 50
/* Trusted Applications and Trusted OSes answer their queries in the last Trusted OS range. */
#define OEN_TRUSTED_QUERIES 63

static const u32 query_numbers[SMCCC_NR_SERVICE_QUERIES] = { 0xff00, 0xff01, 0xff03 };

enum smccc_owner smccc_owner_of(unsigned int oen)
{
	if (oen == 0 || oen == 4 || oen == 5)
		return SMCCC_OWNER_STANDARD;
	if (oen >= OEN_RESERVED_FIRST && oen <= OEN_RESERVED_LAST)
		return SMCCC_OWNER_RESERVED;
	return SMCCC_OWNER_VENDOR;
}

const char *smccc_owner_name(unsigned int oen)
{
	static const char *const names[] = {
		"Arm Architecture", "CPU Service", "SiP Service", "OEM Service", "Standard Secure Service",
		"Standard Hypervisor Service", "Vendor Specific Hypervisor Service",
		"Vendor Specific EL3 Monitor Service",
	};

	if (oen < ARRAY_SIZE(names))
		return names[oen];
	if (oen <= OEN_RESERVED_LAST)
		return "reserved";
	return oen < OEN_TRUSTED_OS_FIRST ? "Trusted Application" : "Trusted OS";
}

u32 smccc_service_query_id(unsigned int oen, unsigned int index)
{
	unsigned int query_oen = oen >= OEN_TRUSTED_APP_FIRST ? OEN_TRUSTED_QUERIES : oen;

	return SMCCC_FAST_FID(query_oen, false, query_numbers[index]);
}
