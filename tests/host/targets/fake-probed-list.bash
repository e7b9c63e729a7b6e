# A target whose probe, not its file, names its list of known deviations,
# as the qemu target's does under ACCEL=kvm: QEMU (the fake) boots the image.
target_summary="fake target naming its deviations in its probe"
qemu_machine=virt qemu_memory=256 qemu_accel_words=(-accel tcg -cpu max)

target_probe() { accel=tcg target_deviations=probed; probe_qemu; }

target_command() { qemu_kernel_command "$1"; }
