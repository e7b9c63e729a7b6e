/*
 * Running the vCPUs: one thread each in a KVM_RUN loop, until the first of a
 * system event, an error or the deadline ends the run.
 */
#ifndef VMM_RUN_H
#define VMM_RUN_H

#include "vcpu.h"
#include <stdint.h>
#include <time.h>

enum outcome_kind { OUTCOME_SYSTEM_EVENT, OUTCOME_TIMEOUT, OUTCOME_ERROR };

struct outcome {
	enum outcome_kind kind;
	uint32_t event;		/* KVM_SYSTEM_EVENT_* */
	uint64_t flags;		/* the event's data[0] */
	uint64_t args[2];	/* x1, x2 of the vCPU whose call it was */
};

void run_start(struct vcpu *vcpus, int n);
/* Blocks until the run ends; DEADLINE (CLOCK_MONOTONIC) may be NULL. */
struct outcome run_wait(const struct timespec *deadline);
/* Takes every vCPU out of KVM_RUN and joins its thread. */
void run_stop(struct vcpu *vcpus, int n);

#endif
