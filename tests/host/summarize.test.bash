# scripts/summarize.sh: results per target from LOGDIR/TARGET/.

test_summarize_counts_each_target_apart() {
	printf '[t]\nfile = t.flat\n[big]\nfile = t.flat\nsmp = 4\n' | write_cfg
	printf 'PASS: a.b [R 1]\nFAIL: a.known [R 2]\nEND: FAIL\n' | write_image t.flat
	mkdir "$work/deviations"
	printf 'a.known | known | R 2\n' >"$work/deviations/qemu.txt"
	MAX_SMP=2 TESTDIR=$work LOGDIR=$work/logs/qemu run_script "$root/run_tests.sh" --cfg "$work/cfg"
	TESTDIR=$work LOGDIR=$work/logs/qemu-el2 run_script "$root/run_tests.sh" --cfg "$work/cfg" --target qemu-el2
	LOGDIR=$work/logs run_script "$root/scripts/summarize.sh" --cfg "$work/cfg"
	expect_status 0
	expect_line out "| qemu | 2 | 2 | 1 | 0 | 1 | 0 | 0 | 0 |"
	expect_line out "| qemu-el2 | 2 | 4 | 2 | 0 | 2 | 0 | 0 | 0 |"
	expect_line out "| \`a.known\` | R 2 |"
}

test_summarize_without_logs_exits_2() {
	printf '[t]\nfile = t.flat\n' | write_cfg
	LOGDIR=$work/logs run_script "$root/scripts/summarize.sh" --cfg "$work/cfg"
	expect_error "summarize.sh: no target has a .checks file for every selected test"
}
