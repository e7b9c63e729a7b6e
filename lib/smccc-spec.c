/*
 * DEN0028 (SMC Calling Convention), Arm Architecture Calls. The workaround
 * answers: 0 = implemented and needed here, 1 = not needed on this PE; for
 * WORKAROUND_2 also NOT_REQUIRED (-2) = no dynamic mitigation needed.
 */
#include "smccc-spec.h"

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
