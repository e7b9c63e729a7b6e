# Judges one test from its log in a single pass: the log's first line is the
# command that ran the image, the rest its console. Each console line goes
# through the target's filter (console-filter.awk) and is parsed as the
# console protocol (README.md, "Output formats"); at the end the power events
# the image announced with EXPECT lines are judged, the known deviations
# (deviations.awk) applied, the checks written to the test's .checks file and
# the verdict decided. Only the console decides: the VMM's exit status carries
# no meaning.
#
#   awk -f deviations.awk -f console-filter.awk -f console.awk <LOG
#
# takes, in the environment (not -v, which would rewrite backslashes), the
# filter's settings and:
#   deviations_file     the target's known deviations (checked once per run)
#   judge_checks        the .checks file to write: one TSV line per check,
#                       status, ID, reference, detail
#   judge_timed_out     1 when the cfg timeout fired, else 0
#   judge_timeout       that timeout in seconds
#   judge_reports_power yes when the platform prints a POWER line for each
#                       whole-system power event it performs
# and prints, one value a line, for scripts/console.bash to read at once:
# the verdict, its reason, the check counts, the last console lines when they
# explain the verdict (else empty), the numbers U, X and T, then U unexpected
# check IDs (FAIL, and XPASS marked), X XFAIL IDs, their X deviation reasons,
# and T last console lines.

BEGIN {
	checks_file = ENVIRON["judge_checks"]
	timed_out = ENVIRON["judge_timed_out"] + 0
	timeout = ENVIRON["judge_timeout"]
	reports_power = ENVIRON["judge_reports_power"] == "yes"
	load_deviations(ENVIRON["deviations_file"], "")
	tail_length = 5
	after_length = 3
	shown_length = 80
	line_count = checks = expects = powers = 0
	end_status = parse_error = ""
}

NR == 1 { next }

# A serial console ends its lines with CR LF.
{
	line = $0
	sub(/\r$/, "", line)
	if (filter_console_line(line, NR - 1))
		take_line(image_line, image_line_number)
}

END {
	if (flush_console_filter())
		take_line(image_line, image_line_number)
	# The checks so far are the result lines of the console itself.
	console_checks = checks
	judge_expectations()
	write_checks()
	count_checks()
	decide_verdict()
	print_judgement()
}

# Keeps image line TEXT, console line NUMBER, and parses it. Anything that
# does not start with a protocol keyword is free text; a POWER line is the
# platform's report of a power event it performs.
function take_line(text, number) {
	line_text[++line_count] = text
	line_number[line_count] = number
	if (text ~ /^(PASS|FAIL|SKIP|INFO|END|EXPECT):/)
		parse_protocol_line(text, line_count)
	else if (text ~ /^POWER: /)
		power_at[++powers] = line_count
}

# A line that starts with a protocol keyword must be a whole protocol line:
# the first that is not makes the test FAIL, since its checks can no longer
# be trusted to be all there.
function parse_protocol_line(text, at) {
	if (text ~ /^(PASS|FAIL|SKIP|INFO): / && split_fields(substr(text, 7)))
		add_check(substr(text, 1, 4), field_id, field_ref, field_detail, at)
	else if (text ~ /^END: (PASS|FAIL|SKIP)$/)
		end_status = substr(text, 6)
	else if (text ~ /^EXPECT: poweroff / && split_fields(substr(text, 18)))
		add_expect("poweroff", at)
	else if (text ~ /^EXPECT: reset / && split_fields(substr(text, 15)))
		add_expect("reset", at)
	else if (text ~ /^EXPECT: return / && split_fields(substr(text, 16)))
		add_expect("return", at)
	else if (parse_error == "")
		parse_error = "parse error at console line " line_number[at] ": " shown_text(text)
}

# Sets field_id, field_ref and field_detail from "id [ref] detail" in TEXT
# (the detail and the blank before it optional); fails on anything less.
# IDs are dotted and lower case, e.g. cpu_on.race.one_success. A plain
# match, then index(): mawk's match() costs twice as much.
function split_fields(text,    ref_end) {
	if (text !~ /^[a-z0-9_]+(\.[a-z0-9_]+)+ \[[^]]+\]( |$)/)
		return 0
	field_id = substr(text, 1, index(text, " ") - 1)
	ref_end = index(text, "]")
	field_ref = substr(text, length(field_id) + 3, ref_end - length(field_id) - 3)
	field_detail = substr(text, ref_end + 2)
	return 1
}

