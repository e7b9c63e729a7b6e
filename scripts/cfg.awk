# Reads unittests.cfg (README.md, "unittests.cfg") in one pass, picks the
# tests a run asks for, and prints them as bash assignments for the runner to
# eval: the array selected (in cfg order) and the cfg_* arrays of
# scripts/cfg.bash keyed by test name, for the selected tests only. A bash
# loop over the cfg would take milliseconds. Every value is printed
# single-quoted, so the eval only ever assigns text. The first error ends
# the output with a call to cfg_error LINE MESSAGE, or die MESSAGE, which
# stops the run.
#
# The known deviations beside the cfg are checked here too (deviations.awk),
# saving the run a process: deviations_error is set to the list's first
# error, which the runner reports only when it runs tests.
#
#   awk -f deviations.awk -f cfg.awk <CFG
#
# The environment (not -v, which would rewrite backslashes) holds:
#   cfg_display           the cfg's name in messages
#   cfg_requested_tests   the requested test names, each ended by a newline
#                         (all tests when empty)
#   cfg_requested_groups  the requested groups, each ended by a newline (any
#                         group when empty)
#   deviations_file       the list of known deviations the target names,
#   deviations_shown      and its name in messages

BEGIN {
	known_keys = "file, smp, extra_params, test_args, groups, timeout, accel, reboot"
	split("file smp timeout extra_params test_args groups accel reboot", keys, " ")
	section = ""
	sections = 0
	failed = 0
}

