# The one QEMU process a test runs as, and the cases where the runner cannot
# run a test at all on this host.

# Sets qemu_command to the argument vector for test $1.
build_qemu_command() {
	local name=$1 smp=${cfg_smp[$1]}
	qemu_command=("$qemu" -nodefaults -machine virt)
	if [[ $accel == kvm ]]; then
		qemu_command+=(-accel kvm -cpu host -machine gic-version=host)
	else
		qemu_command+=(-accel tcg -cpu max)
		# The default GICv2 addresses at most 8 CPUs.
		((smp > 8)) && qemu_command+=(-machine gic-version=3)
	fi
	qemu_command+=(-m 256 -smp "$smp" -display none -serial stdio)
	# A guest reset ends the run unless the test needs the boot after it.
	[[ ${cfg_reboot[$name]} == yes ]] || qemu_command+=(-no-reboot)
	qemu_command+=(-kernel "$test_dir/${cfg_file[$name]}")
	[[ -n ${cfg_test_args[$name]} ]] && qemu_command+=(-append "${cfg_test_args[$name]}")
	split_shell_words "${cfg_extra_params[$name]}"
	qemu_command+=("${shell_words[@]}")
}

# Sets qemu_command_line to qemu_command quoted for a shell.
quote_qemu_command() {
	printf -v qemu_command_line '%q ' "${qemu_command[@]}"
	qemu_command_line=${qemu_command_line% }
}

# Sets skip_reason and succeeds when test $1 cannot run here.
runner_skips() {
	local name=$1 smp=${cfg_smp[$1]}
	if [[ -n ${cfg_accel[$name]} && ${cfg_accel[$name]} != "$accel" ]]; then
		skip_reason="runs only with accel=${cfg_accel[$name]}, this run uses $accel"
	elif ((smp > max_smp)); then
		skip_reason="needs $smp vCPUs, MAX_SMP=$max_smp"
	else
		return 1
	fi
}
