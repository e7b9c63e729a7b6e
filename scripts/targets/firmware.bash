# firmware: an EL3 firmware's PSCI over SMC, the image being its non-secure
# payload (BL33): FIRMWARE=/path/to/flash.bin, else Trusted Firmware-A's QEMU
# port built from Debian's source (scripts/targets/firmware/fetch.sh). QEMU
# runs the firmware from flash (-bios) with secure=on, which turns QEMU's own
# PSCI off; the image is placed in RAM with the generic loader at the address
# the firmware jumps to, and entered at NS-EL2 (FIRMWARE_EL=2, the default,
# with virtualization=on) or NS-EL1.
# The firmware must hand x0 = DTB to BL33 like to a Linux kernel, e.g.
# Trusted Firmware-A's QEMU port built with
#   make PLAT=qemu ARM_LINUX_KERNEL_AS_BL33=1 PRELOADED_BL33_BASE=0x60000000 all fip
# and flash.bin made of bl1.bin with fip.bin at offset 256 KiB.
target_summary="EL3 firmware's PSCI over SMC, image as its BL33 at NS-EL${FIRMWARE_EL:-2} (QEMU -machine virt,secure=on -bios \$FIRMWARE)"
# 0x60000000 is where the TF-A QEMU port puts BL33 (NS_IMAGE_OFFSET), clear
# of the DTB it passes at 0x40000000; the port assumes about 1 GiB of RAM.
firmware_default_bl33_addr=0x60000000
qemu_memory=1024 qemu_accel_words=(-accel tcg -cpu max)
# -append needs -kernel, which with -bios only feeds fw_cfg: no command line.
target_keys="reboot extra_params accel"

target_probe() {
	accel=tcg target_max_smp=8
	firmware_probe_settings && probe_qemu
}

firmware_probe_settings() {
	firmware_bl33_addr=${FIRMWARE_BL33_ADDR:-$firmware_default_bl33_addr}
	if [[ -z ${FIRMWARE-} ]]; then
		# Trusted Firmware-A built from Debian's source on first use, as a run builds the images.
		probe_fetch targets/firmware/fetch.sh "Trusted Firmware-A build ${FIRMWARE_BUILD:-default}" || return 1
		FIRMWARE=$fetched
		firmware_tf_a_settings "${fetched%/*}"
	fi
	if [[ ! -f $FIRMWARE || ! -r $FIRMWARE ]]; then
		unusable_reason="FIRMWARE '$FIRMWARE' is not a readable file"
		unusable_fix="set FIRMWARE=/path/to/flash.bin"
	elif [[ ${FIRMWARE_EL:-2} != [12] ]]; then
		unusable_reason="FIRMWARE_EL must be 1 or 2, got '$FIRMWARE_EL'"
		unusable_fix="unset FIRMWARE_EL"
	elif [[ $firmware_bl33_addr != 0x+([0-9a-fA-F]) ]]; then
		unusable_reason="FIRMWARE_BL33_ADDR must be a hex address like 0x60000000, got '$firmware_bl33_addr'"
		unusable_fix="unset FIRMWARE_BL33_ADDR"
	else
		qemu_machine=virt,secure=on
		[[ ${FIRMWARE_EL:-2} == 2 ]] && qemu_machine+=,virtualization=on
		return 0
	fi
	return 1
}

# The build in directory $1, from fetch.sh: its CPUs under QEMU virt, and
# the deviations list of its TF-A version (deviations/tf-a-MAJOR.MINOR.txt).
firmware_tf_a_settings() {
	local version
	target_max_smp=$(<"$1/max-smp")
	version=$(<"$1/version")
	[[ $version =~ ^([0-9]+\.[0-9]+) ]] && target_deviations=tf-a-${BASH_REMATCH[1]}
}

target_command() {
	local name=$1 image=$test_dir/${cfg_file[$1]}
	qemu_machine_command "$name"
	# QEMU reads a comma in an option value as ",,".
	test_command+=(-bios "$FIRMWARE" -device "loader,file=${image//,/,,},addr=$firmware_bl33_addr,force-raw=on")
	add_extra_params "$name"
}
