# Judges each test from its console log with one awk process
# (scripts/console.awk: the target's filter, the console protocol, power
# events, known deviations, the .checks file and the verdict), and reads its
# answer with a single mapfile: no bash loop runs per console line or check.
# Each awk is exec'd: with a redirection a substitution would fork twice.

console_awk_files=(-f "$srcdir/scripts/deviations.awk" -f "$srcdir/scripts/console-filter.awk"
	-f "$srcdir/scripts/console.awk")

# Dies with the first error of the target's list of known deviations, one
# line naming file and line, so each test's judge can load it unchecked.
# load_cfg checked the list the target named then; one its probe named
# instead (ACCEL=kvm) is checked here.
check_deviations() {
	local file=$cfg_dir/deviations/$target_deviations.txt
	if [[ $file != "$deviations_file" ]]; then
		deviations_file=$file
		deviations_error=$(deviations_check=1 deviations_file=$file deviations_shown=${file#./} \
			exec awk -f "$srcdir/scripts/deviations.awk" </dev/null) || die "awk failed on $file"
	fi
	[[ -z $deviations_error ]] || die "$deviations_error"
}

# Sets verdict, reason, counts_text, tail_text, console_tail, unexpected_ids,
# xfail_ids and xfail_reasons for log $1, and writes the checks to file $2;
# $3 is 1 when the timeout fired, $4 the timeout in seconds. The log is
# awk's input, not an operand, which awk would read as an assignment if it
# looked like one (LOGDIR=a=b).
judge_console() {
	local judged
	mapfile -t judged < <(deviations_file=$deviations_file judge_checks=$2 judge_timed_out=$3 \
		judge_timeout=$4 judge_reports_power=$target_reports_power console_drop=$target_console_drop \
		console_interjection=$target_console_interjection exec awk "${console_awk_files[@]}" <"$1")
	if ((${#judged[@]} < 7)); then
		verdict=FAIL reason="scripts/console.awk could not judge $1" counts_text="" tail_text=""
		console_tail=() unexpected_ids=() xfail_ids=() xfail_reasons=()
		return
	fi
	verdict=${judged[0]} reason=${judged[1]} counts_text=${judged[2]} tail_text=${judged[3]}
	local unexpected=${judged[4]} xfails=${judged[5]} tail=${judged[6]} at=7
	unexpected_ids=("${judged[@]:at:unexpected}")
	at=$((at + unexpected))
	xfail_ids=("${judged[@]:at:xfails}")
	at=$((at + xfails))
	xfail_reasons=("${judged[@]:at:xfails}")
	at=$((at + xfails))
	console_tail=("${judged[@]:at:tail}")
}
