# Builds every test program arm/NAME.c into arm/NAME.elf and arm/NAME.flat
# (an arm64 Linux Image), linked with lib/ and Debian's arm64 libfdt.a, and
# the reference PSCI monitor monitor/monitor.flat from monitor/ the same way.

ifeq ($(filter help clean distclean fresh-check,$(MAKECMDGOALS)),)
include config.mak
endif

.DEFAULT_GOAL := all

# Only when missing: a plain "make" configures with the defaults first.
config.mak:
	./configure

CC := $(CROSS_PREFIX)gcc
OBJCOPY := $(CROSS_PREFIX)objcopy
READELF := $(CROSS_PREFIX)readelf
BUILD := build
# V=1 shows the commands.
Q := $(if $(V),,@)

# -mgeneral-regs-only: exception entry saves only the general registers.
COMMON_FLAGS := -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-common -fpie \
	-mgeneral-regs-only -fno-stack-protector -fno-omit-frame-pointer \
	-Ilib -I$(BUILD)/include -MMD -MP
CFLAGS := -std=gnu11 $(COMMON_FLAGS)
ASFLAGS := -D__ASSEMBLY__ $(COMMON_FLAGS)
LDFLAGS := -nostdlib -static-pie -Wl,--no-dynamic-linker -Wl,-T,lib/arm64/image.lds \
	-Wl,-z,noexecstack -Wl,--build-id=none -Wl,--no-warn-rwx-segments
LIBGCC := $(shell $(CC) -print-libgcc-file-name 2>/dev/null)

# The runtime (portable, C library, architecture) and the spec: what every
# program links. The judges and the fuzz generator: what only the test
# programs link, so that the reference monitor can never borrow a judge.
RUNTIME_SRCS := $(wildcard lib/*.c lib/libc/*.c lib/spec/*.c lib/arm64/*.c lib/arm64/*.S)
CHECK_SRCS := $(wildcard lib/judges/*.c lib/fuzz/*.c)
objects_of = $(addprefix $(BUILD)/,$(addsuffix .o,$(basename $(1))))
RUNTIME_OBJS := $(call objects_of,$(RUNTIME_SRCS))
CHECK_OBJS := $(call objects_of,$(CHECK_SRCS))
TESTS := $(patsubst arm/%.c,%,$(wildcard arm/*.c))
FDT_HEADERS := $(BUILD)/include/libfdt.h $(BUILD)/include/fdt.h

MONITOR_SRCS := $(wildcard monitor/*.c monitor/*.S)
MONITOR_OBJS := $(call objects_of,$(MONITOR_SRCS))

all: $(TESTS:%=arm/%.flat) monitor/monitor.flat $(BUILD)/spec.bash

# Only Debian's two public headers are taken; lib/libfdt_env.h replaces the
# host one so no host C library header reaches the freestanding build.
$(BUILD)/include/%.h: $(FDT_INCLUDE)/%.h
	@mkdir -p $(dir $@)
	ln -sf $< $@

$(BUILD)/%.o: %.c $(FDT_HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

# The image's own name, for its banner and for crashes outside any check.
$(BUILD)/%.name.o:
	@mkdir -p $(dir $@)
	$(Q)echo 'const char test_name[] = "$(notdir $*)";' | $(CC) $(CFLAGS) -x c -c - -o $@

# Links objects $(1) with the runtime into $@. head.S relocates only
# R_AARCH64_RELATIVE; anything else must fail the build.
define link_image
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(1) -Wl,--start-group $(RUNTIME_OBJS) $(LIBFDT) $(LIBGCC) -Wl,--end-group
	@bad=$$($(READELF) -rW $@ | awk '/^[0-9a-f]+ +[0-9a-f]+ +R_/ && $$3 != "R_AARCH64_RELATIVE" {print $$3}' | sort -u); \
	if [ -n "$$bad" ]; then echo "$@: relocations head.S cannot apply: $$bad" >&2; rm -f $@; exit 1; fi
endef

arm/%.elf: $(BUILD)/arm/%.o $(BUILD)/arm/%.name.o $(RUNTIME_OBJS) $(CHECK_OBJS) lib/arm64/image.lds
	$(call link_image,$(BUILD)/arm/$*.o $(BUILD)/arm/$*.name.o $(CHECK_OBJS))

# The reference PSCI monitor: the runtime at EL2, with a test image beneath it.
monitor/monitor.elf: $(MONITOR_OBJS) $(BUILD)/monitor/monitor.name.o $(RUNTIME_OBJS) lib/arm64/image.lds
	$(call link_image,$(MONITOR_OBJS) $(BUILD)/monitor/monitor.name.o)

monitor: monitor/monitor.flat

%.flat: %.elf
	@echo "  OBJCOPY $@"
	$(Q)$(OBJCOPY) -O binary $< $@

# The judges and the spec tables are portable: their host tests feed each
# judge wrong observations and expect FAIL.
HOSTCC ?= cc
JUDGE_SRCS := lib/check-ids.c lib/strlist.c $(wildcard lib/spec/*.c lib/judges/*.c lib/fuzz/*.c)
JUDGE_TESTS := $(wildcard tests/judges/*.c)
$(BUILD)/host/judge-tests: $(JUDGE_SRCS) $(JUDGE_TESTS) $(wildcard lib/*.h lib/libc/*.h lib/spec/*.h lib/judges/*.h lib/fuzz/*.h tests/judges/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Ilib -Itests/judges -o $@ $(JUDGE_SRCS) $(JUDGE_TESTS)

# The spec's facts the scripts read (the published PSCI versions), printed
# by a host program from the spec table itself.
$(BUILD)/host/spec-shell: lib/spec/host/spec-shell.c lib/spec/psci.c lib/spec/refs.h $(wildcard lib/spec/*.h lib/libc/*.h) lib/base.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Ilib -o $@ lib/spec/host/spec-shell.c lib/spec/psci.c

$(BUILD)/spec.bash: $(BUILD)/host/spec-shell
	$(Q)$< >$@.tmp && mv -f $@.tmp $@

# The monitor's table of planted faults, printed on the host for
# scripts/mutants.sh, which so reads the table the monitor itself uses.
$(BUILD)/host/monitor-faults: monitor/host/fault-list.c monitor/fault-table.c monitor/faults.h lib/base.h lib/libc/string.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Ilib -Imonitor -o $@ monitor/host/fault-list.c monitor/fault-table.c

# The suite run against each planted fault: a table, then the mutation score.
mutants: all $(BUILD)/host/monitor-faults
	scripts/mutants.sh

# The VMM the kvm-nested (and native) KVM runs use: a static arm64 program.
vmm:
	$(Q)$(MAKE) -C vmm

check: all $(BUILD)/host/judge-tests $(BUILD)/host/monitor-faults
	tests/check.sh

# README's quick start, run verbatim in a bare Debian root (needs root; no
# config.mak: the host needs none of the suite's packages).
fresh-check:
	scripts/fresh-check.sh

bench: all
	scripts/bench.sh

.PHONY: matrix
matrix: all
	./run_tests.sh --matrix -j $$(nproc)

clean:
	rm -rf $(BUILD) arm/*.elf arm/*.flat monitor/*.elf monitor/*.flat logs

distclean: clean
	rm -f config.mak

help:
	@echo "make [all|monitor|mutants|check|fresh-check|bench|clean|distclean]"

.PHONY: all check fresh-check bench clean distclean help vmm monitor mutants
.SECONDARY:
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
