# qemu (the default): QEMU's own PSCI over HVC, the image entered at EL1.
# ACCEL=kvm keeps the machine but meets the host kernel's PSCI instead.
target_summary="QEMU's own PSCI over HVC, image at EL1 (qemu-system-aarch64 -machine virt)"
qemu_machine=virt qemu_memory=256

target_probe() { probe_qemu_accel && probe_qemu; }

target_command() { qemu_kernel_command "$1"; }
