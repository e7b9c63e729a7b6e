# Reads a test's console log, the guest console protocol, into checks and
# writes them to the test's .checks file.

console_tail_length=5

# Parses log $1, whose first line is the QEMU command.
parse_console() {
	local line
	check_status=() check_id=() check_ref=() check_detail=() end_status=""
	mapfile -t -s 1 console_lines <"$1"
	console_lines=("${console_lines[@]%$'\r'}")
	for line in "${console_lines[@]}"; do
		case $line in
		"END: PASS" | "END: FAIL" | "END: SKIP") end_status=${line#END: } ;;
		"PASS: "* | "FAIL: "* | "SKIP: "* | "INFO: "*) add_check_line "$line" ;;
		esac
	done
}

# Adds line $1 to the checks if it is a whole "STATUS: id [ref] detail" line;
# anything less is free text. Known deviations turn FAIL into XFAIL and PASS
# into XPASS. Globs, not regular expressions: bash compiles a regex on every
# match, which dominated the cost of long consoles.
add_check_line() {
	local status=${1%%:*} rest=${1:6} id ref
	id=${rest%% *}
	rest=${rest:${#id}}
	is_check_id "$id" && [[ $rest == " ["+([!]])"]"?(" "*) ]] || return 0
	ref=${rest:2}
	ref=${ref%%]*}
	rest=${rest:${#ref}+3}
	[[ $status == PASS || $status == FAIL ]] && [[ -n ${deviation_reasons[$id]-} ]] && status=X$status
	check_status+=("$status") check_id+=("$id") check_ref+=("$ref") check_detail+=("${rest# }")
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
