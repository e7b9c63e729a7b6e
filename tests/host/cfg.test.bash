# unittests.cfg parsing: a good cfg, and each error naming its line.

test_cfg_good_cfg_lists_tests_in_order() {
	write_cfg <<'CFG'
# comment

[first]
file = a.flat
smp=2
extra_params = -device 'virtio-rng-device'
test_args = one two
groups = g1  g2
timeout = 5
accel = tcg
  # indented comment
[second-2]
file = b.flat
CFG
	run_runner -l
	expect_status 0
	[[ $(<"$work/out") == $'first\nsecond-2' ]] || fail "-l printed: $(<"$work/out")"
}

test_cfg_unknown_key_names_its_line() {
	printf '[t]\nfile = a.flat\narch = arm64\n' | write_cfg
	run_runner -l
	expect_error "cfg:3: unknown key 'arch'; known keys: file, smp, extra_params, test_args, groups, timeout, accel, reboot"
}

test_cfg_malformed_line_names_its_line() {
	printf '[t]\nfile = a.flat\nsmp: 2\n' | write_cfg
	run_runner -l
	expect_error "cfg:3: expected '[test-name]', 'key = value' or a # comment, got 'smp: 2'"
}

test_cfg_key_outside_section_names_its_line() {
	printf '# top\nfile = a.flat\n[t]\nfile = a.flat\n' | write_cfg
	run_runner -l
	expect_error "cfg:2: 'file' is outside any [section]"
}

test_cfg_bad_section_name_names_its_line() {
	printf '[two words]\nfile = a.flat\n' | write_cfg
	run_runner -l
	expect_error "cfg:1: bad test name 'two words'"
}

test_cfg_duplicate_section_names_both_lines() {
	printf '[t]\nfile = a.flat\n\n[t]\nfile = b.flat\n' | write_cfg
	run_runner -l
	expect_error "cfg:4: duplicate section [t]; the first is at line 1"
}

test_cfg_duplicate_key_names_both_lines() {
	printf '[t]\nfile = a.flat\nsmp = 1\nsmp = 2\n' | write_cfg
	run_runner -l
	expect_error "cfg:4: duplicate key 'smp' in [t]; the first is at line 3"
}

test_cfg_section_without_file_names_its_header() {
	printf '[t]\nfile = a.flat\n[u]\nsmp = 2\n[v]\nfile = a.flat\n' | write_cfg
	run_runner -l
	expect_error "cfg:3: section [u] has no 'file' key"
}

test_cfg_bad_smp_names_its_line() {
	printf '[t]\nfile = a.flat\nsmp = 0\n' | write_cfg
	run_runner -l
	expect_error "cfg:3: 'smp' must be a positive integer, got '0'"
}

test_cfg_bad_timeout_names_its_line() {
	printf '[t]\nfile = a.flat\ntimeout = 1m\n' | write_cfg
	run_runner -l
	expect_error "cfg:3: 'timeout' must be a positive integer, got '1m'"
}

test_cfg_bad_accel_names_its_line() {
	printf '[t]\nfile = a.flat\naccel = hvf\n' | write_cfg
	run_runner -l
	expect_error "cfg:3: 'accel' must be tcg or kvm, got 'hvf'"
}

test_cfg_unterminated_quote_names_its_line() {
	printf "[t]\nfile = a.flat\nextra_params = -device 'virtio\n" | write_cfg
	run_runner -l
	expect_error "cfg:3: unterminated quote in extra_params"
}

test_cfg_missing_image_names_file_line() {
	printf '[t]\nsmp = 1\nfile = absent.flat\n' | write_cfg
	run_runner
	expect_error "cfg:3: image '$work/absent.flat' not found"
}
