# A target whose console holds the hypervisor's own lines, "(XEN) ..." from
# column 0, between the image's: QEMU (the fake) boots the image, and the
# console filter takes those lines out of what is parsed.
target_summary="fake hypervisor with its own console lines"
target_keys="test_args"
qemu_machine=virt qemu_memory=256 qemu_accel_words=(-accel tcg -cpu max)

target_probe() { accel=tcg; probe_qemu; }

target_command() { qemu_kernel_command "$1"; }

target_filter_console() {
	local line kept=()
	for line in "${console_lines[@]}"; do
		[[ $line == "(XEN) "* ]] || kept+=("$line")
	done
	console_lines=("${kept[@]}")
}
