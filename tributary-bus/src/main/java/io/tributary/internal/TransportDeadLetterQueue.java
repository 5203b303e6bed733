package io.tributary.internal;

import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.api.TopicName;
import io.tributary.api.TributaryException;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DeadLetterQueue} over a transport: reads the dead-letter topic from its start with
 * non-waiting reads (twice: resolutions first, then the dead letters they do not resolve), and replays by
 * publishing through the transport. See {@link DeadLetterQueue} for the resolution records.
 */
final class TransportDeadLetterQueue implements DeadLetterQueue {

    private static final int READ_EVENTS = 1024;
    /** Bounds the wait for one publish; far beyond a healthy commit. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(2);
    private static final String SOURCE = "tributary-dlq";

    private final Transport transport;
    private final String topic;

    TransportDeadLetterQueue(Transport transport, String topic) {
        this.transport = transport;
        this.topic = TopicName.of(topic).value();
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public List<DeadLetter> list(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a dead-letter list shows at least 1, asked for " + limit);
        }
        int partitions = transport.existingPartitions(topic);
        Set<String> resolved = new HashSet<>();
        for (int partition = 0; partition < partitions; partition++) {
            readAll(partition, (event, position) -> {
                if (RESOLVED_TYPE.equals(event.type()) && event.extensions().containsKey(RESOLVES)) {
                    resolved.add(event.extensions().get(RESOLVES));
                }
                return true;
            });
        }
        List<DeadLetter> pending = new ArrayList<>();
        for (int partition = 0; partition < partitions && pending.size() < limit; partition++) {
            readAll(partition, (event, position) -> {
                DeadLetter.read(event, position)
                        .filter(letter -> !resolved.contains(key(letter.position())))
                        .ifPresent(pending::add);
                return pending.size() < limit;
            });
        }
        return pending;
    }

    @Override
    public List<EventPosition> replay(List<DeadLetter> deadLetters, @Nullable String toTopic) {
        if (toTopic != null) {
            TopicName.of(toTopic);
        }
        List<EventPosition> replayed = new ArrayList<>();
        for (DeadLetter letter : deadLetters) {
            requireMine(letter);
            String target = toTopic != null ? toTopic : letter.origin().topic();
            EventPosition published = publish(target, letter.replayEvent(), replayed.size(), letter);
            publish(topic, resolution(letter, "replayed", published), replayed.size(), letter);
            replayed.add(published);
        }
        return replayed;
    }

    @Override
    public void purge(List<DeadLetter> deadLetters) {
        int purged = 0;
        for (DeadLetter letter : deadLetters) {
            requireMine(letter);
            publish(topic, resolution(letter, "purged", null), purged++, letter);
        }
    }

    @Override
    public String toString() {
        return "DeadLetterQueue[" + topic + " on " + transport + "]";
    }

    /** Reads one partition from its start to its end, handing each event to {@code visitor} while it says go on. */
    private void readAll(int partition, BiPredicate<Event, EventPosition> visitor) {
        try (PartitionReader reader = transport.reader(topic, partition, StartPosition.earliest())) {
            long position = reader.position();
            while (true) {
                Fetched fetched = reader.next(READ_EVENTS, Duration.ZERO);
                for (int i = 0; i < fetched.count(); i++) {
                    if (!visitor.test(fetched.events()[i], new EventPosition(topic, partition, fetched.offsets()[i]))) {
                        return;
                    }
                }
                if (fetched.isEmpty() && fetched.nextOffset() <= position) {
                    return; // read to the end
                }
                position = fetched.nextOffset();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while reading the dead-letter topic " + topic, e);
        }
    }

    private EventPosition publish(String target, Event event, int doneBefore, DeadLetter letter) {
        try {
            return transport.append(target, event).get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", doneBefore, letter, e);
        } catch (ExecutionException e) {
            throw failure(String.valueOf(e.getCause().getMessage()), doneBefore, letter, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw failure(e.toString(), doneBefore, letter, e);
        }
    }

    private TributaryException failure(String why, int doneBefore, DeadLetter letter, Throwable cause) {
        return new TributaryException("dead letter " + letter.position() + " (event " + letter.event().id() + ") of "
                + topic + " failed after " + doneBefore + " before it succeeded: " + why + "; it stays in the"
                + " dead-letter topic, so the same command can be run again", cause);
    }

    private Event resolution(DeadLetter letter, String resolution, @Nullable EventPosition replayedTo) {
        Event.Builder marker = Event.builder(RESOLVED_TYPE).source(SOURCE).key(letter.event().partitionkey())
                .subject(letter.event().id())
                .extension(RESOLVES, key(letter.position()))
                .extension(RESOLUTION, resolution);
        if (replayedTo != null) {
            marker.extension(REPLAYED_TO, replayedTo.toString());
        }
        return marker.build();
    }

    private void requireMine(DeadLetter letter) {
        if (!letter.position().topic().equals(topic)) {
            throw new IllegalArgumentException("dead letter " + letter.position() + " is not in " + topic
                    + "; use the dead-letter queue of " + letter.position().topic());
        }
    }

    private static String key(EventPosition position) {
        return position.partition() + "@" + position.offset();
    }
}
