# The matrix's cells, shared by its Markdown and HTML writers. Input: first
# the targets file (name, state, note per line), then the check rows sorted
# by check ID (id, ref, target, test, status, detail). For each check the
# writer's write_row(id, ref) is called with, per column target t:
#   cell_status[t]  the worst status of the check's runs on t ("" if none)
#   cell_text[t]    that status and how many runs gave each status
#   cell_runs[t]    one line per run that did not pass: "test\tstatus\tdetail"
# The writer also defines write_head() and write_tail(); targets are in
# target_name[1..target_count], target_state[] and target_note[], and
# cells_with[t, status] counts the checks whose cell on t has that status.
BEGIN {
	FS = "\t"
	column_count = split(columns, column, " ")
	# Worst first: an unexpected result, an expected failure, then what ran
	# well; SKIP only when the check never ran on the target.
	status_count = split("FAIL XPASS XFAIL PASS INFO SKIP", status_order, " ")
}

FILENAME == ARGV[1] {
	target_name[++target_count] = $1
	target_state[$1] = $2
	target_note[$1] = $3
	next
}

!head_written {
	write_head()
	head_written = 1
}

$1 != check_id {
	if (check_id != "")
		flush_check()
	check_id = $1
	check_ref = $2
}

{
	runs[$3, $5]++
	if ($5 != "PASS")
		run_lines[$3] = run_lines[$3] $4 "\t" $5 "\t" $6 "\n"
}

END {
	if (!head_written)
		write_head()
	if (check_id != "")
		flush_check()
	write_tail()
}

function flush_check(   i, j, t, s, parts, statuses) {
	check_total++
	for (i = 1; i <= column_count; i++) {
		t = column[i]
		cell_status[t] = ""
		parts = ""
		statuses = 0
		for (j = 1; j <= status_count; j++) {
			s = status_order[j]
			if (!((t, s) in runs))
				continue
			if (cell_status[t] == "")
				cell_status[t] = s
			parts = parts (statuses++ ? ", " : "") runs[t, s] " " tolower(s)
			delete runs[t, s]
		}
		if (statuses == 1)
			cell_text[t] = cell_status[t] " ×" substr(parts, 1, index(parts, " ") - 1)
		else if (statuses)
			cell_text[t] = cell_status[t] ": " parts
		else
			cell_text[t] = ""
		cell_runs[t] = run_lines[t]
		delete run_lines[t]
		if (cell_status[t] != "")
			cells_with[t, cell_status[t]]++
	}
	write_row(check_id, check_ref)
}
