# Known deviations: check IDs whose FAIL is expected on the target the run
# executes on. They live in deviations/<list>.txt beside the cfg, so a cfg
# and the deviations it is judged against travel together. The list is named
# by the target (target_deviations): targets meeting the same PSCI
# implementation share one list. A reason that starts "intermittent:" marks a
# real departure that shows on some runs only (an unlocked race in the
# implementation): its FAIL is XFAIL, and its PASS stays PASS, not XPASS.

declare -A deviation_reasons=()

load_deviations() {
	local file line number=0 id reason reference
	file=$cfg_dir/deviations/$target_deviations.txt
	[[ -f $file ]] || return 0
	while IFS= read -r line || [[ -n $line ]]; do
		number=$((number + 1))
		[[ $line == *([[:space:]])?("#"*) ]] && continue
		trim_into id "${line%%|*}"
		trim_into reason "${line#*|}"
		trim_into reference "${reason#*|}"
		trim_into reason "${reason%%|*}"
		[[ $line == *"|"*"|"* && $line != *"|"*"|"*"|"* && -n $reason && -n $reference ]] ||
			die "${file#./}:$number: expected '<check-id> | <reason> | <reference>', got '$line'"
		is_check_id "$id" || die "${file#./}:$number: '$id' is not a check ID like cpu_on.race.one_success"
		[[ -z ${deviation_reasons[$id]-} ]] || die "${file#./}:$number: '$id' is listed twice; keep one line"
		deviation_reasons[$id]=$reason
	done <"$file"
}

# Sets status to what a check with status $1 and id $2 counts as on this target.
deviation_status() {
	status=$1
	[[ $status == PASS || $status == FAIL ]] && [[ -n ${deviation_reasons[$2]-} ]] || return 0
	[[ $status == PASS && ${deviation_reasons[$2]} == intermittent:* ]] && return 0
	status=X$status
}
