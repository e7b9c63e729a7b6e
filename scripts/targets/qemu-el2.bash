# qemu-el2: the same PSCI implementation as qemu, reached over SMC with the
# image entered at EL2: with virtualization=on QEMU emulates EL2 and rewrites
# the DT's /psci method to smc. It shares qemu's known deviations.
target_summary="QEMU's own PSCI over SMC, image at EL2 (qemu-system-aarch64 -machine virt,virtualization=on)"
target_deviations=qemu
qemu_machine=virt,virtualization=on qemu_memory=256

target_probe() { probe_qemu_accel && probe_qemu; }

target_command() { qemu_kernel_command "$1"; }
