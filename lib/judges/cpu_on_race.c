/*
 * The CPU_ON races (6.6): many callers on one OFF target, and a caller
 * against the target's own CPU_OFF. Each round is tallied as it ends; the
 * judges read the tallies, with the first offending rounds kept.
 */
#include <judges/affinity.h>
#include <judges/cpu_on.h>
#include <libc/string.h>

static void keep(struct race_offences *o, const struct race_kept *k)
{
	if (o->rounds < RACE_KEPT)
		o->kept[o->rounds] = *k;
	o->rounds++;
}

static struct race_kept count_returns(const struct race_round *r, int *winner)
{
	struct race_kept k = { .round = r->round };

	for (int i = 0; i < r->callers && i < RACE_MAX_CALLERS; i++) {
		if (answered(r->id, r->version, r->x0[i], PSCI_RET_SUCCESS)) {
			k.success++;
			*winner = i;
		} else if (answered(r->id, r->version, r->x0[i], PSCI_RET_ALREADY_ON)) {
			k.already_on++;
		} else if (answered(r->id, r->version, r->x0[i], PSCI_RET_ON_PENDING)) {
			k.on_pending++;
		} else if (!k.other++) {
			k.value = psci_result(r->id, r->x0[i]);
		}
	}
	return k;
}

/* 6.6, 5.7.1: a target whose CPU_ON succeeded is ON_PENDING or ON until it calls CPU_OFF. */
static void tally_affinity(struct race_tally *t, const struct race_round *r, struct race_kept k)
{
	for (int i = 0; i < r->callers && i < RACE_MAX_CALLERS; i++) {
		if (!answered(r->id, r->version, r->x0[i], PSCI_RET_SUCCESS))
			continue;
		for (int p = 0; p < RACE_AFFINITY_POLLS; p++) {
			s64 state = psci_result(r->affinity_id, r->affinity_x0[i][p]);

			t->affinity_polls++;
			if (state != PSCI_AFF_ON && state != PSCI_AFF_ON_PENDING) {
				k.value = state;
				keep(&t->affinity_off, &k);
				return;
			}
		}
	}
}

void race_tally_round(struct race_tally *t, const struct race_round *r)
{
	int winner = -1;
	struct race_kept k = count_returns(r, &winner);

	t->run.rounds++;
	t->success += k.success;
	t->already_on += k.already_on;
	t->on_pending += k.on_pending;
	t->other += k.other;
	if (k.success != 1)
		keep(&t->not_one_success, &k);
	if (k.other)
		keep(&t->bad_loser, &k);
	tally_affinity(t, r, k);
	if (k.success == 1 && (r->entries != 1 || !context_id_matches(r->id, r->context_id[winner], r->entry_x0))) {
		k.value = (s64)r->entry_x0;
		k.expected = r->context_id[winner];
		k.entries = r->entries;
		keep(&t->wrong_entry, &k);
	}
}

static void rounds_completed(const struct rounds_run *run, const char *what, struct verdict *v)
{
	if (run->stopped)
		verdict_set(v, CHECK_FAIL, "stopped in round %u of %u: %s", run->stopped_round, run->planned, run->stopped);
	else
		verdict_expect(v, run->rounds == run->planned, "%u of %u rounds ran, %s", run->rounds, run->planned, what);
}

void judge_race_rounds_completed(const struct race_tally *t, struct verdict *v)
{
	char what[32];

	snprintf(what, sizeof(what), "%u callers each", t->callers);
	rounds_completed(&t->run, what, v);
}

void judge_vs_off_rounds_completed(const struct vs_off_tally *t, struct verdict *v)
{
	rounds_completed(&t->run, "one CPU_ON against one CPU_OFF each", v);
}

typedef int (*kept_printer)(char *buf, size_t size, const struct race_kept *k);

