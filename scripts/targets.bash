# Targets: where a test image runs, and so whose PSCI it meets. Each target is
# one file scripts/targets/NAME.bash defining the hooks below; a run loads only
# the target it uses, `--target list` loads each in turn.
#
# A target file sets:
#   target_summary         one line: the implementation, conduit and entry EL
#   target_probe           function: can the target run here? It sets what
#                          target_command needs and returns 0, or sets
#                          unusable_reason and unusable_fix (the one command
#                          that makes it usable) and returns 1. Called once
#                          per run; while listing_targets is 1 it must not
#                          write files or die.
#   target_command NAME    function: sets test_command to the argument vector
#                          that runs test NAME (for a batch target: how the
#                          batch runs that image); -n prints it, and it is the
#                          first line of a per-test target's log
# and may set, in the file or in target_probe:
#   target_deviations      name of its list deviations/NAME.txt (default: the
#                          target's own name)
#   target_keys            the cfg keys beyond file, smp, timeout and groups it
#                          honours, out of: test_args, reboot (= yes),
#                          extra_params, accel. An entry setting any other is
#                          skipped on this target
#   accel                  the accelerator an accel = ... entry is matched with
#   target_max_smp         vCPU limit when MAX_SMP is not set (default 64)
#   target_skips NAME      function: succeeds, with skip_reason set, when the
#                          target cannot run test NAME for another reason
#   target_console_drop    an extended regular expression (awk's): console
#                          lines matching it are the platform's own and are
#                          dropped before the console is parsed, so that
#                          protocol lines start at column 0; the log keeps all
#   target_console_interjection  the prefix of the platform's own messages
#                          when one may also cut an image line in two (see
#                          scripts/console-filter.awk)
#   target_reports_power   yes when the platform prints "POWER: <call>" for
#                          each whole-system power event it performs, which
#                          the runner then checks against the image's EXPECT
#                          lines
#   target_run_batch NAME...  function: runs all these tests at once instead
#                          of one process per test (see scripts/jobs.bash)
# What a target needs beyond its file lives in scripts/targets/NAME/ beside it.
# Any other function or variable of a target file starts with its name (e.g.
# xen_cache_dir), so targets never clash with the runner or with each other.
# For targets run by QEMU, scripts/qemu.bash has the shared pieces.

targets_dir=$srcdir/scripts/targets
# The order --target list and the matrix show targets in; any other target
# file follows, alphabetically.
target_order=(qemu qemu-el2 monitor kvm kvm-nested xen firmware)
optional_cfg_keys=(test_args reboot extra_params accel)

# Sets target_names to every target with a file, in target_order.
find_targets() {
	local name file
	local -A seen=()
	target_names=()
	for name in "${target_order[@]}"; do
		[[ -f $targets_dir/$name.bash ]] && target_names+=("$name") && seen[$name]=1
	done
	for file in "$targets_dir"/*.bash; do
		name=${file##*/}
		name=${name%.bash}
		[[ -f $file && -z ${seen[$name]-} ]] && target_names+=("$name")
	done
}

# Loads target $1 over whatever target was loaded before.
load_target() {
	local name=$1
	[[ $name == +([a-z0-9_-]) && -f $targets_dir/$name.bash ]] ||
		die "unknown target '$name'; ./run_tests.sh --target list lists them"
	unset -f target_probe target_command target_skips target_run_batch
	target_skips() { return 1; }
	target=$name target_summary="" target_deviations=$name target_keys="" accel="" target_max_smp=64
	target_console_drop="" target_console_interjection="" target_reports_power=""
	unusable_reason="its probe gave no reason" unusable_fix="see scripts/targets/$name.bash"
	# shellcheck disable=SC1090
	source "$targets_dir/$name.bash"
}

# Dies with one line unless the loaded target can run here.
require_usable_target() {
	target_probe && return 0
	die "target '$target' is not usable: $unusable_reason; fix: $unusable_fix"
}

