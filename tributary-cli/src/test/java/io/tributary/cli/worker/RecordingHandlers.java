package io.tributary.cli.worker;

import io.tributary.EventPosition;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionListener;
import io.tributary.api.config.ConfigKey;
import io.tributary.event.Event;
import io.tributary.worker.HandlerRegistry;
import io.tributary.worker.WorkerHandlers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The handlers the worker process tests run: one subscription to {@value #TOPIC_PROPERTY} (default {@code work},
 * from the earliest event) that takes {@value #DELAY_PROPERTY} per event, so that events are in flight, and
 * writes, flushed per line, into {@value #OUT_PROPERTY}:
 *
 * <ul>
 *   <li>{@code <pid>.started}: {@code pid eventId} when the handler starts an event;
 *   <li>{@code <pid>.handled}: {@code pid partition offset eventId} once it finished one (from
 *       {@link SubscriptionListener#eventProcessed}, which the bus calls before it reports the position for
 *       committing: a line is never missing for an event whose offset was committed).
 * </ul>
 */
public final class RecordingHandlers implements WorkerHandlers {

    public static final String OUT_PROPERTY = "tributary.test.out";
    public static final String TOPIC_PROPERTY = "tributary.test.topic";
    public static final String DELAY_PROPERTY = "tributary.test.delay";

    private final long pid = ProcessHandle.current().pid();

    @Override
    public void register(HandlerRegistry handlers) {
        Path out = Path.of(System.getProperty(OUT_PROPERTY, "."));
        Duration delay = ConfigKey.parseDuration(System.getProperty(DELAY_PROPERTY, "0"));
        Lines started = new Lines(out.resolve(pid + ".started"));
        Lines handled = new Lines(out.resolve(pid + ".handled"));
        SubscriptionListener recorder = new SubscriptionListener() {
            @Override
            public void eventProcessed(Subscription subscription, Event event, EventPosition position, Duration took) {
                handled.write(pid + " " + position.partition() + " " + position.offset() + " " + event.id());
            }
        };
        handlers.subscribe(Subscription.to(System.getProperty(TOPIC_PROPERTY, "work")).from(StartPosition.earliest())
                .listener(SubscriptionListener.logging().andThen(recorder)), event -> {
                    started.write(pid + " " + event.id());
                    Thread.sleep(delay);
                });
    }

    /** One file of lines, appended by several workers at once, each line flushed to the OS as it is written. */
    private static final class Lines {
        private final Writer writer;

        Lines(Path file) {
            try {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void write(String line) {
            try {
                writer.write(line);
                writer.write('\n');
                writer.flush(); // a SIGKILL loses no line that was written
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
