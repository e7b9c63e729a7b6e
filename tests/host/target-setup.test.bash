# Targets whose set-up fails (a fetch, a build): one line on stderr with the
# cause and the fix, exit 2, and no test reported.

# A fake command $1 in $work/bin (put first on PATH by the tests), its body
# on stdin.
write_fake_command() {
	mkdir -p "$work/bin"
	{ printf '#!/bin/sh\n'; cat; } >"$work/bin/$1"
	chmod +x "$work/bin/$1"
}

# The runner's copy with a passing one-test cfg and a config.mak.
copy_runner_tree_to_set_up() {
	copy_runner_tree
	printf '[t]\nfile = t.flat\n' >"$work/tree/unittests.cfg"
	printf 'QEMU=%s\n' "$fake_qemu" >"$work/tree/config.mak"
	write_passing_image tree/arm/t.flat
}

# An apt that knows no arm64 package, and a dpkg without the arm64 architecture.
write_apt_without_arm64() {
	write_fake_command apt-get <<'SH'
echo "E: Unable to locate package $3" >&2
exit 100
SH
	write_fake_command dpkg <<'SH'
[ "$1" = --print-foreign-architectures ] && exit 0
exec /usr/bin/dpkg "$@"
SH
}

test_xen_fetch_failure_stops_the_run_with_the_fix() {
	copy_runner_tree_to_set_up
	write_apt_without_arm64
	PATH=$work/bin:$PATH run_script "$work/tree/run_tests.sh" --target xen
	expect_error "run_tests.sh: target 'xen' is not usable: scripts/targets/xen/fetch.sh: xen-hypervisor-4.17-arm64:arm64 is not in the package lists; fix: scripts/install-deps.sh"
	expect_no_text out "t"
}

test_xen_download_failure_names_the_network() {
	copy_runner_tree_to_set_up
	write_fake_command apt-get <<'SH'
echo "E: Failed to fetch http://archive/xen.deb  Could not resolve 'archive'" >&2
exit 100
SH
	PATH=$work/bin:$PATH run_script "$work/tree/run_tests.sh" --target xen
	expect_error "scripts/targets/xen/fetch.sh: apt-get download xen-hypervisor-4.17-arm64:arm64 failed (E: Failed to fetch http://archive/xen.deb  Could not resolve 'archive'); fix: scripts/targets/xen/fetch.sh again once the archive can be reached (network, apt's sources)"
}

test_firmware_source_failure_stops_the_run_with_the_fix() {
	copy_runner_tree_to_set_up
	write_fake_command apt-get <<'SH'
echo "E: Failed to fetch http://mirror/dists/bookworm/InRelease  Could not resolve 'mirror'" >&2
exit 100
SH
	unset FIRMWARE
	PATH=$work/bin:$PATH FIRMWARE_MIRROR=http://mirror run_script "$work/tree/run_tests.sh" --target firmware
	expect_error "run_tests.sh: target 'firmware' is not usable: scripts/targets/firmware/fetch.sh: apt-get update of the private deb-src list failed (E: Failed to fetch http://mirror/dists/bookworm/InRelease  Could not resolve 'mirror'); fix: scripts/targets/firmware/fetch.sh again once http://mirror can be reached"
	expect_no_text out "t"
}

test_firmware_optional_build_is_refused_with_the_reason() {
	copy_runner_tree_to_set_up
	unset FIRMWARE
	FIRMWARE_BUILD=optional run_script "$work/tree/run_tests.sh" --target firmware
	expect_error "run_tests.sh: target 'firmware' is not usable: scripts/targets/firmware/fetch.sh: TF-A 2.8's QEMU port cannot build ENABLE_PSCI_STAT (it lacks plat/common/plat_psci_common.c's hooks) and has no other optional function: no optional build from Debian's bookworm source; fix: scripts/targets/firmware/fetch.sh"
}

