#include <judges/system.h>
#include <libc/string.h>

#define US_PER_MS 1000

const char *system_call_text(const struct system_call *c, char *buf, size_t size)
{
	char name[32];

	psci_id_name(c->id, name, sizeof(name));
	switch (PSCI_FN_NUMBER(c->id)) {
	case PSCI_NR_SYSTEM_RESET2:
		snprintf(buf, size, "%s(reset_type 0x%x, cookie 0x%lx)", name, c->type, c->cookie);
		break;
	case PSCI_NR_SYSTEM_OFF2:
		snprintf(buf, size, "%s(type 0x%x, cookie 0x%lx)", name, c->type, c->cookie);
		break;
	default:
		snprintf(buf, size, "%s", name);
	}
	return buf;
}

/* A PSCI_FEATURES answer that is neither flags nor NOT_SUPPORTED is discovery's FAIL to report. */
bool psci_callable(const struct psci_function *fn, u32 version, s32 features, struct verdict *v)
{
	const char *name = fn->name;
	u32 since = fn->since;

	if (version < since)
		verdict_set(v, CHECK_SKIP, "PSCI %u.%u advertised: %s exists from %u.%u (6.9 Table 17)",
			    PSCI_VERSION_MAJOR(version), PSCI_VERSION_MINOR(version), name,
			    PSCI_VERSION_MAJOR(since), PSCI_VERSION_MINOR(since));
	else if (features == PSCI_RET_NOT_SUPPORTED)
		verdict_set(v, CHECK_SKIP, "PSCI_FEATURES reports %s not implemented (optional, 6.9 Table 17)", name);
	else if (features < 0)
		verdict_set(v, CHECK_SKIP, "PSCI_FEATURES(%s) returned %d, neither flags nor NOT_SUPPORTED (see psci.features)",
			    name, features);
	else
		return true;
	return false;
}

bool reset2_callable(u32 version, s32 features, struct verdict *v)
{
	return psci_callable(&psci_functions[PSCI_NR_SYSTEM_RESET2], version, features, v);
}

/*
 * Table 11 makes HIBERNATE_OFF mandatory for an implemented SYSTEM_OFF2 (the
 * value must be exactly 0x1: psci.features.system_off2 judges that); every
 * call made here is valid, or invalid, only relative to it.
 */
bool off2_callable(u32 version, s32 features, struct verdict *v)
{
	if (!psci_callable(&psci_functions[PSCI_NR_SYSTEM_OFF2], version, features, v))
		return false;
	if (features & OFF2_FEATURE_HIBERNATE_OFF)
		return true;
	verdict_set(v, CHECK_SKIP, "PSCI_FEATURES(SYSTEM_OFF2) = 0x%x lacks HIBERNATE_OFF (bit 0), which 5.16.2 Table 11 requires (see psci.features.system_off2)",
		    features);
	return false;
}

/* Appends TEXT to V's explanation after SEPARATOR (nothing before the first). */
static void append_why(struct verdict *v, const char *separator, const char *text)
{
	size_t n = strlen(v->why);

	snprintf(v->why + n, sizeof(v->why) - n, "%s%s", n ? separator : "", text);
}

/*
 * SYSTEM_RESET2: a reserved architectural reset_type (Table 10: 0x1-0x7FFFFFFF)
 * is "not a valid value for an architectural reset", so INVALID_PARAMETERS
 * (5.13.4); NOT_SUPPORTED only means the function is absent.
 * SYSTEM_OFF2: 5.11.3 returns INVALID_PARAMETERS "if any of the input
 * parameters are invalid" without saying which values are; the values the
 * prototype (5.1.10) reserves are read as the invalid ones: a non-zero cookie
 * ("must be set to zero"), bit 31 set ("Reserved must be zero") and a type
 * other than 0x0 and 0x1 ("reserved for future use").
 */
void judge_invalid_calls(const struct system_call *calls, int count, struct verdict *v)
{
	char text[96], got[48];

	for (int i = 0; i < count; i++) {
		const struct system_call *c = &calls[i];

		system_call_text(c, text, sizeof(text));
		if (!c->returned) {
			verdict_set(v, CHECK_FAIL, "%s did not come back within %lu ms: must return INVALID_PARAMETERS",
				    text, c->bound_us / US_PER_MS);
			return;
		}
		if (!answered(c->id, c->version, c->x0, PSCI_RET_INVALID_PARAMETERS)) {
			verdict_set(v, CHECK_FAIL, "%s returned %s: must be INVALID_PARAMETERS", text,
				    psci_result_text(c->id, c->x0, got, sizeof(got)));
			return;
		}
	}
	verdict_set(v, CHECK_PASS, "INVALID_PARAMETERS from");
	for (int i = 0; i < count; i++)
		append_why(v, i ? "; " : " ", system_call_text(&calls[i], text, sizeof(text)));
}

