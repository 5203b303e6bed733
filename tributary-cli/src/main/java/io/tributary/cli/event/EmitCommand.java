package io.tributary.cli.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tributary.Bus;
import io.tributary.EventPosition;
import io.tributary.cli.TributaryCli;
import io.tributary.cli.client.DurationConverter;
import io.tributary.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary emit}: publishes one event through the {@link Bus} and prints where it was committed,
 * {@code topic/partition@offset id}. The data is JSON ({@code datacontenttype: application/json}), checked
 * before anything is sent and stored as given, minus surrounding whitespace.
 *
 * <p>No {@code -V}: {@code --version} is the event's version here.
 */
@Command(name = "emit", description = "Publish one event; print topic/partition@offset and the event's id.")
public final class EmitCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @ParentCommand
    private TributaryCli parent;

    @Mixin
    private BusUrlOption bus;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "What happened, e.g. order.created.")
    private String type;

    @Option(names = "--topic", defaultValue = "events", paramLabel = "TOPIC",
            description = "Topic to publish to (default ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Partition key: events with the same key stay in order (default: none, spread).")
    private @Nullable String key;

    @Option(names = "--version", defaultValue = "1", paramLabel = "N",
            description = "Schema version of the type, from 1 (default ${DEFAULT-VALUE}).")
    private int version;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "The producing service (default: $TRIBUTARY_EVENT_SOURCE, else tributary).")
    private @Nullable String source;

    @Option(names = "--data", paramLabel = "JSON|-", description = "The data as JSON, or - to read it from stdin (default: none).")
    private @Nullable String data;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the commit (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() throws Exception {
        Event.Builder builder = Event.builder(type).key(key).version(version).source(source);
        byte[] json = data();
        if (json != null) {
            builder.datacontenttype(Event.APPLICATION_JSON).data(json);
        }
        Event event = builder.build();
        EventPosition position;
        try (Bus opened = bus.open()) {
            try {
                position = opened.publish(topic, event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("event " + event.id() + " was not committed within " + timeout
                        + " (--timeout); it may still be stored, look for its id before emitting it again", e);
            }
        }
        parent.terminal().out().println(position + " " + event.id());
        return 0;
    }

    /** The JSON of {@code --data}, whitespace around it removed; {@code null} without {@code --data}. */
    private byte @Nullable [] data() throws IOException {
        if (data == null) {
            return null;
        }
        String text = data.equals("-")
                ? new String(parent.terminal().in().readAllBytes(), StandardCharsets.UTF_8)
                : data;
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--data " + (data.equals("-") ? "from stdin " : "") + "is empty; give"
                    + " a JSON value such as '{\"id\": 42}', or leave --data out for an event without data");
        }
        try {
            JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--data is not JSON (" + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + "); quote text as a JSON string, e.g. --data '\"hello\"'", e);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
