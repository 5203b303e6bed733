package io.tributary;

import io.tributary.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What the contract suites share: a hook that opens a bus of the transport under test (buses are closed
 * after each test) and events that carry a sequence number. Topics and groups of earlier tests may exist:
 * each test uses names of its own.
 */
abstract class BusTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final List<Bus> opened = new ArrayList<>();

    /** A fresh bus with {@code options}. */
    protected abstract Bus openBus(BusOptions options) throws Exception;

    Bus bus() throws Exception {
        return bus(BusOptions.defaults());
    }

    Bus bus(BusOptions options) throws Exception {
        Bus bus = openBus(options);
        opened.add(bus);
        return bus;
    }

    @AfterEach
    void closeBuses() {
        opened.forEach(Bus::close);
    }

    static Event event(String type) {
        return Event.builder(type).data("{}".getBytes(StandardCharsets.UTF_8)).build();
    }

    static Event keyed(String type, String key, int sequence) {
        return Event.builder(type).key(key).data(Integer.toString(sequence).getBytes(StandardCharsets.UTF_8)).build();
    }

    static int sequenceOf(Event event) {
        return Integer.parseInt(new String(event.data(), StandardCharsets.UTF_8));
    }
}
