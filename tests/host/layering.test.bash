# The layering the suite's verdicts rest on, checked over the tree: the
# specification is spelled in lib/spec alone (function IDs, return codes,
# references, DT compatibles), and the judges are included only by the test
# programs and the tests, never by the runtime, the monitor or the VMM.

# Prints every line of the suite's tree $1 that breaks a rule, with the rule.
# A rule: what it forbids, the files it reads (an ERE on the source paths
# below lib arm monitor vmm scripts and the top-level scripts), and the ERE
# none of their lines may match.
layering_violations() {
	local outside_spec='^(lib/[^s]|lib/s[^p]|arm|monitor|vmm|scripts|run_tests|configure)'
	layering_rule "$1" "a spec reference string" "$outside_spec" '"[^"]*DEN00[0-9]{2}'
	layering_rule "$1" "a PSCI function ID" "$outside_spec" '0[xX][8cC]4000[0-9a-fA-F]{3}\b'
	layering_rule "$1" "an SMCCC Arm Architecture function ID" "$outside_spec" \
		'\b0[xX]8000(000[0-4]|3[fF]{3}|7[fF]{3}|8000)\b'
	layering_rule "$1" "a return code's value" "$outside_spec" '(PSCI|SMCCC)_RET_[A-Z_]+ *=|#define (PSCI|SMCCC)_RET_'
	layering_rule "$1" "a PSCI DT compatible" "$outside_spec" '"arm,psci'
	layering_rule "$1" "a judges header outside lib/judges, arm/ and tests/" '^(lib/[^j]|lib/j[^u]|monitor|vmm)' \
		'#include <judges/'
}

layering_rule() {
	(cd "$1" && layering_sources | grep -E -- "$3" | xargs -r grep -nE -- "$4" | sed "s|^|$2: |")
}

# The source files of the tree in the current directory (an export has no .git).
layering_sources() {
	find lib arm monitor vmm scripts run_tests.sh configure -type f 2>/dev/null |
		grep -E '\.(c|h|S|bash|awk|sh)$|^(run_tests\.sh|configure)$'
}

test_the_tree_keeps_the_spec_in_lib_spec_and_the_judges_to_the_checks() {
	local hits
	(($(cd "$root" && layering_sources | wc -l) > 100)) || fail "found too few source files to judge"
	hits=$(layering_violations "$root")
	[[ -z $hits ]] || fail "$hits"
}

# Each rule catches what it forbids where it forbids it, and not in lib/spec.
test_each_layering_rule_catches_a_planted_violation() {
	local hits
	mkdir -p "$work/tree/lib/judges" "$work/tree/lib/spec" "$work/tree/monitor" "$work/tree/scripts"
	printf 'const char *r = "DEN0022F.b 5.1";\n#define X 0xc4000003\nint y = 0x80000001;\n' >"$work/tree/lib/judges/x.c"
	printf 'enum { PSCI_RET_DENIED = -3 };\nconst char c[] = "arm,psci-1.0";\n#include <judges/judge.h>\n' >"$work/tree/monitor/m.c"
	printf 'const char *r = "DEN0022F.b 5.1"; /* 0x84000000 "arm,psci-0.2" */\n' >"$work/tree/lib/spec/s.c"
	printf 'x="DEN0028 SMCCC"\n' >"$work/tree/scripts/t.bash"
	hits=$(layering_violations "$work/tree")
	for what in "a spec reference string: lib/judges/x.c:1" "a PSCI function ID: lib/judges/x.c:2" \
		"an SMCCC Arm Architecture function ID: lib/judges/x.c:3" "a return code's value: monitor/m.c:1" \
		"a PSCI DT compatible: monitor/m.c:2" "a judges header outside lib/judges, arm/ and tests/: monitor/m.c:3" \
		"a spec reference string: scripts/t.bash:1"; do
		[[ $hits == *"$what"* ]] || fail "not caught: $what (saw: $hits)"
	done
	[[ $hits != *lib/spec/* ]] || fail "lib/spec flagged: $hits"
}

# The monitor is linked with the runtime and the spec only (Makefile); an
# image is linked with the judges, which shows that the symbols are seen.
test_the_monitor_links_no_judge() {
	local judges='^[0-9a-f]+ [Tt] (judge_|verdict_|mpidr_same_instance)'
	[[ -f $root/monitor/monitor.elf && -f $root/arm/psci_cpu_on.elf ]] || return 0
	aarch64-linux-gnu-nm "$root/arm/psci_cpu_on.elf" | grep -qE "$judges" || fail "nm sees no judge in an image"
	! aarch64-linux-gnu-nm "$root/monitor/monitor.elf" | grep -E "$judges" || fail "the monitor has judges' code"
}
