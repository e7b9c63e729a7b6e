# The conformance matrix as one self-contained HTML page (with
# scripts/matrix-cells.awk): inline CSS, no script. A cell whose runs did not
# all pass opens on click to each such run's test, status and detail.

function html(text) {
	gsub(/&/, "\\&amp;", text)
	gsub(/</, "\\&lt;", text)
	gsub(/>/, "\\&gt;", text)
	gsub(/"/, "\\&quot;", text)
	return text
}

function write_head(   i, t, note) {
	print "<!DOCTYPE html>"
	print "<html lang=\"en\"><head><meta charset=\"utf-8\">"
	print "<title>PSCI conformance matrix</title>"
	print "<style>"
	print "body { font: 14px/1.4 sans-serif; margin: 1.5em; color: #222; }"
	print "table { border-collapse: collapse; margin-bottom: 1.5em; }"
	print "th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }"
	print "thead th { position: sticky; top: 0; background: #e8e8e8; }"
	print "td.cell { white-space: nowrap; }"
	print "td.num { text-align: right; }"
	print "summary { cursor: pointer; }"
	print "details ul { margin: 0.3em 0; padding-left: 1.2em; white-space: normal; min-width: 25em; max-width: 50em; font-weight: normal; }"
	print ".PASS { background: #cdeccd; }"
	print ".FAIL { background: #f4b4b4; font-weight: bold; }"
	print ".XFAIL { background: #fbe3a6; }"
	print ".XPASS { background: #e2bff2; font-weight: bold; }"
	print ".INFO { background: #cfe0f7; }"
	print ".SKIP { background: #eeeeee; color: #666; }"
	print ".none { color: #999; }"
	print ".unusable { color: #888; }"
	print "</style></head><body>"
	print "<h1>PSCI conformance matrix</h1>"
	print "<p>Generated " html(generated) " by <code>./run_tests.sh --matrix</code>; each target is judged"
	print "against its own known deviations (<code>deviations/</code>).</p>"
	print "<h2>Targets</h2>"
	print "<table><thead><tr><th>target</th><th>result</th></tr></thead><tbody>"
	for (i = 1; i <= target_count; i++) {
		t = target_name[i]
		note = html(target_note[t])
		if (target_state[t] == "unusable")
			print "<tr class=\"unusable\"><td>" html(t) "</td><td>not usable: " note "</td></tr>"
		else if (target_state[t] == "error")
			print "<tr><td>" html(t) "</td><td class=\"FAIL\">run stopped: " note "</td></tr>"
		else
			print "<tr><td>" html(t) "</td><td class=\"" (target_state[t] == "ran" ? "PASS" : "FAIL") "\">" note "</td></tr>"
	}
	print "</tbody></table>"
	print "<h2>Checks</h2>"
	print "<p>A cell is the worst result of the check's runs on the target: <span class=\"FAIL\">FAIL</span>,"
	print "<span class=\"XPASS\">XPASS</span> (a known deviation that passed), <span class=\"XFAIL\">XFAIL</span>"
	print "(a known deviation), <span class=\"PASS\">PASS</span>, <span class=\"INFO\">INFO</span>, then"
	print "<span class=\"SKIP\">SKIP</span> when it never ran; with how many runs gave each result."
	print "Click a cell to see the runs that did not pass; - means the check was not reported there.</p>"
	printf "<table><thead><tr><th>check</th><th>reference</th>"
	for (i = 1; i <= column_count; i++)
		printf "<th>%s</th>", html(column[i])
	print "</tr></thead><tbody>"
}

function write_row(id, ref,   i, t) {
	printf "<tr><td><code>%s</code></td><td>%s</td>", html(id), html(ref)
	for (i = 1; i <= column_count; i++) {
		t = column[i]
		if (cell_status[t] == "")
			printf "<td class=\"cell none\">-</td>"
		else if (cell_runs[t] == "")
			printf "<td class=\"cell %s\">%s</td>", cell_status[t], html(cell_text[t])
		else
			printf "<td class=\"cell %s\"><details><summary>%s</summary>%s</details></td>",
			       cell_status[t], html(cell_text[t]), run_list(cell_runs[t])
	}
	print "</tr>"
}

# The runs in lines "test\tstatus\tdetail" as an HTML list.
function run_list(lines,   n, runs, fields, k, list) {
	n = split(lines, runs, "\n")
	list = "<ul>"
	for (k = 1; k < n; k++) {
		split(runs[k], fields, "\t")
		list = list "<li>" html(fields[1]) ": <span class=\"" fields[2] "\">" fields[2] "</span> " html(fields[3]) "</li>"
	}
	return list "</ul>"
}

function write_tail(   i, j, t) {
	print "</tbody></table>"
	print "<h2>Totals</h2>"
	printf "<p>%d checks; cells per result:</p>\n", check_total
	printf "<table><thead><tr><th>target</th>"
	for (j = 1; j <= status_count; j++)
		printf "<th class=\"%s\">%s</th>", status_order[j], status_order[j]
	print "</tr></thead><tbody>"
	for (i = 1; i <= column_count; i++) {
		t = column[i]
		printf "<tr><td>%s</td>", html(t)
		for (j = 1; j <= status_count; j++)
			printf "<td class=\"num\">%d</td>", cells_with[t, status_order[j]]
		print "</tr>"
	}
	print "</tbody></table>"
	print "</body></html>"
}
