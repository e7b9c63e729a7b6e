# Reads a test's console log, the guest console protocol, into checks and
# writes them to the test's .checks file. A power event an image announces
# with an EXPECT line becomes a check too: the runner judges a power-off, the
# next boot's own result line a reset.

console_tail_length=5
expect_after_length=3

# Parses log $1, whose first line is the command that ran the image, after
# the target's filter took its own lines out; $2 (1 if the timeout fired) and
# $3 (the timeout in seconds) judge the power-offs announced.
parse_console() {
	local i line
	check_status=() check_id=() check_ref=() check_detail=() check_line=() end_status=""
	expect_event=() expect_id=() expect_ref=() expect_detail=() expect_line=()
	mapfile -t -s 1 console_lines <"$1"
	console_lines=("${console_lines[@]%$'\r'}")
	target_filter_console
	for i in "${!console_lines[@]}"; do
		line=${console_lines[i]}
		case $line in
		"END: PASS" | "END: FAIL" | "END: SKIP") end_status=${line#END: } ;;
		"PASS: "* | "FAIL: "* | "SKIP: "* | "INFO: "*) add_check_line "$line" "$i" ;;
		"EXPECT: poweroff "* | "EXPECT: reset "*) add_expect_line "$line" "$i" ;;
		esac
	done
	judge_expectations "$2" "$3"
}

# Sets field_id, field_ref and field_detail from "id [ref] detail" in $1;
# fails when $1 is anything less. Globs, not regular expressions: bash
# compiles a regex on every match, which dominated the cost of long consoles.
split_result_fields() {
	local rest
	field_id=${1%% *}
	rest=${1:${#field_id}}
	is_check_id "$field_id" && [[ $rest == " ["+([!]])"]"?(" "*) ]] || return 1
	field_ref=${rest:2}
	field_ref=${field_ref%%]*}
	rest=${rest:${#field_ref}+3}
	field_detail=${rest# }
}

# Adds line $1, console line number $2, to the checks if it is a whole
# "STATUS: id [ref] detail" line; anything less is free text. Known
# deviations turn FAIL into XFAIL and PASS into XPASS (deviation_status).
add_check_line() {
	local status field_id field_ref field_detail
	split_result_fields "${1:6}" || return 0
	deviation_status "${1%%:*}" "$field_id"
	check_status+=("$status") check_id+=("$field_id") check_ref+=("$field_ref")
	check_detail+=("$field_detail") check_line+=("$2")
}

# Records "EXPECT: EVENT id [ref] detail" (line $1, console line number $2).
# An END before an announced reset belongs to a boot that is over: only the
# END of the last boot counts.
add_expect_line() {
	local rest=${1#EXPECT: } field_id field_ref field_detail
	split_result_fields "${rest#* }" || return 0
	expect_event+=("${rest%% *}") expect_id+=("$field_id") expect_ref+=("$field_ref")
	expect_detail+=("$field_detail") expect_line+=("$2")
	[[ ${rest%% *} == reset ]] && end_status=""
}

# Turns each EXPECT line into a check; $1 is 1 when the timeout fired, $2
# the timeout in seconds.
judge_expectations() {
	local i
	for i in "${!expect_event[@]}"; do
		if [[ ${expect_event[i]} == poweroff ]]; then
			judge_poweroff "$i" "$1" "$2"
		else
			judge_reset "$i"
		fi
	done
}

# The image can say nothing once it is off: the call powered off if nothing
# but blank lines followed it and the VMM exited by itself.
judge_poweroff() {
	local i=$1 line after=() status=PASS detail
	for ((line = expect_line[i] + 1; line < ${#console_lines[@]}; line++)); do
		[[ ${console_lines[line]} == *[![:space:]]* ]] && after+=("${console_lines[line]}")
		((${#after[@]} < expect_after_length)) || break
	done
	if ((${#after[@]})); then
		join_into " | " "${after[@]}"
		status=FAIL detail="output after the call: $joined"
	elif (($2)); then
		status=FAIL detail="the VMM did not exit within $3 s"
	else
		detail="nothing after the call, and the VMM exited by itself"
	fi
	add_expectation_check "$i" "$status" "$detail"
}

# A reset is confirmed by the boot after it: a result line with the same ID
# after the EXPECT line and before the ID is announced again.
judge_reset() {
	local i=$1 j until=${#console_lines[@]}
	for ((j = i + 1; j < ${#expect_id[@]}; j++)); do
		[[ ${expect_id[j]} == "${expect_id[i]}" ]] && { until=${expect_line[j]}; break; }
	done
	for j in "${!check_id[@]}"; do
		[[ ${check_id[j]} == "${expect_id[i]}" ]] &&
			((check_line[j] > expect_line[i] && check_line[j] < until)) && return 0
	done
	add_expectation_check "$i" FAIL "no boot after the reset reported it"
}

# Adds the check announced by EXPECT line $1 with status $2 and detail $3.
add_expectation_check() {
	add_check_line "$2: ${expect_id[$1]} [${expect_ref[$1]}] ${expect_detail[$1]:+${expect_detail[$1]}: }$3" \
		"${expect_line[$1]}"
}

# A dotted lower-case ID such as cpu_on.race.one_success: only [a-z0-9_.],
# at least one dot, and no empty part.
is_check_id() {
	[[ $1 != *[!a-z0-9_.]* && $1 == [a-z0-9_]*.*[a-z0-9_] && $1 != *..* ]]
}

# One TSV line per check: status, id, ref, detail.
write_checks() {
	local i
	for i in "${!check_status[@]}"; do
		printf '%s\t%s\t%s\t%s\n' "${check_status[i]}" "${check_id[i]}" \
			"${check_ref[i]}" "${check_detail[i]//$'\t'/ }"
	done >"$1"
}

# Sets console_tail to the last non-blank console lines, oldest first.
set_console_tail() {
	local i
	console_tail=()
	for ((i = ${#console_lines[@]} - 1; i >= 0 && ${#console_tail[@]} < console_tail_length; i--)); do
		[[ ${console_lines[i]} == *[![:space:]]* ]] && console_tail=("${console_lines[i]}" "${console_tail[@]}")
	done
}
