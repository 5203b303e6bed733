package io.tributary.test;

import io.tributary.api.config.ConfigKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The events an assertion is about (a recorder's publishes from one on, matching some criteria) and the
 * three waits the assertions need. Each wait returns the failure message, or empty when the expectation
 * holds.
 *
 * @param recorder the recorder
 * @param from     the first publish that counts (0, or the mark before a block ran)
 * @param scope    words that say which publishes count, for messages ({@code ""} or {@code " from the block on"})
 * @param timeout  longest a wait lasts
 * @param criteria what a matching event satisfies; empty: every event
 */
record EmissionQuery(EventRecorder recorder, int from, String scope, Duration timeout, List<EventCriterion> criteria) {

    EmissionQuery {
        criteria = List.copyOf(criteria);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("an assertion's timeout cannot be negative, was " + timeout);
        }
    }

    EmissionQuery with(EventCriterion criterion) {
        List<EventCriterion> more = new ArrayList<>(criteria);
        more.add(criterion);
        return new EmissionQuery(recorder, from, scope, timeout, more);
    }

    EmissionQuery within(Duration newTimeout) {
        return new EmissionQuery(recorder, from, scope, newTimeout, criteria);
    }

    /** Waits until at least one matching event was emitted. */
    Optional<String> awaitSome() {
        synchronized (recorder) {
            recorder.await(() -> matching() > 0, EventRecorder.deadline(timeout));
            if (matching() > 0) {
                return Optional.empty();
            }
            return Optional.of("Expected the bus to emit " + expectation("an event") + scope + " within " + time()
                    + ", but " + emittedSummary("none of them matching"));
        }
    }

    /** Waits until exactly {@code count} matching events were emitted and the bus settled; fails as soon as there are more. */
    Optional<String> awaitExactly(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("times(" + count + "): a count cannot be negative");
        }
        synchronized (recorder) {
            recorder.await(() -> matching() > count || (matching() == count && recorder.settled()),
                    EventRecorder.deadline(timeout));
            int matching = matching();
            String expected = "Expected the bus to emit exactly " + count + " " + expectation(count == 1 ? "event" : "events")
                    + scope + " within " + time();
            if (matching != count) {
                return Optional.of(expected + ", but " + matching + " of the " + committed() + " events it emitted "
                        + (matching == 1 ? "matches" : "match") + ":" + lines());
            }
            if (!recorder.settled()) {
                return Optional.of(expected + "; " + matching + " were emitted, but the bus did not settle, so more"
                        + " may follow: " + recorder.pendingWork() + lines());
            }
            return Optional.empty();
        }
    }

    /** Waits until the bus settled without emitting a matching event; fails as soon as one is emitted. */
    Optional<String> awaitNone() {
        synchronized (recorder) {
            recorder.await(() -> matching() > 0 || recorder.settled(), EventRecorder.deadline(timeout));
            String expected = "Expected the bus to emit " + expectation("no events") + scope;
            if (matching() > 0) {
                return Optional.of(expected + ", but it emitted " + matching() + ":" + lines());
            }
            if (!recorder.settled()) {
                return Optional.of(expected + "; none so far, but the bus did not settle within " + time()
                        + ", so one may still follow: " + recorder.pendingWork() + lines());
            }
            return Optional.empty();
        }
    }

    // --- called with the recorder's lock held ---------------------------------------------------------

    private int matching() {
        return (int) recorder.since(from).stream().filter(e -> e.isCommitted() && matches(e)).count();
    }

    private long committed() {
        return recorder.since(from).stream().filter(Emission::isCommitted).count();
    }

    private boolean matches(Emission emission) {
        return criteria.stream().allMatch(criterion -> criterion.test().test(emission));
    }

    private String expectation(String noun) {
        return criteria.isEmpty() ? noun
                : noun + " " + criteria.stream().map(EventCriterion::expectation).collect(Collectors.joining(" "));
    }

    private String emittedSummary(String verdict) {
        long committed = committed();
        if (committed == 0) {
            List<Emission> all = recorder.since(from);
            return "it emitted nothing" + scope + (all.isEmpty() ? "" : "; publishes that did not complete:" + lines());
        }
        return "it emitted " + committed + (committed == 1 ? " event" : " events") + scope + ", " + verdict + ":"
                + lines();
    }

    /** Every publish that counts, one per line, with how it differs from the criteria. */
    private String lines() {
        StringBuilder text = new StringBuilder();
        for (Emission emission : recorder.since(from)) {
            text.append("\n  ").append(emission.describe());
            String differences = criteria.stream().filter(c -> !c.test().test(emission))
                    .map(c -> c.difference().apply(emission)).collect(Collectors.joining(", "));
            if (!differences.isEmpty()) {
                text.append("  <- ").append(differences);
            }
        }
        return text.toString();
    }

    private String time() {
        return ConfigKey.formatDuration(timeout);
    }
}
