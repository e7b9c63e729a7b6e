# The conformance matrix: every usable target run with its own deviations,
# checks x targets as Markdown and HTML, unusable targets named with why.

# Tests a-smp1, a-smp2 (another image) and args (test_args, which firmware
# cannot pass); qemu's list knows m.known. Targets: qemu, qemu-el2 and
# firmware usable, kvm not (HOSTTYPE says x86_64).
write_matrix_fixture() {
	write_cfg <<'CFG'
[a-smp1]
file = a.flat
[a-smp2]
file = b.flat
smp = 2
[args]
file = a.flat
test_args = x=1
CFG
	write_image a.flat <<'IMAGE'
PASS: m.stable [R 1] ok
FAIL: m.known [R 2] known
PASS: m.flaky [R 3]
INFO: m.note [R 4] n=1
END: FAIL
IMAGE
	write_image b.flat <<'IMAGE'
PASS: m.stable [R 1] ok
FAIL: m.known [R 2] known
FAIL: m.flaky [R 3] broke <at> "smp2" | here
SKIP: m.skipped [R 5] absent
END: FAIL
IMAGE
	mkdir "$work/deviations"
	printf 'm.known | known | R 2\n' >"$work/deviations/qemu.txt"
	: >"$work/flash.bin"
}

# The matrix covers every target file of the tree it runs from: a copy of
# the runner with qemu, qemu-el2, kvm and firmware only, so that targets added
# to the project leave these tests alone.
run_matrix() {
	local file
	copy_runner_tree
	for file in "$work"/tree/scripts/targets/*.bash; do
		case ${file##*/} in
		qemu.bash | qemu-el2.bash | kvm.bash | firmware.bash) ;;
		*) rm "$file" ;;
		esac
	done
	HOSTTYPE=x86_64 FIRMWARE=$work/flash.bin run_tree_runner --matrix "$@"
}

test_matrix_runs_every_usable_target() {
	write_matrix_fixture
	run_matrix -j 2
	expect_status 1
	expect_line out "matrix: qemu: summary: 2 passed, 1 failed, 0 skipped"
	expect_line out "matrix: qemu-el2: summary: 2 passed, 1 failed, 0 skipped"
	expect_line out "matrix: kvm: not usable: KVM for arm64 guests needs an arm64 host, this one is x86_64; fix: none on this host; run on an arm64 host with KVM"
	expect_line out "matrix: firmware: summary: 0 passed, 2 failed, 1 skipped"
	[[ -f $work/logs/qemu-el2/a-smp2.checks && -f $work/logs/firmware/runner.out ]] ||
		fail "no logs per target under LOGDIR"
}

test_matrix_markdown_has_worst_status_and_counts() {
	write_matrix_fixture
	run_matrix
	local md=logs/matrix.md
	expect_line "$md" "| check | reference | qemu | qemu-el2 | firmware |"
	expect_line "$md" "| \`m.stable\` | R 1 | PASS ×3 | PASS ×3 | PASS ×2 |"
	expect_line "$md" "| \`m.known\` | R 2 | XFAIL ×3 | XFAIL ×3 | **FAIL ×2** |"
	expect_line "$md" "| \`m.flaky\` | R 3 | **FAIL: 1 fail, 2 pass** | **FAIL: 1 fail, 2 pass** | **FAIL: 1 fail, 1 pass** |"
	expect_line "$md" "| \`m.note\` | R 4 | INFO ×2 | INFO ×2 | INFO ×1 |"
	expect_line "$md" "| \`m.skipped\` | R 5 | SKIP ×1 | SKIP ×1 | SKIP ×1 |"
	expect_line "$md" "| kvm | not usable: KVM for arm64 guests needs an arm64 host, this one is x86_64; fix: none on this host; run on an arm64 host with KVM |"
	expect_line "$md" "| firmware | summary: 0 passed, 2 failed, 1 skipped |"
	expect_line "$md" "- \`m.flaky\` on qemu, a-smp2: FAIL broke <at> \"smp2\" | here"
	expect_line "$md" "- \`m.known\` on firmware, a-smp1: FAIL known"
	expect_line "$md" "| qemu | 1 | 0 | 1 | 1 | 1 | 1 |"
}

test_matrix_html_is_one_page_with_failure_details() {
	write_matrix_fixture
	run_matrix
	local html=$work/logs/matrix.html tag opened closed
	[[ $(head -1 "$html") == "<!DOCTYPE html>" ]] || fail "no doctype"
	expect_text logs/matrix.html "<style>"
	expect_no_text logs/matrix.html "<script"
	expect_no_text logs/matrix.html " src="
	expect_text logs/matrix.html '<td class="cell FAIL"><details><summary>FAIL: 1 fail, 2 pass</summary><ul><li>a-smp2: <span class="FAIL">FAIL</span> broke &lt;at&gt; &quot;smp2&quot; | here</li></ul></details></td>'
	expect_text logs/matrix.html '<td class="cell PASS">PASS ×3</td>'
	expect_text logs/matrix.html "not usable: KVM for arm64 guests needs an arm64 host"
	for tag in html body table thead tbody tr details summary ul li; do
		opened=$(grep -o "<${tag}[ >]" "$html" | wc -l)
		closed=$(grep -o "</$tag>" "$html" | wc -l)
		((opened == closed && opened > 0)) || fail "<$tag> opened $opened times, closed $closed"
	done
}

test_matrix_marks_a_target_whose_run_stopped() {
	write_matrix_fixture
	printf 'not a deviation line\n' >"$work/deviations/firmware.txt"
	run_matrix
	expect_status 1
	expect_text logs/matrix.md "| firmware | run stopped: run_tests.sh: "
	expect_line logs/matrix.md "| check | reference | qemu | qemu-el2 | firmware |"
	expect_text logs/matrix.md "| \`m.stable\` | R 1 | PASS ×3 | PASS ×3 | - |"
}

test_matrix_rejects_options_of_a_single_run() {
	write_matrix_fixture
	run_matrix -t
	expect_error "--matrix runs every usable target; it takes only -g, -j, --cfg and test names"
	run_matrix --target qemu
	expect_error "--matrix runs every usable target"
}

test_matrix_stops_on_an_unknown_test() {
	write_matrix_fixture
	run_matrix nosuch
	expect_error "unknown test 'nosuch'"
	[[ ! -e $work/logs/matrix.md ]] || fail "wrote a matrix"
}
