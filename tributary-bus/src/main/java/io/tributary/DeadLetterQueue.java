package io.tributary;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dead letters of one dead-letter topic, to look at, replay and purge: get one from
 * {@link Bus#deadLetters(String)}; the topic of a group's events of {@code orders} is
 * {@link Subscription#defaultDeadLetterTopic(String, String) orders.<group>.dlq} unless configured. The
 * {@code ./tributary dlq} commands are built on it.
 *
 * <p>A log cannot delete one record, so replaying or purging a dead letter appends a <em>resolution</em> to
 * the same topic: an event of type {@value #RESOLVED_TYPE} with the partition key of the dead letter and the
 * extensions {@value #RESOLVES} ({@code partition@offset} of the dead letter), {@value #RESOLUTION}
 * ({@code replayed} or {@code purged}) and, for a replay, {@value #REPLAYED_TO} (where the event went). A
 * resolved dead letter is no longer listed; retention removes the bytes. Nothing is resolved before its
 * replay is committed: a failed replay leaves the dead letter pending (a crash between the two may replay it
 * twice, with the same event id).
 *
 * <p>Thread-safe; every method reads the whole topic (it is meant for tools, not hot paths) and blocks.
 */
public interface DeadLetterQueue {

    /** Type of the events that mark a dead letter replayed or purged. */
    String RESOLVED_TYPE = "tributary.dlq.resolved";
    /** Extension of a resolution: the dead letter's {@code partition@offset}. */
    String RESOLVES = "dlqresolves";
    /** Extension of a resolution: {@code replayed} or {@code purged}. */
    String RESOLUTION = "dlqresolution";
    /** Extension of a replay's resolution: where the event was published, {@code topic/partition@offset}. */
    String REPLAYED_TO = "dlqreplayedto";

    /** The dead-letter topic. */
    String topic();

    /**
     * The dead letters neither replayed nor purged, at most {@code limit}, by partition and offset. An empty
     * list for a topic that does not exist.
     */
    List<DeadLetter> list(int limit);

    /**
     * Publishes each dead letter's event again, with its original id and {@link DeadLetter#REPLAY_OF} set, to
     * its origin topic (or to {@code toTopic}), waits for the commit, then resolves it. In order; stops at
     * the first failure, whose exception says how many were replayed before it.
     *
     * @return where each event was published, in the order of {@code deadLetters}
     */
    List<EventPosition> replay(List<DeadLetter> deadLetters, @Nullable String toTopic);

    /** Resolves each dead letter as purged, without publishing it. */
    void purge(List<DeadLetter> deadLetters);
}
