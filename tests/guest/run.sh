#!/usr/bin/env bash
# The runtime's guard rails, on the real images under the configured QEMU.
exec "${0%/*}/../run-suite.sh" guest "${0%/*}"