# For a target that boots what scripts/$1 (a fetch.sh) downloads on first
# use: sets fetched to what the fetcher prints (a path) and succeeds, fetching
# unless only listing targets; else sets unusable_reason to the fetcher's
# one-line error, or to "$2 is not in the cache" when listing, and
# unusable_fix to the command it names ("...; run: FIX") or to the fetcher.
probe_fetch() {
	local fetcher=$srcdir/scripts/$1 error
	fetched=$("$fetcher" --check 2>/dev/null) && return 0
	unusable_reason="$2 is not in the cache" unusable_fix="scripts/$1"
	((listing_targets)) && return 1
	if error=$("$fetcher" 2>&1 >/dev/null) && fetched=$("$fetcher" --check 2>/dev/null); then
		return 0
	fi
	error=${error##*$'\n'}
	error="scripts/$1: ${error#*.sh: }"
	unusable_reason=${error%%; run: *}
	[[ $error == *"; run: "* ]] && unusable_fix=${error##*; run: }
	return 1
}

# Succeeds when file $1 of the suite is built, building it on first use (as
# a run builds the images); else sets unusable_reason and the fix.
probe_built() {
	[[ -f $srcdir/$1 ]] && return 0
	if ((!listing_targets)); then
		ensure_config
		make -s -C "$srcdir" "$1" >/dev/null && [[ -f $srcdir/$1 ]] && return 0
	fi
	unusable_reason="$1 is not built"
	unusable_fix="make $1"
	return 1
}

# Loads the spec's facts the targets check settings against (build/spec.bash,
# which make writes from lib/spec).
probe_spec_facts() {
	probe_built build/spec.bash || return 1
	# shellcheck source=/dev/null
	source "$srcdir/build/spec.bash"
}

# Succeeds when $2 is a published PSCI version (spec facts loaded); else
# sets unusable_reason and the fix for the variable $1 that set it.
probe_psci_version() {
	local n=${#spec_psci_versions[@]} text
	[[ " ${spec_psci_versions[*]} " == *" $2 "* ]] && return 0
	text=$(printf '%s, ' "${spec_psci_versions[@]:0:n-1}")
	unusable_reason="$1 must be ${text%, } or ${spec_psci_versions[n-1]}, got '$2'"
	unusable_fix="unset $1"
	return 1
}

# One line per target: usable (and what it is), or why not and the fix.
list_targets() {
	local name
	find_targets
	for name in "${target_names[@]}"; do
		load_target "$name"
		if target_probe; then
			printf '%-10s usable      %s\n' "$name" "$target_summary"
		else
			printf '%-10s not usable  %s; fix: %s\n' "$name" "$unusable_reason" "$unusable_fix"
		fi
	done
}

resolve_max_smp() {
	if [[ -n ${MAX_SMP-} ]]; then
		[[ $MAX_SMP == [1-9]*([0-9]) ]] || die "MAX_SMP must be a positive integer, got '$MAX_SMP'"
		max_smp=$MAX_SMP
	else
		max_smp=$target_max_smp
	fi
}

# Succeeds when test $1 sets cfg key $2 to something other than its default.
cfg_sets_key() {
	case $2 in
	test_args) [[ -n ${cfg_test_args[$1]} ]] ;;
	reboot) [[ ${cfg_reboot[$1]} == yes ]] ;;
	extra_params) [[ -n ${cfg_extra_params[$1]} ]] ;;
	accel) [[ -n ${cfg_accel[$1]} ]] ;;
	esac
}

# Sets skip_reason and succeeds when test $1 cannot run on this target here.
runner_skips() {
	local name=$1 key
	for key in "${optional_cfg_keys[@]}"; do
		if cfg_sets_key "$name" "$key" && [[ " $target_keys " != *" $key "* ]]; then
			skip_reason="target $target cannot honour $key"
			return 0
		fi
	done
	if [[ -n ${cfg_accel[$name]} && ${cfg_accel[$name]} != "$accel" ]]; then
		skip_reason="runs only with accel=${cfg_accel[$name]}, this run uses $accel"
	elif ((cfg_smp[$name] > max_smp)); then
		skip_reason="needs ${cfg_smp[$name]} vCPUs, MAX_SMP=$max_smp"
	else
		target_skips "$name"
	fi
}

# Sets test_command_line to test_command quoted for a shell: words of only
# safe characters as they are, any other in single quotes.
quote_test_command() {
	local word quoted=()
	for word in "${test_command[@]}"; do
		if [[ -n $word && $word != *[!A-Za-z0-9_./,=:@%+-]* ]]; then
			quoted+=("$word")
		else
			quoted+=("'${word//\'/\'\\\'\'}'")
		fi
	done
	test_command_line=${quoted[*]}
}
