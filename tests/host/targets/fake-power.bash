# A target whose platform performs the whole-system power events itself and
# reports each with a POWER line, among lines of its own starting
# "platform: ": QEMU (the fake) boots the image.
target_summary="fake platform that reports its power events"
target_keys="test_args reboot"
target_reports_power=yes
target_console_drop='^platform: '
qemu_machine=virt qemu_memory=256 qemu_accel_words=(-accel tcg -cpu max)

target_probe() { accel=tcg; probe_qemu; }

target_command() { qemu_kernel_command "$1"; }
