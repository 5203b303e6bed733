package io.tributary;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The dead-letter contract on {@code file:}, each bus in a fresh directory; groups use the embedded broker's coordinator. */
class FileDeadLettersTest extends DeadLetterContract {

    @TempDir
    Path data;

    private final AtomicInteger buses = new AtomicInteger();

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open("file:" + data.resolve("bus-" + buses.incrementAndGet()), options);
    }
}
