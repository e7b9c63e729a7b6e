# The conformance matrix as Markdown (with scripts/matrix-cells.awk): the
# targets and how their runs went, the checks x targets table, totals, then
# every unexpected result (FAIL, XPASS) with its detail.

function md(text) {
	gsub(/\|/, "\\|", text)
	return text
}

function unexpected(status) {
	return status == "FAIL" || status == "XPASS"
}

function write_head(   i, t, note, header, rule) {
	print "# PSCI conformance matrix"
	print ""
	print "Generated " generated " by `./run_tests.sh --matrix`; each target is judged against its"
	print "own known deviations (`deviations/`)."
	print ""
	print "| target | result |"
	print "| --- | --- |"
	for (i = 1; i <= target_count; i++) {
		t = target_name[i]
		note = target_note[t]
		if (target_state[t] == "unusable")
			note = "not usable: " note
		else if (target_state[t] == "error")
			note = "run stopped: " note
		print "| " t " | " md(note) " |"
	}
	print ""
	print "A cell is the worst result of the check's runs on the target (FAIL, XPASS, XFAIL, PASS,"
	print "INFO, then SKIP when it never ran), with how many runs gave each result; - means the"
	print "check was not reported there."
	print ""
	header = "| check | reference |"
	rule = "| --- | --- |"
	for (i = 1; i <= column_count; i++) {
		header = header " " column[i] " |"
		rule = rule " --- |"
	}
	print header
	print rule
}

function write_row(id, ref,   i, t, line, text, n, runs, fields, k) {
	line = "| `" id "` | " md(ref) " |"
	for (i = 1; i <= column_count; i++) {
		t = column[i]
		text = cell_text[t] == "" ? "-" : cell_text[t]
		if (!unexpected(cell_status[t])) {
			line = line " " text " |"
			continue
		}
		line = line " **" text "** |"
		n = split(cell_runs[t], runs, "\n")
		for (k = 1; k < n; k++) {
			split(runs[k], fields, "\t")
			if (unexpected(fields[2]))
				unexpected_runs[++unexpected_count] = "- `" id "` on " t ", " fields[1] ": " fields[2] " " fields[3]
		}
	}
	print line
}

function write_tail(   i, j, t, line) {
	print ""
	print check_total + 0 " checks; cells per result:"
	print ""
	print "| target | FAIL | XPASS | XFAIL | PASS | INFO | SKIP |"
	print "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
	for (i = 1; i <= column_count; i++) {
		t = column[i]
		line = "| " t " |"
		for (j = 1; j <= status_count; j++)
			line = line " " cells_with[t, status_order[j]] + 0 " |"
		print line
	}
	print ""
	print "## Unexpected results"
	print ""
	if (!unexpected_count)
		print "None."
	for (i = 1; i <= unexpected_count; i++)
		print unexpected_runs[i]
}