# Known deviations turn FAIL into XFAIL and PASS into XPASS.
function add_check(status, id, ref, detail, at) {
	check_status[++checks] = deviation_status(status, id)
	check_id[checks] = id
	check_ref[checks] = ref
	check_detail[checks] = detail
	check_at[checks] = at
}

# An END before an announced reset belongs to a boot that is over: only the
# END of the last boot counts.
function add_expect(event, at) {
	expect_event[++expects] = event
	expect_id[expects] = field_id
	expect_ref[expects] = field_ref
	expect_detail[expects] = field_detail
	expect_at[expects] = at
	if (event == "reset")
		end_status = ""
}

# Turns each EXPECT line into a check, unless it is a reset that the boot
# after it reported itself, or a call that had to return and whose check
# was reported. Where the platform reports its power events, the event it
# performed is judged first.
function judge_expectations(    i, why) {
	for (i = 1; i <= expects; i++) {
		judged = "FAIL"
		if (expect_event[i] == "return") {
			why = reported_after(i) ? "" : came_back_not(i)
		} else
			why = reports_power ? power_mismatch(i) : ""
		if (why == "" && expect_event[i] == "poweroff")
			why = judge_poweroff(i)
		else if (why == "" && expect_event[i] == "reset" && !reported_after(i))
			why = "no boot after the reset reported it"
		if (why != "")
			add_check(judged, expect_id[i], expect_ref[i],
				(expect_detail[i] == "" ? "" : expect_detail[i] ": ") why, expect_at[i])
	}
}

# The platform's report of the event EXPECT line I announced is the first
# POWER line after it and before the next EXPECT line. Its key=value fields
# (call= at least) say what the platform performed; each must be a field of
# the EXPECT line with the same value: a platform reports what it knows of
# the call (a VMM may know only which call), the image all it made. Returns
# what is wrong, or "".
function power_mismatch(i,    next_at, p, performed, performed_field, asked, key) {
	next_at = i < expects ? expect_at[i + 1] : line_count + 1
	for (p = 1; p <= powers; p++) {
		if (power_at[p] <= expect_at[i] || power_at[p] >= next_at)
			continue
		performed = substr(line_text[power_at[p]], 8)
		split_key_values(performed, performed_field)
		split_key_values(expect_detail[i], asked)
		if (!("call" in performed_field))
			return "the platform's POWER line names no call=: " performed
		for (key in performed_field)
			if (!(key in asked) || asked[key] != performed_field[key])
				return "the platform performed " performed "; the image asked for " expect_detail[i]
		return ""
	}
	return "the platform reported no power event"
}

# Sets FIELDS[key] = value for each blank-separated key=value word of TEXT.
function split_key_values(text, fields,    words, n, w, eq) {
	split("", fields)
	n = split(text, words, " ")
	for (w = 1; w <= n; w++)
		if ((eq = index(words[w], "=")) > 1)
			fields[substr(words[w], 1, eq - 1)] = substr(words[w], eq + 1)
}

# The image can say nothing once it is off: the call powered off if nothing
# but blank lines (and the platform's POWER lines) followed it and the VMM
# exited by itself. Sets judged and returns the detail.
function judge_poweroff(i,    n, after, count) {
	after = ""
	count = 0
	for (n = expect_at[i] + 1; n <= line_count && count < after_length; n++) {
		if (line_text[n] ~ /^POWER: / || line_text[n] !~ /[^[:space:]]/)
			continue
		after = after (count++ ? " | " : "") line_text[n]
	}
	if (count)
		return "output after the call: " after
	if (timed_out)
		return "the VMM did not exit within " timeout " s"
	judged = "PASS"
	return "nothing after the call, and the VMM exited by itself"
}

# A call that had to return (EXPECT: return) and stopped the image instead:
# a power-off leaves no boot to say so. Names the power event the platform
# reported, if it did.
function came_back_not(i,    p) {
	for (p = 1; p <= powers; p++)
		if (power_at[p] > expect_at[i])
			return "the call did not come back: the platform performed " substr(line_text[power_at[p]], 8)
	return "the call did not come back: the console ended before the check's result"
}

# A reset is confirmed by the boot after it, a call that returned by the
# image itself: a result line with the same ID after the EXPECT line and
# before the ID is announced again.
function reported_after(i,    j, until, k) {
	until = line_count + 1
	for (j = i + 1; j <= expects; j++)
		if (expect_id[j] == expect_id[i]) {
			until = expect_at[j]
			break
		}
	for (k = 1; k <= console_checks; k++)
		if (check_id[k] == expect_id[i] && check_at[k] > expect_at[i] && check_at[k] < until)
			return 1
	return 0
}

