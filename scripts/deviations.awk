# Known deviations: check IDs whose FAIL is expected on the target the run
# executes on, one line each: "<check-id> | <reason> | <reference>", blank
# lines and # comments aside. The list is deviations/<list>.txt beside the
# cfg, named by the target (target_deviations): a cfg and the deviations it is
# judged against travel together, and targets meeting the same PSCI
# implementation share one list. A reason that starts "intermittent:" marks a
# real departure that shows on some runs only (an unlocked race in the
# implementation): its FAIL is XFAIL, and its PASS stays PASS, not XPASS.
#
# The list is checked once per run, so that each test's judge
# (scripts/console.awk) loads it with load_deviations() unchecked:
# scripts/cfg.awk checks the list the target names as the cfg is read. Run
# alone with deviations_check=1, deviations_file and deviations_shown in the
# environment, this file checks a list a target's probe named instead, and
# prints its first error, or nothing.

BEGIN {
	if (ENVIRON["deviations_check"] != "") {
		error = load_deviations(ENVIRON["deviations_file"], ENVIRON["deviations_shown"])
		if (error != "")
			print error
		exit
	}
}

# Fills deviation_reason[id] from list FILE (a missing file is an empty list)
# and returns "", or the first error as one line naming SHOWN (the file as
# messages show it) and the line number.
function load_deviations(file, shown,    line, number, fields, id, reason, reference) {
	number = 0
	if (file == "")
		return ""
	while ((getline line < file) > 0) {
		number++
		if (line ~ /^[[:space:]]*(#.*)?$/)
			continue
		if (split(line, fields, "|") != 3 || (reason = trim(fields[2])) == "" ||
		    (reference = trim(fields[3])) == "")
			return shown ":" number ": expected '<check-id> | <reason> | <reference>', got '" line "'"
		id = trim(fields[1])
		if (id !~ /^[a-z0-9_]+(\.[a-z0-9_]+)+$/)
			return shown ":" number ": '" id "' is not a check ID like cpu_on.race.one_success"
		if (id in deviation_reason)
			return shown ":" number ": '" id "' is listed twice; keep one line"
		deviation_reason[id] = reason
	}
	close(file)
	return ""
}

function trim(text) {
	sub(/^[[:space:]]+/, "", text)
	sub(/[[:space:]]+$/, "", text)
	return text
}

# What a check with STATUS and ID counts as on this target.
function deviation_status(status, id) {
	if ((status != "PASS" && status != "FAIL") || !(id in deviation_reason))
		return status
	if (status == "PASS" && deviation_reason[id] ~ /^intermittent:/)
		return status
	return "X" status
}
