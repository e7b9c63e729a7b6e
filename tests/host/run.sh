#!/usr/bin/env bash
# The runner's own tests, against tests/host/fake-qemu: no images or QEMU needed.
exec "${0%/*}/../run-suite.sh" host "${0%/*}"