function write_checks(    k) {
	printf "" >checks_file
	for (k = 1; k <= checks; k++)
		printf "%s\t%s\t%s\t%s\n", check_status[k], check_id[k], tsv_field(check_ref[k]),
			tsv_field(check_detail[k]) >checks_file
	close(checks_file)
}

# Counts each status into status_count and lists unexpected (FAIL, and XPASS
# marked) and XFAIL IDs, each once; counts_text says it as the verdict line
# shows it.
function count_checks(    k, key, seen, order, n, list) {
	unexpected = xfails = 0
	for (k = 1; k <= checks; k++) {
		status_count[check_status[k]]++
		key = check_status[k] SUBSEP check_id[k]
		if (key in seen)
			continue
		seen[key] = 1
		if (check_status[k] == "FAIL")
			unexpected_id[++unexpected] = check_id[k]
		else if (check_status[k] == "XPASS")
			unexpected_id[++unexpected] = check_id[k] " (xpass)"
		else if (check_status[k] == "XFAIL")
			xfail_id[++xfails] = check_id[k]
	}
	list = ""
	split("PASS FAIL XFAIL XPASS SKIP INFO", order, " ")
	for (n = 1; n <= 6; n++)
		if (status_count[order[n]])
			list = list (list == "" ? "" : ", ") status_count[order[n]] " " tolower(order[n])
	counts_text = checks " check" (checks == 1 ? "" : "s") (list == "" ? "" : ": " list)
}

# Sets verdict, reason and the console tail (only where it explains the
# verdict), in the order of what matters most.
function decide_verdict(    n) {
	verdict = "PASS"
	reason = ""
	tail_lines = 0
	if (timed_out) {
		verdict = "TIMEOUT"
		reason = "timed out after " timeout " s"
		set_console_tail()
	} else if (parse_error != "") {
		verdict = "FAIL"
		reason = parse_error
	} else if (end_status == "") {
		verdict = "FAIL"
		reason = "no END line: image stopped early"
		set_console_tail()
	} else if (unexpected) {
		verdict = "FAIL"
		reason = unexpected " unexpected: " unexpected_id[1]
		for (n = 2; n <= unexpected && n <= 3; n++)
			reason = reason ", " unexpected_id[n]
		if (unexpected > 3)
			reason = reason ", ..."
	} else if (end_status == "FAIL" && status_count["FAIL"] + status_count["XFAIL"] == 0) {
		verdict = "FAIL"
		reason = "END: FAIL without a FAIL check"
	} else if (end_status == "SKIP" && status_count["PASS"] == 0) {
		verdict = "SKIP"
		reason = "image skipped" first_skip()
	}
}

# The last non-blank console lines, oldest first, in tail_line and joined in
# tail_text.
function set_console_tail(    n, k) {
	for (n = line_count; n >= 1 && tail_lines < tail_length; n--)
		if (line_text[n] ~ /[^[:space:]]/)
			tail_lines++
	tail_text = ""
	k = 0
	for (n++; n <= line_count; n++)
		if (line_text[n] ~ /[^[:space:]]/) {
			tail_line[++k] = line_text[n]
			tail_text = tail_text (k > 1 ? " | " : "") line_text[n]
		}
	if (k == 0)
		tail_text = "no console output"
}

function first_skip(    k) {
	for (k = 1; k <= checks; k++)
		if (check_status[k] == "SKIP")
			return ": " check_id[k] (check_detail[k] == "" ? "" : " (" check_detail[k] ")")
	return ""
}

function print_judgement(    k) {
	print verdict
	print printable(reason)
	print counts_text
	print printable(tail_text)
	print unexpected
	print xfails
	print tail_lines
	for (k = 1; k <= unexpected; k++)
		print unexpected_id[k]
	for (k = 1; k <= xfails; k++)
		print xfail_id[k]
	for (k = 1; k <= xfails; k++)
		print printable(deviation_reason[xfail_id[k]])
	for (k = 1; k <= tail_lines; k++)
		print printable(tail_line[k])
}

# TEXT cut to what a verdict line can show.
function shown_text(text) {
	if (length(text) > shown_length)
		text = substr(text, 1, shown_length) "..."
	return printable(text)
}

# TEXT with control characters but the tab shown as "?": a console may hold
# any byte, and the runner's output goes to terminals and YAML.
function printable(text) {
	gsub(/[\000-\010\012-\037\177]/, "?", text)
	return text
}

function tsv_field(text) {
	gsub(/\t/, " ", text)
	return printable(text)
}