/*
 * 5.13.4: NOT_SUPPORTED means SYSTEM_RESET2 is not implemented, "regardless of
 * the values in reset_type and cookie". 5.13.5: a vendor reset may fail with
 * the other error codes of 5.2.2, "with the exception of NOT_SUPPORTED", and
 * beyond those only with values below -256. SUCCESS is no error code: the call
 * does not return when it succeeds (5.1.12).
 */
static bool vendor_error_permitted(s64 ret)
{
	return (ret <= PSCI_RET_INVALID_PARAMETERS && ret >= PSCI_RET_INVALID_ADDRESS) ||
	       ret < RESET2_VENDOR_ERROR_BELOW;
}

void judge_reset2_vendor(const struct system_call *c, struct verdict *v)
{
	s64 ret = psci_result(c->id, c->x0);
	char text[96], got[48];

	system_call_text(c, text, sizeof(text));
	psci_result_text(c->id, c->x0, got, sizeof(got));
	if (!c->returned)
		verdict_set(v, CHECK_FAIL, "%s neither came back nor reset the system within %lu ms", text,
			    c->bound_us / US_PER_MS);
	else if (answered(c->id, c->version, c->x0, PSCI_RET_NOT_SUPPORTED))
		verdict_set(v, CHECK_FAIL, "%s returned %s: SYSTEM_RESET2 is implemented, and a vendor reset may fail with any 5.2.2 code but NOT_SUPPORTED",
			    text, got);
	else
		verdict_expect(v, vendor_error_permitted(ret), "%s returned %s = %ld%s", text, got, ret,
			       vendor_error_permitted(ret) ? "" :
			       ": a vendor reset failure must be a 5.2.2 error code other than NOT_SUPPORTED, or below -256");
}

/*
 * SYSTEM_OFF and SYSTEM_RESET do not return (5.1.9, 5.1.11), nor do
 * SYSTEM_RESET2 and SYSTEM_OFF2 when they succeed (5.1.12, 5.1.10), and every
 * call judged here is valid: type 0x0 of SYSTEM_OFF2 too, since issue F.b.
 */
void judge_no_return(const struct system_call *c, struct verdict *v)
{
	bool type0_refused = PSCI_FN_NUMBER(c->id) == PSCI_NR_SYSTEM_OFF2 && c->type == OFF2_TYPE_DEFAULT &&
			     answered(c->id, c->version, c->x0, PSCI_RET_INVALID_PARAMETERS);
	char text[96], got[48];

	system_call_text(c, text, sizeof(text));
	if (!c->returned)
		verdict_set(v, CHECK_FAIL, "%s neither came back nor took the system down within %lu ms", text,
			    c->bound_us / US_PER_MS);
	else
		verdict_set(v, CHECK_FAIL, "%s returned %s: a valid call does not return%s", text,
			    psci_result_text(c->id, c->x0, got, sizeof(got)),
			    type0_refused ? " (issue F allowed INVALID_PARAMETERS for type 0x0; F.b, which supersedes it, makes 0x0 select HIBERNATE_OFF)" : "");
}

void judge_boot_after_reset(enum reset_meaning meaning, const struct system_call *c, u32 writer,
			    struct verdict *v)
{
	char text[96];

	system_call_text(c, text, sizeof(text));
	switch (meaning) {
	case RESET_WANTED:
		verdict_expect(v, writer == 1, "booted again after %s: boot %u read the marker boot %u left%s", text,
			       writer + 1, writer, writer == 1 ? "" : ", which was not the first boot of the run");
		break;
	case RESET_INSTEAD_OF_OFF:
		verdict_set(v, CHECK_FAIL, "the system reset during %s: it must power off (5.10.1, 5.11.3)", text);
		break;
	case RESET_INSTEAD_OF_ERROR:
		verdict_set(v, CHECK_FAIL, "the system reset during %s, which must return INVALID_PARAMETERS", text);
		break;
	case RESET_VENDOR:
		verdict_set(v, CHECK_INFO, "the system reset during %s: the implementation performs that vendor reset, so the rule for the ones it lacks (5.13.5) was not probed; pick another vendor_type",
			    text);
		break;
	}
}
