package io.tributary.test;

import io.tributary.Bus;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Entry point of the assertions on emitted events (AssertJ style). Static-import its methods next to
 * AssertJ's {@code assertThat}: the overloads do not clash.
 *
 * <pre>{@code
 * assertThat(recorder).emitted("order.created").withVersion(2).withDataContaining(Map.of("id", 42));
 * assertThatEmitted(bus, () -> service.cancel(42)).emitted("order.cancelled").times(1);
 * assertThat(recorder).emittedNothing();
 * }</pre>
 */
public final class TributaryAssertions {

    private TributaryAssertions() {
    }

    /** Assertions on every event emitted through the recorder's bus. */
    public static EventRecorderAssert assertThat(EventRecorder recorder) {
        return new EventRecorderAssert(Objects.requireNonNull(recorder, "recorder"), 0, "");
    }

    /**
     * Runs {@code block} and returns assertions on the events emitted through {@code bus} from the moment it
     * started: during the block and after it, handlers' reactions included.
     *
     * @param bus a recorded bus: the one {@link TributaryExtension} gives a test, or {@link EventRecorder#bus()}
     * @throws IllegalArgumentException if {@code bus} is not recorded
     * @throws AssertionError           if {@code block} throws (the exception is its cause)
     */
    public static EventRecorderAssert assertThatEmitted(Bus bus, ThrowingCallable block) {
        if (!(bus instanceof RecordingBus recording)) {
            throw new IllegalArgumentException("cannot see what " + bus + " emits: it is not recorded; pass the Bus"
                    + " that TributaryExtension gives the test, or EventRecorder.record(bus).bus()");
        }
        EventRecorder recorder = recording.recorder();
        int mark = recorder.mark();
        try {
            block.call();
        } catch (Throwable e) {
            throw new AssertionError("the block whose events were to be checked threw " + e, e);
        }
        return new EventRecorderAssert(recorder, mark, " from the block on");
    }
}