test_kvm_nested_fetch_failure_stops_the_run_with_the_fix() {
	copy_runner_tree_to_set_up
	write_apt_without_arm64
	write_fake_command apt-cache <<'SH'
echo "E: No packages found" >&2
exit 100
SH
	PATH=$work/bin:$PATH run_script "$work/tree/run_tests.sh" --target kvm-nested
	expect_error "run_tests.sh: target 'kvm-nested' is not usable: scripts/targets/kvm-nested/fetch.sh: apt-cache does not know linux-image-arm64:arm64; fix: scripts/install-deps.sh"
}

# A kvm-nested cache with an arm64 Image and an arm64 ELF where the kernel
# and busybox go, and a vmm/ whose build fails as without the cross C library.
write_kvm_nested_tree_whose_vmm_fails() {
	local cache=$work/kvm-nested-cache
	export KVM_NESTED_CACHE_DIR=$cache
	copy_runner_tree_to_set_up
	mkdir -p "$cache" "$work/tree/vmm"
	{ head -c 56 /dev/zero; printf 'ARM\x64'; } >"$cache/vmlinuz"
	{ printf '\x7fELF\x02'; head -c 13 /dev/zero; printf '\xb7\x00'; } >"$cache/busybox"
	echo "linux-image-6.1.0-1-arm64=6.1.1-1" >"$cache/kernel-version"
	printf 'all:\n\t@echo "features-time64.h:20:10: fatal error: bits/wordsize.h: No such file or directory" >&2; exit 1\n' \
		>"$work/tree/vmm/Makefile"
}

test_kvm_nested_vmm_build_failure_names_the_missing_packages() {
	write_kvm_nested_tree_whose_vmm_fails
	printf '#!/bin/sh\necho "missing: libc6-dev-arm64-cross"\nexit 1\n' >"$work/tree/scripts/install-deps.sh"
	run_script "$work/tree/run_tests.sh" --target kvm-nested
	expect_error "run_tests.sh: target 'kvm-nested' is not usable: psci-vmm does not build (features-time64.h:20:10: fatal error: bits/wordsize.h: No such file or directory; all of it in build/vmm/build.log); fix: scripts/install-deps.sh"
	expect_no_text out "t"
	expect_text tree/build/vmm/build.log "bits/wordsize.h"
}

test_kvm_nested_vmm_build_failure_with_every_package_points_at_the_build() {
	write_kvm_nested_tree_whose_vmm_fails
	printf '#!/bin/sh\nexit 0\n' >"$work/tree/scripts/install-deps.sh"
	run_script "$work/tree/run_tests.sh" --target kvm-nested
	expect_error "psci-vmm does not build (features-time64.h:20:10: fatal error: bits/wordsize.h: No such file or directory; all of it in build/vmm/build.log); fix: make vmm shows the errors"
}

test_target_list_does_not_fetch_or_build() {
	copy_runner_tree_to_set_up
	write_fake_command apt-get <<'SH'
echo fetched >>"${0%/*}/fetches"
exit 100
SH
	PATH=$work/bin:$PATH run_script "$work/tree/run_tests.sh" --target list
	expect_status 0
	expect_line out "xen        not usable  Xen 4.17 for arm64 is not in the cache; fix: scripts/targets/xen/fetch.sh"
	expect_line out "kvm-nested not usable  an L1 kernel and busybox is not in the cache; fix: scripts/targets/kvm-nested/fetch.sh"
	[[ ! -e $work/bin/fetches ]] || fail "--target list ran apt-get"
}

test_kvm_nested_psci_version_is_checked_against_the_spec_facts() {
	copy_runner_tree_to_set_up
	mkdir -p "$work/tree/build"
	printf 'spec_psci_versions=(0.2 1.0)\n' >"$work/tree/build/spec.bash"
	KVM_NESTED_PSCI_VERSION=1.1 run_script "$work/tree/run_tests.sh" --target kvm-nested
	expect_error "run_tests.sh: target 'kvm-nested' is not usable: KVM_NESTED_PSCI_VERSION must be 0.2 or 1.0, got '1.1'; fix: unset KVM_NESTED_PSCI_VERSION"
}
