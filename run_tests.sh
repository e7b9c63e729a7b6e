#!/bin/bash
# Runs the test images listed in unittests.cfg on a target (QEMU's PSCI by
# default; scripts/targets/ holds the others) and judges each from its
# console protocol.
# shellcheck source-path=SCRIPTDIR
set -u
shopt -s extglob

case $0 in
*/*) srcdir=${0%/*} ;;
*) srcdir=. ;;
esac

die() {
	printf 'run_tests.sh: %s\n' "$1" >&2
	exit 2
}

# shellcheck source=scripts/shell-words.bash
source "$srcdir/scripts/shell-words.bash"
# shellcheck source=scripts/cfg.bash
source "$srcdir/scripts/cfg.bash"
# shellcheck source=scripts/setup.bash
source "$srcdir/scripts/setup.bash"
# shellcheck source=scripts/targets.bash
source "$srcdir/scripts/targets.bash"
# shellcheck source=scripts/qemu.bash
source "$srcdir/scripts/qemu.bash"
# shellcheck source=scripts/console.bash
source "$srcdir/scripts/console.bash"
# shellcheck source=scripts/jobs.bash
source "$srcdir/scripts/jobs.bash"
# shellcheck source=scripts/output.bash
source "$srcdir/scripts/output.bash"

usage() {
	cat <<EOF
Usage: ./run_tests.sh [options] [TEST...]
Runs the named tests of the cfg (all when none is named) on one target.
  --target NAME  where the images run (default: qemu, or TARGET);
                 --target list says which targets are usable here
  --matrix    run every usable target and write logs/matrix.md and .html
  -g GROUP    only tests in GROUP (repeatable, or a comma-separated list)
  -j N        run up to N tests at once; results still print in cfg order
  -t          print TAP version 13 instead of plain lines
  -v          also print each test's command and console output
  -l          list the selected tests and exit
  -n          print each selected test's command and exit
  --cfg FILE  test list to use (default: unittests.cfg beside this script)
  -h          this text
Environment: TARGET, ACCEL (tcg or kvm), QEMU, LKVM, FIRMWARE, FIRMWARE_EL,
FIRMWARE_BL33_ADDR, MAX_SMP, LOGDIR, TESTDIR.
EOF
}

tap=0 verbose=0 list_only=0 dry_run=0 jobs=1 matrix=0 listing_targets=0
target_name=${TARGET:-qemu} target_option=""
cfg_path=$srcdir/unittests.cfg
requested_tests=() requested_groups=()

parse_options() {
	while (($#)); do
		case $1 in
		-h | --help) usage; exit 0 ;;
		-t) tap=1 ;;
		-v) verbose=1 ;;
		-l) list_only=1 ;;
		-n) dry_run=1 ;;
		--matrix) matrix=1 ;;
		-g | -j | --cfg | --target)
			(($# > 1)) || die "$1 needs a value; ./run_tests.sh -h lists the options"
			set_option_value "$1" "$2"
			shift ;;
		-[gj]?*) set_option_value "${1:0:2}" "${1:2}" ;;
		--cfg=* | --target=*) set_option_value "${1%%=*}" "${1#*=}" ;;
		--) shift; requested_tests+=("$@"); break ;;
		-*) die "unknown option '$1'; ./run_tests.sh -h lists the options" ;;
		*) requested_tests+=("$1") ;;
		esac
		shift
	done
}

set_option_value() {
	local groups
	case $1 in
	-g)
		IFS=, read -ra groups <<<"$2"
		requested_groups+=("${groups[@]}") ;;
	-j)
		[[ $2 == [1-9]*([0-9]) ]] || die "-j needs a positive integer, got '$2'"
		jobs=$2 ;;
	--cfg) cfg_path=$2 ;;
	--target) target_name=$2 target_option=$2 ;;
	esac
}

# The matrix runs each usable target in turn with the run's other arguments
# ($@ without --matrix): -g, -j, --cfg and test names.
run_matrix() {
	local argument arguments=()
	if [[ -n $target_option ]] || ((tap || verbose || list_only || dry_run)); then
		die "--matrix runs every usable target; it takes only -g, -j, --cfg and test names"
	fi
	for argument; do
		[[ $argument == --matrix ]] || arguments+=("$argument")
	done
	exec "$srcdir/scripts/matrix.sh" "${arguments[@]}"
}

print_dry_run() {
	local name
	for name in "${selected[@]}"; do
		if runner_skips "$name"; then
			printf '# SKIP %s (%s)\n' "$name" "$skip_reason"
		else
			target_command "$name"
			quote_test_command
			printf '%s\n' "$test_command_line"
		fi
	done
}

main() {
	parse_options "$@"
	((matrix)) && run_matrix "$@"
	if [[ $target_name == list ]]; then
		listing_targets=1
		list_targets
		exit 0
	fi
	load_target "$target_name"
	cfg_display=${cfg_path#./}
	case $cfg_path in
	*/*) cfg_dir=${cfg_path%/*} ;;
	*) cfg_dir=. ;;
	esac
	load_cfg
	if ((list_only)); then
		((${#selected[@]} == 0)) || printf '%s\n' "${selected[@]}"
		exit 0
	fi
	test_dir=${TESTDIR:-$srcdir/arm}
	log_dir=${LOGDIR:-$srcdir/logs/$target}
	require_usable_target
	resolve_max_smp
	if ((dry_run)); then
		print_dry_run
		exit 0
	fi
	check_deviations
	prepare_images
	[[ -d $log_dir ]] || mkdir -p "$log_dir" || die "cannot create LOGDIR '$log_dir'"
	trap 'stop_running_tests; exit 130' INT
	trap 'stop_running_tests; exit 143' TERM
	trap 'stop_running_tests; exit 129' HUP
	start_report
	run_selected_tests
	finish_report
	((failed == 0)) || exit 1
}

main "$@"
