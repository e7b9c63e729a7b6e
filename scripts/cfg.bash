# Reads unittests.cfg in a single pass into cfg_* arrays keyed by test name,
# and picks the tests a run asks for.

cfg_known_keys="file, smp, extra_params, test_args, groups, timeout, accel, reboot"
cfg_tests=()
declare -A cfg_file=() cfg_smp=() cfg_extra_params=() cfg_test_args=() \
	cfg_groups=() cfg_timeout=() cfg_accel=() cfg_reboot=() cfg_line=() cfg_key_line=()

cfg_error() { die "$cfg_display:$1: $2"; }

load_cfg() {
	local line number=0 section="" key value
	[[ -f $cfg_path && -r $cfg_path ]] || die "cannot read '$cfg_path'; pass --cfg FILE"
	while IFS= read -r line || [[ -n $line ]]; do
		number=$((number + 1))
		[[ $line == *([[:space:]])?("#"*) ]] && continue
		trim_into line "$line"
		case $line in
		"["*"]")
			close_section "$section"
			section=${line:1:${#line}-2}
			open_section "$section" "$number" ;;
		+([A-Za-z0-9_])*([[:space:]])=*)
			key=${line%%[[:space:]=]*} value=${line#*=}
			value=${value#"${value%%[![:space:]]*}"}
			[[ -n $section ]] || cfg_error "$number" "'$key' is outside any [section]; put it under a [test-name] header"
			set_cfg_key "$section" "$key" "$value" "$number" ;;
		*) cfg_error "$number" "expected '[test-name]', 'key = value' or a # comment, got '$line'" ;;
		esac
	done <"$cfg_path"
	close_section "$section"
}

open_section() {
	local name=$1 number=$2
	[[ $name == +([A-Za-z0-9_-]) ]] ||
		cfg_error "$number" "bad test name '$name'; use letters, digits, '_' and '-'"
	[[ -z ${cfg_line[$name]-} ]] ||
		cfg_error "$number" "duplicate section [$name]; the first is at line ${cfg_line[$name]}"
	cfg_tests+=("$name")
	cfg_line[$name]=$number
	cfg_smp[$name]=1
	cfg_timeout[$name]=30
	cfg_extra_params[$name]="" cfg_test_args[$name]="" cfg_groups[$name]="" cfg_accel[$name]=""
	cfg_reboot[$name]=no
}

close_section() {
	[[ -z $1 || -n ${cfg_file[$1]-} ]] ||
		cfg_error "${cfg_line[$1]}" "section [$1] has no 'file' key; add 'file = <image>.flat'"
}

set_cfg_key() {
	local section=$1 key=$2 value=$3 number=$4
	[[ -z ${cfg_key_line[$section/$key]-} ]] ||
		cfg_error "$number" "duplicate key '$key' in [$section]; the first is at line ${cfg_key_line[$section/$key]}"
	cfg_key_line[$section/$key]=$number
	case $key in
	file)
		[[ -n $value ]] || cfg_error "$number" "'file' needs an image name, e.g. 'file = selftest.flat'"
		cfg_file[$section]=$value ;;
	smp | timeout)
		[[ $value == [1-9]*([0-9]) ]] || cfg_error "$number" "'$key' must be a positive integer, got '$value'"
		if [[ $key == smp ]]; then cfg_smp[$section]=$value; else cfg_timeout[$section]=$value; fi ;;
	accel)
		[[ $value == tcg || $value == kvm ]] || cfg_error "$number" "'accel' must be tcg or kvm, got '$value'"
		cfg_accel[$section]=$value ;;
	reboot)
		[[ $value == yes || $value == no ]] || cfg_error "$number" "'reboot' must be yes or no, got '$value'"
		cfg_reboot[$section]=$value ;;
	extra_params)
		split_shell_words "$value" || cfg_error "$number" "unterminated quote in extra_params"
		cfg_extra_params[$section]=$value ;;
	test_args) cfg_test_args[$section]=$value ;;
	groups) cfg_groups[$section]=$value ;;
	*) cfg_error "$number" "unknown key '$key'; known keys: $cfg_known_keys" ;;
	esac
}

# Fills selected, in cfg order: the named tests (all if none), narrowed to
# the requested groups.
select_tests() {
	local name group
	local -A wanted=()
	for name in "${requested_tests[@]}"; do
		[[ -n ${cfg_line[$name]-} ]] ||
			die "unknown test '$name'; ./run_tests.sh -l lists the tests"
		wanted[$name]=1
	done
	for group in "${requested_groups[@]}"; do
		group_has_tests "$group" || die "no test is in group '$group'; see the groups keys in $cfg_display"
	done
	selected=()
	for name in "${cfg_tests[@]}"; do
		((${#wanted[@]} == 0)) || [[ -n ${wanted[$name]-} ]] || continue
		in_requested_groups "$name" && selected+=("$name")
	done
}

in_group() { [[ " ${cfg_groups[$1]} " == *[[:space:]]"$2"[[:space:]]* ]]; }

group_has_tests() {
	local name
	for name in "${cfg_tests[@]}"; do
		in_group "$name" "$1" && return 0
	done
	return 1
}

in_requested_groups() {
	local group
	((${#requested_groups[@]} == 0)) && return 0
	for group in "${requested_groups[@]}"; do
		in_group "$1" "$group" && return 0
	done
	return 1
}
