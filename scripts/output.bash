# Renders each verdict as one plain line or as a TAP13 test point, and the
# run's summary; CI reads the exact "summary: ..." line.

passed=0 failed=0 skipped=0

start_report() {
	if ((tap)); then printf 'TAP version 13\n1..%d\n' "${#selected[@]}"; fi
}

# $1 is the test's number in the run, $2 its name.
report_result() {
	case $verdict in
	PASS) passed=$((passed + 1)) ;;
	SKIP) skipped=$((skipped + 1)) ;;
	*) failed=$((failed + 1)) ;;
	esac
	if ((tap)); then print_tap_result "$1" "$2"; else print_plain_result "$2"; fi
	if ((verbose)); then print_log "$2"; fi
}

print_plain_result() {
	local details=$reason
	[[ -n $counts_text ]] && details+=${details:+; }$counts_text
	[[ -n $tail_text ]] && details+="; last lines: $tail_text"
	printf '%s %s (%s)\n' "$verdict" "$1" "$details"
}

print_tap_result() {
	case $verdict in
	PASS)
		printf 'ok %d - %s\n' "$1" "$2"
		((${#xfail_ids[@]} == 0)) || print_tap_diagnostics "$2" ;;
	SKIP) printf 'ok %d - %s # SKIP %s\n' "$1" "$2" "$reason" ;;
	*)
		printf 'not ok %d - %s\n' "$1" "$2"
		print_tap_diagnostics "$2" ;;
	esac
}

print_tap_diagnostics() {
	local i line
	printf '  ---\n  verdict: %s\n' "$verdict"
	[[ -z $reason ]] || print_yaml_value "  reason: " "$reason"
	print_yaml_value "  checks: " "$counts_text"
	if ((${#unexpected_ids[@]})); then
		printf '  failing_checks:\n'
		printf '    - %s\n' "${unexpected_ids[@]}"
	fi
	if ((${#xfail_ids[@]})); then
		printf '  expected_failures:\n'
		for i in "${!xfail_ids[@]}"; do
			print_yaml_value "    ${xfail_ids[i]}: " "${xfail_reasons[i]}"
		done
	fi
	if [[ -n $tail_text ]] && ((${#console_tail[@]})); then
		printf '  last_lines:\n'
		for line in "${console_tail[@]}"; do
			print_yaml_value "    - " "$line"
		done
	fi
	print_yaml_value "  log: " "$log_dir/$1.log"
	printf '  ...\n'
}

# Prints $1 then $2 as a double-quoted YAML scalar; a raw control character
# would break the block. In a list item a colon is written \x3a: TAP::Parser
# reads '- "WORD: ...' as a mapping whatever the quotes.
print_yaml_value() {
	local text=${2//$'\t'/ }
	text=${text//\\/\\\\}
	text=${text//\"/\\\"}
	[[ $1 == *"- " ]] && text=${text//:/\\x3a}
	printf '%s"%s"\n' "$1" "${text//[[:cntrl:]]/?}"
}

print_log() {
	local line prefix=""
	((tap)) && prefix="# "
	while IFS= read -r line || [[ -n $line ]]; do
		printf '%s%s\n' "$prefix" "${line%$'\r'}"
	done <"$log_dir/$1.log"
}

finish_report() {
	local summary="summary: $passed passed, $failed failed, $skipped skipped"
	if ((tap)); then printf '# %s\n' "$summary"; else printf '%s\n' "$summary"; fi
}
