# scripts/install-deps.sh (what it checks, when it asks for sudo) and
# scripts/fresh-check.sh -n (the quick start it reads from README.md).

# A PATH of $work/bin alone: bash and grep, and fakes of dpkg, dpkg-query
# and id. Every package counts as installed but those listed in $work/absent;
# dpkg has the arm64 architecture unless $work/no-arm64 exists; id says uid
# $1 (default 0).
write_fake_debian() {
	local tool
	mkdir -p "$work/bin"
	for tool in bash grep env; do
		ln -s "$(type -P "$tool")" "$work/bin/$tool"
	done
	: >>"$work/absent"
	write_fake_tool dpkg-query 'grep -qx "$3" '"$work/absent"' && exit 1; printf "install ok installed"'
	write_fake_tool dpkg '[ -e '"$work/no-arm64"' ] || echo arm64'
	write_fake_tool id "echo ${1:-0}"
	write_fake_tool apt-get 'echo "apt-get $*" >>'"$work/apt-calls"
}

write_fake_tool() {
	printf '#!%s\n%s\n' "$(type -P bash)" "$2" >"$work/bin/$1"
	chmod +x "$work/bin/$1"
}

run_install_deps() {
	run_script env PATH="$work/bin" "$root/scripts/install-deps.sh" "$@"
}

test_install_deps_check_is_silent_when_nothing_is_missing() {
	write_fake_debian
	run_install_deps --check
	expect_status 0
	[[ ! -s $work/out ]] || fail "printed: $(<"$work/out")"
}

test_install_deps_check_lists_the_cross_c_library_and_the_architecture() {
	write_fake_debian
	printf 'libc6-dev-arm64-cross\nqemu-system-arm\n' >"$work/absent"
	: >"$work/no-arm64"
	run_install_deps --check
	expect_status 1
	[[ $(<"$work/out") == "missing: the arm64 architecture in dpkg (dpkg --add-architecture arm64)
missing: libc6-dev-arm64-cross
missing: qemu-system-arm" ]] || fail "printed: $(<"$work/out")"
	[[ ! -e $work/apt-calls ]] || fail "--check ran apt-get"
}

test_install_deps_installs_only_what_is_missing() {
	write_fake_debian
	printf 'libc6-dev-arm64-cross\n' >"$work/absent"
	run_install_deps
	expect_status 0
	expect_line apt-calls "apt-get install -y -q --no-install-recommends libc6-dev-arm64-cross"
}

test_install_deps_reruns_itself_with_sudo_when_not_root() {
	write_fake_debian 1000
	printf 'perl\n' >"$work/absent"
	write_fake_tool sudo 'echo "sudo $*" >'"$work/sudo-call"
	run_install_deps
	expect_status 0
	expect_line sudo-call "sudo -- $root/scripts/install-deps.sh"
	[[ ! -e $work/apt-calls ]] || fail "apt-get ran without root"
}

test_install_deps_without_root_or_sudo_says_run_it_as_root() {
	write_fake_debian 1000
	printf 'perl\n' >"$work/absent"
	run_install_deps
	expect_error "install-deps.sh: needs root to install perl; run it as root"
}

test_install_deps_rejects_unknown_options() {
	write_fake_debian
	run_install_deps --all
	expect_error "install-deps.sh: usage: install-deps.sh [--check]"
}

test_fresh_check_reads_the_quick_start_of_the_readme() {
	run_script "$root/scripts/fresh-check.sh" -n
	expect_status 0
	[[ $(<"$work/out") == "scripts/install-deps.sh && ./run_tests.sh
make check" ]] || fail "read: $(<"$work/out")"
}

test_fresh_check_without_two_quick_start_commands_exits_2() {
	mkdir -p "$work/tree/scripts"
	cp "$root/scripts/fresh-check.sh" "$work/tree/scripts/"
	printf '# Suite\n\n## Quick start\n\n```\nmake check   # only this\n```\n' >"$work/tree/README.md"
	run_script "$work/tree/scripts/fresh-check.sh" -n
	expect_error "fresh-check.sh: $work/tree/README.md: want two commands in the first code block under '## Quick start', found 1"
}
