# Xen 4.17 as a PSCI implementation under test: QEMU TCG boots Xen as its
# kernel and the test image as a boot module (guest-loader), which Xen starts
# as dom0. dom0 meets Xen's virtual PSCI over HVC at EL1 and writes its
# console with the console_io hypercall, which Xen puts on the PL011 among
# its own "(XEN) " lines. Sourced by scripts/targets/xen/run-image.sh and by the
# runner's xen target.

# EL2 for Xen, and GICv3 (GICv2 addresses at most 8 CPUs). Cortex-A57 has
# nothing newer than Xen 4.17 handles and is cheaper for TCG than -cpu max.
xen_machine=virt,virtualization=on,gic-version=3
xen_cpu=cortex-a57
# Where QEMU puts the image for Xen to find: clear of the DTB QEMU writes at
# the start of RAM and of Xen, which moves itself to the top of RAM.
xen_module_address=0x49000000
xen_ram_mb=1024
xen_dom0_mb=128

# Sets xen_command to the QEMU command that boots image $3 as dom0 with $4
# vCPUs: $1 is qemu-system-aarch64, $2 Xen's arm64 Image, $5 the image's
# command line, $6 "yes" when a reset must reboot the machine rather than
# end QEMU.
xen_build_command() {
	local qemu=$1 xen=$2 image=$3 smp=$4 args=$5 reboot=$6
	xen_command=("$qemu" -nodefaults -machine "$xen_machine"
		-accel tcg -cpu "$xen_cpu" -m "$xen_ram_mb" -smp "$smp" -display none -serial stdio)
	[[ $reboot == yes ]] || xen_command+=(-no-reboot)
	# QEMU reads a comma in a -device value as ",,".
	xen_command+=(-kernel "$xen" -append "$(xen_command_line "$smp")"
		-device "guest-loader,addr=$xen_module_address,kernel=${image//,/,,},bootargs=$(xen_dom0_bootargs "$args")")
}

# Xen's command line for $1 CPUs. One dom0 vCPU per physical CPU, each
# pinned to its own, so dom0 has the CPU count the test asked for and its
# WFI and WFE run natively (vwfi=native) instead of trapping into Xen's
# scheduler, which under TCG made the CPU_ON race test up to 5 times slower.
# dom0_mem is set because Xen warns without it, and any boot warning makes
# Xen count down 3 s before starting dom0. noreboot: a Xen panic halts at
# once instead of rebooting after 5 s. bootscrub=0: Xen hands dom0 its RAM
# uncleared, so after a SYSTEM_RESET the image finds the boot marker it
# left (lib/arm64/boot-marker.h), and no CPU time goes on clearing RAM.
xen_command_line() {
	local words=("dom0_mem=${xen_dom0_mb}M" "dom0_max_vcpus=$1" dom0_vcpus_pin vwfi=native
		console=dtuart dtuart=/pl011@9000000 noreboot bootscrub=0)
	printf '%s' "${words[*]}"
}

# dom0's command line $1 as a guest-loader bootargs value. Xen takes QEMU's
# -append as its own command line only when dom0's is not empty (else Xen
# boots with none, and warns), so an empty one becomes a blank, which the
# image reads as no arguments.
xen_dom0_bootargs() {
	local args=${1:-" "}
	printf '%s' "${args//,/,,}"
}

# Xen writes dom0's output as it comes, unprefixed and unbuffered, taking its
# console lock once per piece of at most 127 bytes; its own messages are
# whole lines starting with this prefix. So a Xen message starts a line, or
# cuts a dom0 line between two pieces: scripts/console-filter.awk drops the
# message and puts the piece before it back in front of the rest of the line.
xen_console_prefix="(XEN) "