/* "N of M rounds WHAT; first: round a: ...; round b: ..." with the rounds kept. */
static void fail_with_rounds(struct verdict *v, const struct race_offences *o, u32 of, const char *what,
			     kept_printer print)
{
	char *buf = v->why;
	size_t size = sizeof(v->why), used;

	verdict_set(v, CHECK_FAIL, "%u of %u rounds %s; first:", o->rounds, of, what);
	for (u32 i = 0; i < o->rounds && i < RACE_KEPT; i++) {
		used = strlen(buf);
		if (used + 2 >= size)
			break;
		buf[used] = ' ';
		buf[used + 1] = '\0';
		print(buf + used + 1, size - used - 1, &o->kept[i]);
	}
}

static int print_tally(char *buf, size_t size, const struct race_kept *k)
{
	return snprintf(buf, size, "round %u: %u SUCCESS, %u ALREADY_ON, %u ON_PENDING, %u other;", k->round,
			k->success, k->already_on, k->on_pending, k->other);
}

static int print_other(char *buf, size_t size, const struct race_kept *k)
{
	return snprintf(buf, size, "round %u: %ld (%s);", k->round, k->value, psci_ret_name(k->value));
}

static int print_affinity(char *buf, size_t size, const struct race_kept *k)
{
	return snprintf(buf, size, "round %u: %ld (%s);", k->round, k->value, affinity_result_name(k->value));
}

static int print_entry(char *buf, size_t size, const struct race_kept *k)
{
	return snprintf(buf, size, "round %u: %lu entries, x0 0x%lx for context 0x%lx;", k->round, k->entries,
			(u64)k->value, k->expected);
}

static bool rounds_ran(const struct rounds_run *run, const char *completed_check, struct verdict *v)
{
	if (run->rounds)
		return true;
	verdict_set(v, CHECK_SKIP, "no round ran (see %s)", completed_check);
	return false;
}

void judge_race_one_success(const struct race_tally *t, struct verdict *v)
{
	if (!rounds_ran(&t->run, "cpu_on.race.rounds_completed", v))
		return;
	if (t->not_one_success.rounds)
		fail_with_rounds(v, &t->not_one_success, t->run.rounds, "did not have exactly one SUCCESS", print_tally);
	else
		verdict_set(v, CHECK_PASS, "each of %u rounds had exactly one SUCCESS among %u callers (ALREADY_ON %lu, ON_PENDING %lu in all)",
			    t->run.rounds, t->callers, t->already_on, t->on_pending);
}

void judge_race_losers(const struct race_tally *t, struct verdict *v)
{
	if (!rounds_ran(&t->run, "cpu_on.race.rounds_completed", v))
		return;
	if (t->bad_loser.rounds)
		fail_with_rounds(v, &t->bad_loser, t->run.rounds, "had a caller get neither SUCCESS, ALREADY_ON nor ON_PENDING",
				 print_other);
	else
		verdict_set(v, CHECK_PASS, "over %u rounds every caller but the winner got ALREADY_ON (%lu) or ON_PENDING (%lu)",
			    t->run.rounds, t->already_on, t->on_pending);
}

void judge_race_affinity_after_success(const struct race_tally *t, struct verdict *v)
{
	if (!rounds_ran(&t->run, "cpu_on.race.rounds_completed", v))
		return;
	if (t->affinity_off.rounds)
		fail_with_rounds(v, &t->affinity_off, t->run.rounds,
				 "had AFFINITY_INFO answer neither ON nor ON_PENDING right after SUCCESS, before the target was let go",
				 print_affinity);
	else
		verdict_expect(v, t->affinity_polls, "%u AFFINITY_INFO polls right after SUCCESS: all ON or ON_PENDING",
			       t->affinity_polls);
}

void judge_race_winner_entry(const struct race_tally *t, struct verdict *v)
{
	u32 judged = t->run.rounds - t->not_one_success.rounds;

	if (!rounds_ran(&t->run, "cpu_on.race.rounds_completed", v))
		return;
	if (!judged)
		verdict_set(v, CHECK_SKIP, "no round had exactly one SUCCESS");
	else if (t->wrong_entry.rounds)
		fail_with_rounds(v, &t->wrong_entry, judged,
				 "with one SUCCESS did not see the target enter once with the winner's context ID", print_entry);
	else
		verdict_set(v, CHECK_PASS, "in each of %u rounds with one SUCCESS the target entered once with the winner's context ID",
			    judged);
}

