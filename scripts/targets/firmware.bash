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
# An entry's test_args go into a copy of the image instead (lib/boot-args.c).
target_keys="test_args reboot extra_params accel"
# The block of the image the arguments are written into: its magic, 16 bytes
# with the NUL, then room for BOOT_ARGS_SIZE bytes (lib/boot-args.h).
firmware_args_magic=psci-suite-args
firmware_args_offset=16
firmware_args_size=512

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

# The build in directory $1, from fetch.sh: its CPUs under QEMU virt, its
# console lines, and the deviations list of its TF-A version
# (deviations/tf-a-MAJOR.MINOR.txt).
firmware_tf_a_settings() {
	local version
	target_max_smp=$(<"$1/max-smp")
	# TF-A's own console lines share the UART with the image: they stay in the log and are not
	# the image's output. Its log levels pad their prefix to 9 characters ("ERROR:   QEMU System
	# Power off"), which tells "INFO:    " from the image's own "INFO: check.id".
	target_console_drop='^(ERROR:   |NOTICE:  |WARNING: |INFO:    |VERBOSE: )'
	version=$(<"$1/version")
	[[ $version =~ ^([0-9]+\.[0-9]+) ]] && target_deviations=tf-a-${BASH_REMATCH[1]}
}

# Sets firmware_args_at to where test_args go in image $1: after its one
# argument block. Fails, with skip_reason set, for an image without one.
firmware_find_args_block() {
	local offsets
	mapfile -t offsets < <(grep -obUa "$firmware_args_magic" "$1" | cut -d: -f1)
	if ((${#offsets[@]} != 1)); then
		skip_reason="the image has ${#offsets[@]} argument blocks ($firmware_args_magic), not one: no way to pass test_args"
		return 1
	fi
	firmware_args_at=$((offsets[0] + firmware_args_offset))
}

target_skips() {
	local args=${cfg_test_args[$1]}
	[[ -n $args ]] || return 1
	if ((${#args} >= firmware_args_size)); then
		skip_reason="test_args longer than the image's argument block ($firmware_args_size bytes)"
		return 0
	fi
	! firmware_find_args_block "$test_dir/${cfg_file[$1]}"
}

# The image test NAME boots: the cfg's, or with test_args a copy in the log
# directory with them written into its argument block.
firmware_bl33() {
	local name=$1 image=$test_dir/${cfg_file[$1]}
	bl33=$image
	[[ -n ${cfg_test_args[$name]} ]] || return 0
	bl33=$log_dir/$name.bl33
	((dry_run)) && return 0
	firmware_find_args_block "$image" && cp "$image" "$bl33" &&
		printf '%s\0' "${cfg_test_args[$name]}" |
		dd of="$bl33" bs=1 seek="$firmware_args_at" conv=notrunc status=none
}

target_command() {
	local name=$1 bl33
	firmware_bl33 "$name"
	qemu_machine_command "$name"
	# QEMU reads a comma in an option value as ",,".
	test_command+=(-bios "$FIRMWARE" -device "loader,file=${bl33//,/,,},addr=$firmware_bl33_addr,force-raw=on")
	add_extra_params "$name"
}
