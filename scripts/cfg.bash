# Reads unittests.cfg and picks the tests a run asks for: scripts/cfg.awk
# checks the whole cfg in one pass and prints the selected tests' entries as
# assignments to selected and to cfg_* arrays keyed by test name.

selected=()
declare -A cfg_file=() cfg_smp=() cfg_extra_params=() cfg_test_args=() cfg_groups=() \
	cfg_timeout=() cfg_accel=() cfg_reboot=() cfg_file_line=()

cfg_error() { die "$cfg_display:$1: $2"; }

# cfg.awk prints single-quoted values, or ends on a cfg_error or die call.
# It also checks the list of known deviations the target names (sets
# deviations_file and deviations_error; see check_deviations).
load_cfg() {
	local assignments tests="" groups=""
	[[ -f $cfg_path && -r $cfg_path ]] || die "cannot read '$cfg_path'; pass --cfg FILE"
	((${#requested_tests[@]} == 0)) || printf -v tests '%s\n' "${requested_tests[@]}"
	((${#requested_groups[@]} == 0)) || printf -v groups '%s\n' "${requested_groups[@]}"
	deviations_file=$cfg_dir/deviations/$target_deviations.txt
	# exec: a redirection would otherwise cost the substitution a second fork.
	assignments=$(cfg_display=$cfg_display cfg_requested_tests=$tests cfg_requested_groups=$groups \
		deviations_file=$deviations_file deviations_shown=${deviations_file#./} \
		exec awk -f "$srcdir/scripts/deviations.awk" -f "$srcdir/scripts/cfg.awk" <"$cfg_path") ||
		die "awk failed on '$cfg_path'"
	eval "$assignments"
}
