#include "run.h"
#include "console.h"
#include "die.h"
#include "uart.h"
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

/* Notes about stray MMIO stop after this many: a guest in a loop would flood the log. */
#define MAX_STRAY_MMIO_NOTES 8
#define KICK_SIGNAL SIGUSR1
/* How often the guest's queued UART output is moved to the console while it runs. */
#define DRAIN_INTERVAL_NS 20000000L

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ended_cond;
static bool ended;
static struct outcome result;
static volatile sig_atomic_t stopping;
static int stray_mmio_notes;

/* The first outcome wins; later ones (other vCPUs, the stop itself) are dropped. */
static void end_run(struct outcome o)
{
	pthread_mutex_lock(&lock);
	if (!ended) {
		ended = true;
		result = o;
		pthread_cond_signal(&ended_cond);
	}
	pthread_mutex_unlock(&lock);
}

static void stray_mmio(const struct vcpu *vcpu)
{
	struct kvm_run *run = vcpu->run;

	if (!run->mmio.is_write)
		memset(run->mmio.data, 0, sizeof(run->mmio.data));
	uart_drain();
	if (__atomic_fetch_add(&stray_mmio_notes, 1, __ATOMIC_RELAXED) < MAX_STRAY_MMIO_NOTES)
		console_note("vCPU %d: %u-byte %s at 0x%llx, where there is no device (%s)", vcpu->index,
			     run->mmio.len, run->mmio.is_write ? "write" : "read",
			     (unsigned long long)run->mmio.phys_addr, run->mmio.is_write ? "ignored" : "reads 0");
}

/* Returns false when this exit ends the run. */
static bool handle_exit(const struct vcpu *vcpu)
{
	struct kvm_run *run = vcpu->run;

	switch (run->exit_reason) {
	case KVM_EXIT_MMIO:
		if (!uart_mmio(run))
			stray_mmio(vcpu);
		return true;
	case KVM_EXIT_INTR:
		return true;
	case KVM_EXIT_SYSTEM_EVENT:
		/* The call's arguments, which the event does not carry, are still in x1 and x2. */
		end_run((struct outcome){ OUTCOME_SYSTEM_EVENT, run->system_event.type, run->system_event.data[0],
					  { vcpu_get_x(vcpu, 1), vcpu_get_x(vcpu, 2) } });
		return false;
	default:
		console_note("vCPU %d: unexpected KVM exit reason %u", vcpu->index, run->exit_reason);
		end_run((struct outcome){ .kind = OUTCOME_ERROR });
		return false;
	}
}

static void *vcpu_loop(void *arg)
{
	struct vcpu *vcpu = arg;

	while (!stopping) {
		if (ioctl(vcpu->fd, KVM_RUN, 0) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			console_note("vCPU %d: KVM_RUN: %s", vcpu->index, strerror(errno));
			end_run((struct outcome){ .kind = OUTCOME_ERROR });
			break;
		}
		if (!handle_exit(vcpu))
			break;
	}
	return NULL;
}

static void on_kick(int sig)
{
	(void)sig;
}

static void init_once(void)
{
	struct sigaction sa = { .sa_handler = on_kick };	/* no SA_RESTART: KVM_RUN returns EINTR */
	pthread_condattr_t attr;

	sigemptyset(&sa.sa_mask);
	sigaction(KICK_SIGNAL, &sa, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&ended_cond, &attr);
}

void run_start(struct vcpu *vcpus, int n)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, init_once);
	ended = false;
	stopping = 0;
	for (int i = 0; i < n; i++) {
		vcpus[i].run->immediate_exit = 0;
		if (pthread_create(&vcpus[i].thread, NULL, vcpu_loop, &vcpus[i]))
			die("cannot start a thread for vCPU %d", i);
	}
}

static bool before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static struct timespec next_drain(const struct timespec *deadline)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_nsec += DRAIN_INTERVAL_NS;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return deadline && before(deadline, &t) ? *deadline : t;
}

struct outcome run_wait(const struct timespec *deadline)
{
	struct outcome o;

	pthread_mutex_lock(&lock);
	while (!ended) {
		struct timespec wake = next_drain(deadline);

		if (pthread_cond_timedwait(&ended_cond, &lock, &wake) != ETIMEDOUT || ended)
			continue;
		if (deadline && !before(&wake, deadline)) {
			ended = true;
			result = (struct outcome){ .kind = OUTCOME_TIMEOUT };
		}
		pthread_mutex_unlock(&lock);
		uart_drain();
		pthread_mutex_lock(&lock);
	}
	o = result;
	pthread_mutex_unlock(&lock);
	return o;
}

/*
 * immediate_exit covers a kick that lands before the thread re-enters
 * KVM_RUN; the signal covers a thread already inside it, e.g. a vCPU that
 * KVM parked after another one's SYSTEM_OFF.
 */
void run_stop(struct vcpu *vcpus, int n)
{
	stopping = 1;
	for (int i = 0; i < n; i++) {
		vcpus[i].run->immediate_exit = 1;
		pthread_kill(vcpus[i].thread, KICK_SIGNAL);
	}
	for (int i = 0; i < n; i++)
		pthread_join(vcpus[i].thread, NULL);
	uart_drain();
	console_flush();
}
