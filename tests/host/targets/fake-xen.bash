# A target whose console holds the hypervisor's own lines, "(XEN) ...",
# between the image's and in the middle of them: QEMU (the fake) boots the
# image, and the console filter takes those lines out of what is parsed.
target_summary="fake hypervisor with its own console lines"
target_keys="test_args"
qemu_machine=virt qemu_memory=256 qemu_accel_words=(-accel tcg -cpu max)

target_probe() { accel=tcg; probe_qemu; }

target_command() { qemu_kernel_command "$1"; }
target_console_interjection="(XEN) "
