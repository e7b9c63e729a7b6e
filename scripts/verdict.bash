# Decides a test's verdict from its parsed checks and END line. Only the
# console decides: the VMM's exit status carries no meaning.

declare -A status_count=()

# Sets status_count, counts_text, unexpected_ids (FAIL and XPASS, each id
# once, XPASS marked) and xfail_ids.
count_checks() {
	local i status id total=${#check_status[@]} counts=()
	local -A seen=()
	status_count=([PASS]=0 [FAIL]=0 [XFAIL]=0 [XPASS]=0 [SKIP]=0 [INFO]=0)
	unexpected_ids=() xfail_ids=()
	for i in "${!check_status[@]}"; do
		status=${check_status[i]} id=${check_id[i]}
		status_count[$status]=$((status_count[$status] + 1))
		[[ -z ${seen[$status/$id]-} ]] || continue
		seen[$status/$id]=1
		case $status in
		FAIL) unexpected_ids+=("$id") ;;
		XPASS) unexpected_ids+=("$id (xpass)") ;;
		XFAIL) xfail_ids+=("$id") ;;
		esac
	done
	for status in PASS FAIL XFAIL XPASS SKIP INFO; do
		((status_count[$status] == 0)) || counts+=("${status_count[$status]} ${status,,}")
	done
	counts_text="$total check"
	((total == 1)) || counts_text+=s
	if ((${#counts[@]})); then
		join_into ", " "${counts[@]}"
		counts_text+=": $joined"
	fi
}

# Sets verdict, reason and tail_text (last console lines, only when they
# explain the verdict) from the parsed checks; $1 is 1 when the timeout
# fired, $2 the timeout in seconds.
decide_verdict() {
	count_checks
	reason="" tail_text="" verdict=PASS
	if (($1)); then
		verdict=TIMEOUT reason="timed out after $2 s"
		set_tail_text
	elif [[ -z $end_status ]]; then
		verdict=FAIL reason="no END line: image stopped early"
		set_tail_text
	elif ((${#unexpected_ids[@]})); then
		join_into ", " "${unexpected_ids[@]:0:3}"
		((${#unexpected_ids[@]} <= 3)) || joined+=", ..."
		verdict=FAIL reason="${#unexpected_ids[@]} unexpected: $joined"
	elif [[ $end_status == FAIL ]] && ((status_count[FAIL] + status_count[XFAIL] == 0)); then
		verdict=FAIL reason="END: FAIL without a FAIL check"
	elif [[ $end_status == SKIP ]] && ((status_count[PASS] == 0)); then
		verdict=SKIP reason="image skipped"
		set_first_skip_detail
	fi
}

set_tail_text() {
	set_console_tail
	if ((${#console_tail[@]})); then
		join_into " | " "${console_tail[@]}"
		tail_text=$joined
	else
		tail_text="no console output"
	fi
}

set_first_skip_detail() {
	local i
	for i in "${!check_status[@]}"; do
		if [[ ${check_status[i]} == SKIP ]]; then
			reason+=": ${check_id[i]}${check_detail[i]:+ (${check_detail[i]})}"
			return
		fi
	done
}

# Sets joined to the words after $1 separated by $1.
join_into() {
	local separator=$1
	shift
	printf -v joined "%s$separator" "$@"
	joined=${joined%"$separator"}
}
