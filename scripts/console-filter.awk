# A target's console filter: takes the platform's own lines out of a console
# so that the image's protocol lines start at column 0, before anything is
# parsed (the log keeps every line). The target declares, and the runner
# passes in the environment (not with -v, which would rewrite backslashes):
#   console_drop          an extended regular expression: a console line
#                         matching it is the platform's and is dropped
#   console_interjection  the prefix of the platform's own messages when
#                         the platform writes them on the image's UART as
#                         whole lines of their own, but possibly between two
#                         pieces of an image line (Xen, see scripts/targets/xen/xen.bash):
#                         such a message is dropped, and the piece of the
#                         image line before it is put back in front of the rest
# Run alone with console_print=1 it prints the image's lines of a raw console
# (scripts/targets/xen/run-image.sh -f); scripts/console.awk calls
# filter_console_line() itself.

BEGIN {
	console_drop = ENVIRON["console_drop"]
	console_interjection = ENVIRON["console_interjection"]
	held = ""
}

# Feeds console line LINE (carriage return removed), console line number
# NUMBER. Succeeds when an image line is complete: image_line holds it and
# image_line_number the console line it started on.
function filter_console_line(line, number,    cut) {
	if (console_drop != "" && line ~ console_drop)
		return 0
	if (console_interjection != "" && (cut = index(line, console_interjection))) {
		if (cut > 1)
			hold_piece(substr(line, 1, cut - 1), number)
		return 0
	}
	image_line = held line
	image_line_number = held == "" ? number : held_number
	held = ""
	return 1
}

function hold_piece(piece, number) {
	if (held == "")
		held_number = number
	held = held piece
}

# At the end of the console: succeeds when a held piece is left over as the
# last image line (in image_line, as filter_console_line sets it).
function flush_console_filter() {
	if (held == "")
		return 0
	image_line = held
	image_line_number = held_number
	held = ""
	return 1
}

ENVIRON["console_print"] != "" {
	line = $0
	sub(/\r$/, "", line)
	if (filter_console_line(line, NR))
		print image_line
}

END {
	if (ENVIRON["console_print"] != "" && flush_console_filter())
		print image_line
}
