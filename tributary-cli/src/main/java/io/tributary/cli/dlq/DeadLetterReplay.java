package io.tributary.cli.dlq;

import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import io.tributary.EventPosition;
import io.tributary.cli.OneLineError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Replays dead letters of one queue one at a time, so that each is reported as soon as it is committed and a
 * failure names exactly the dead letter it stopped at. Not thread-safe: one command run.
 *
 * <p>{@link #replayAll} goes on in passes of {@code limit} until nothing is pending, and never replays a dead
 * letter that is one of this run's replays failing again (its event carries {@link DeadLetter#REPLAY_OF} naming a
 * dead letter this run replayed): while the handler still fails, every replay comes back as a new dead letter,
 * and replaying those too would never end.
 */
final class DeadLetterReplay {

    private final DeadLetterQueue queue;
    private final @Nullable String toTopic;
    private final BiConsumer<DeadLetter, EventPosition> onReplayed;
    /** Positions ({@code topic/partition@offset}) of the dead letters this run replayed; at most MAX_PER_RUN. */
    private final Set<String> replayedHere = new HashSet<>();

    /**
     * @param toTopic    where to publish, or {@code null} for each event's origin topic
     * @param onReplayed told of each dead letter once its event is committed, and where it went
     */
    DeadLetterReplay(DeadLetterQueue queue, @Nullable String toTopic, BiConsumer<DeadLetter, EventPosition> onReplayed) {
        this.queue = queue;
        this.toTopic = toTopic;
        this.onReplayed = onReplayed;
    }

    /** How many dead letters this run replayed. */
    int replayed() {
        return replayedHere.size();
    }

    /**
     * Replays every pending dead letter, reading at most {@code limit} per pass.
     *
     * @return how many pending dead letters are, at the end, replays of this run that failed again
     * @throws IllegalStateException if the first {@code limit} pending dead letters are all replays of this run that
     *                               failed again (the rest cannot be seen past them), or after
     *                               {@link DeadLetterSelection#MAX_PER_RUN}
     */
    int replayAll(int limit) {
        while (true) {
            List<DeadLetter> pending = queue.list(limit);
            List<DeadLetter> fresh = pending.stream().filter(letter -> !isReplayOfThisRun(letter)).toList();
            if (fresh.isEmpty()) {
                if (pending.size() == limit) {
                    throw new IllegalStateException("stopped after " + replayed() + " replayed: the first " + limit
                            + " pending dead letters of " + queue.topic() + " are events this run replayed that failed"
                            + " again; fix their handler and run the command again (or raise --limit)");
                }
                return pending.size();
            }
            for (DeadLetter letter : fresh) {
                if (replayed() == DeadLetterSelection.MAX_PER_RUN) {
                    throw new IllegalStateException("replayed " + replayed() + " dead letters of " + queue.topic()
                            + ", the most one run replays; run the command again for the rest");
                }
                replay(letter);
            }
        }
    }

    /**
     * Replays one dead letter.
     *
     * @throws IllegalStateException naming it and how many were replayed before it; it stays pending
     */
    void replay(DeadLetter letter) {
        EventPosition to;
        try {
            to = queue.replay(List.of(letter), toTopic).getFirst();
        } catch (RuntimeException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("dead letter " + DeadLetterLines.at(letter.position()) + " (event "
                    + letter.event().id() + ") of " + queue.topic() + " was not replayed after " + replayed()
                    + " were: " + OneLineError.describe(why) + "; it stays pending, so the same command can be run"
                    + " again", e);
        }
        replayedHere.add(letter.position().toString());
        onReplayed.accept(letter, to);
    }

    private boolean isReplayOfThisRun(DeadLetter letter) {
        String replayOf = letter.event().extensions().get(DeadLetter.REPLAY_OF);
        return replayOf != null && replayedHere.contains(replayOf);
    }
}