/* 6.6: a CPU_ON that meets a CPU_OFF in progress finds the target still ON, or already OFF. */
void vs_off_tally_round(struct vs_off_tally *t, const struct vs_off_round *r)
{
	struct race_kept k = { .round = r->round, .value = psci_result(r->id, r->x0), .expected = r->context_id,
			       .entries = r->entries };

	t->run.rounds++;
	if (answered(r->id, r->version, r->x0, PSCI_RET_SUCCESS)) {
		t->success++;
		if (r->entries != 1 || !context_id_matches(r->id, r->context_id, r->entry_x0)) {
			k.value = (s64)r->entry_x0;
			keep(&t->bad_start, &k);
		}
		return;
	}
	if (answered(r->id, r->version, r->x0, PSCI_RET_ALREADY_ON))
		t->already_on++;
	else
		keep(&t->bad_answer, &k);
	if (!r->reached_off || !r->restarted) {
		k.value = r->restart_ret;
		k.entries = r->reached_off;
		keep(&t->not_back, &k);
	}
}

#define VS_OFF_COMPLETED "cpu_on.vs_cpu_off.rounds_completed"

void judge_vs_off_answer(const struct vs_off_tally *t, struct verdict *v)
{
	if (!rounds_ran(&t->run, VS_OFF_COMPLETED, v))
		return;
	if (t->bad_answer.rounds)
		fail_with_rounds(v, &t->bad_answer, t->run.rounds, "got neither SUCCESS nor ALREADY_ON", print_other);
	else
		verdict_set(v, CHECK_PASS, "over %u rounds CPU_ON got SUCCESS %lu times (the target already OFF) and ALREADY_ON %lu times (not yet)",
			    t->run.rounds, t->success, t->already_on);
}

void judge_vs_off_clean_start(const struct vs_off_tally *t, struct verdict *v)
{
	if (!rounds_ran(&t->run, VS_OFF_COMPLETED, v))
		return;
	if (!t->success)
		verdict_set(v, CHECK_SKIP, "no CPU_ON of the %u rounds got SUCCESS: no start to judge", t->run.rounds);
	else if (t->bad_start.rounds)
		fail_with_rounds(v, &t->bad_start, t->success,
				 "with SUCCESS did not see the target enter once with the round's context ID", print_entry);
	else
		verdict_set(v, CHECK_PASS, "in each of %lu rounds with SUCCESS the target entered once with the round's context ID",
			    t->success);
}

static int print_not_back(char *buf, size_t size, const struct race_kept *k)
{
	if (!k->entries)
		return snprintf(buf, size, "round %u: the target not OFF;", k->round);
	return snprintf(buf, size, "round %u: OFF, then CPU_ON %ld (%s)%s;", k->round, k->value, psci_ret_name(k->value),
			k->value == PSCI_RET_SUCCESS ? " but no start" : "");
}

/* 5.7.1, 5.6.2: a core AFFINITY_INFO shows OFF is turned on by a CPU_ON like any OFF core. */
void judge_vs_off_off_then_on(const struct vs_off_tally *t, struct verdict *v)
{
	u32 refused = t->run.rounds - t->success;

	if (!rounds_ran(&t->run, VS_OFF_COMPLETED, v))
		return;
	if (!refused)
		verdict_set(v, CHECK_SKIP, "every CPU_ON of the %u rounds got SUCCESS: no CPU_OFF was left to finish",
			    t->run.rounds);
	else if (t->not_back.rounds)
		fail_with_rounds(v, &t->not_back, refused,
				 "without SUCCESS did not see the CPU_OFF complete and a CPU_ON then start the core", print_not_back);
	else
		verdict_set(v, CHECK_PASS, "in each of %u rounds without SUCCESS the CPU_OFF completed (AFFINITY_INFO OFF) and a CPU_ON then started the core",
			    refused);
}