/^[[:space:]]*(#.*)?$/ { next }

{
	line = $0
	sub(/^[[:space:]]+/, "", line)
	sub(/[[:space:]]+$/, "", line)
	if (line ~ /^\[.*\]$/) {
		close_section()
		open_section(substr(line, 2, length(line) - 2))
	} else if (line ~ /^[A-Za-z0-9_]+[[:space:]]*=/) {
		key = line
		sub(/[[:space:]=].*/, "", key)
		value = substr(line, index(line, "=") + 1)
		sub(/^[[:space:]]+/, "", value)
		if (section == "")
			fail(NR, "'" key "' is outside any [section]; put it under a [test-name] header")
		set_key(key, value)
	} else
		fail(NR, "expected '[test-name]', 'key = value' or a # comment, got '" line "'")
}

END {
	if (failed)
		exit
	close_section()
	select_tests()
	print_selected()
	print "deviations_error=" quoted(load_deviations(ENVIRON["deviations_file"], ENVIRON["deviations_shown"]))
}

# Prints the call that dies with MESSAGE about line NUMBER, and stops.
function fail(number, message) {
	stop("cfg_error " number " " quoted(message))
}

function stop(call) {
	if (!failed)
		print call
	failed = 1
	exit
}

function open_section(name) {
	if (name !~ /^[A-Za-z0-9_-]+$/)
		fail(NR, "bad test name '" name "'; use letters, digits, '_' and '-'")
	if (name in section_line)
		fail(NR, "duplicate section [" name "]; the first is at line " section_line[name])
	section = name
	test_name[++sections] = name
	section_line[name] = NR
	value_of[name, "smp"] = 1
	value_of[name, "timeout"] = 30
	value_of[name, "reboot"] = "no"
}

function close_section() {
	if (section != "" && !((section, "file") in key_line))
		fail(section_line[section], "section [" section "] has no 'file' key; add 'file = <image>.flat'")
}

function set_key(key, value,    where) {
	where = section SUBSEP key
	if (where in key_line)
		fail(NR, "duplicate key '" key "' in [" section "]; the first is at line " key_line[where])
	key_line[where] = NR
	if (key == "file" && value == "")
		fail(NR, "'file' needs an image name, e.g. 'file = selftest.flat'")
	else if ((key == "smp" || key == "timeout") && value !~ /^[1-9][0-9]*$/)
		fail(NR, "'" key "' must be a positive integer, got '" value "'")
	else if (key == "accel" && value != "tcg" && value != "kvm")
		fail(NR, "'accel' must be tcg or kvm, got '" value "'")
	else if (key == "reboot" && value != "yes" && value != "no")
		fail(NR, "'reboot' must be yes or no, got '" value "'")
	else if (key == "extra_params" && has_open_quote(value))
		fail(NR, "unterminated quote in extra_params")
	else if (index(" " known_keys ",", " " key ",") == 0)
		fail(NR, "unknown key '" key "'; known keys: " known_keys)
	value_of[where] = value
}

# Succeeds when TEXT leaves a quote open, read as scripts/shell-words.bash
# splits it: a backslash quotes the next character outside single quotes,
# and inside double quotes only before " \ $ or `.
function has_open_quote(text,    i, c, quote) {
	quote = ""
	for (i = 1; i <= length(text); i++) {
		c = substr(text, i, 1)
		if (quote == "'") {
			if (c == "'")
				quote = ""
		} else if (quote == "\"") {
			if (c == "\\" && index("\"\\$`", substr(text, i + 1, 1)))
				i++
			else if (c == "\"")
				quote = ""
		} else if (c == "\\")
			i++
		else if (c == "'" || c == "\"")
			quote = c
	}
	return quote != ""
}

# Marks selected[NAME]: the named tests (all if none), narrowed to the
# requested groups. Every name must be a test, every group hold one.
function select_tests(    names, groups, wanted, n, g) {
	names = lines_of(ENVIRON["cfg_requested_tests"], wanted)
	for (n = 1; n <= names; n++)
		if (!(wanted[n] in section_line))
			stop("die " quoted("unknown test '" wanted[n] "'; ./run_tests.sh -l lists the tests"))
	groups = lines_of(ENVIRON["cfg_requested_groups"], group)
	for (g = 1; g <= groups; g++)
		if (!group_has_tests(group[g]))
			stop("die " quoted("no test is in group '" group[g] "'; see the groups keys in " \
				ENVIRON["cfg_display"]))
	for (n = 1; n <= names; n++)
		named[wanted[n]] = 1
	for (n = 1; n <= sections; n++)
		if ((names == 0 || test_name[n] in named) && in_groups(test_name[n], groups))
			selected[test_name[n]] = 1
}

# Splits TEXT, lines each ended by a newline, into LINES; returns how many.
function lines_of(text, lines,    n) {
	n = split(text, lines, "\n")
	return n ? n - 1 : 0
}

function group_has_tests(g,    n) {
	for (n = 1; n <= sections; n++)
		if (in_group(test_name[n], g))
			return 1
	return 0
}

# Succeeds when test NAME is in one of the first GROUPS of group[] (in any
# when there are none).
function in_groups(name, groups,    g) {
	if (groups == 0)
		return 1
	for (g = 1; g <= groups; g++)
		if (in_group(name, group[g]))
			return 1
	return 0
}

# A groups value is a blank-separated list of group names.
function in_group(name, g,    words, member, n) {
	words = split(value_of[name, "groups"], member)
	for (n = 1; n <= words; n++)
		if (member[n] == g)
			return 1
	return 0
}

function print_selected(    n, k, out) {
	out = ""
	for (n = 1; n <= sections; n++)
		if (test_name[n] in selected)
			out = out " " quoted(test_name[n])
	print "selected=(" out ")"
	for (k = 1; k <= 8; k++)
		print_values("cfg_" keys[k], value_of, keys[k])
	print_values("cfg_file_line", key_line, "file")
}

# Prints bash array NAME: VALUES[test, KEY] of each selected test ("" where
# the cfg does not set it).
function print_values(name, values, key,    n, out) {
	out = ""
	for (n = 1; n <= sections; n++)
		if (test_name[n] in selected)
			out = out " [" quoted(test_name[n]) "]=" quoted(values[test_name[n], key])
	print name "=(" out ")"
}

# TEXT in single quotes for bash.
function quoted(text,    out, n) {
	out = ""
	while ((n = index(text, "'")) > 0) {
		out = out substr(text, 1, n - 1) "'\\''"
		text = substr(text, n + 1)
	}
	return "'" out text "'"
}
