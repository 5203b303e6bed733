package io.tributary.test;

import io.tributary.Bus;
import io.tributary.Tributary;
import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.test.TributaryTest.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One test's bus with what it stands on: the broker of {@link Transport#SERVER}, the temporary directory of
 * {@link Transport#FILE} and {@link Transport#SERVER}. Kept in the test's extension store, which closes it.
 */
final class TestBus implements AutoCloseable {

    private final EventRecorder recorder;
    private final @Nullable Broker broker;
    private final @Nullable Path directory;

    private TestBus(EventRecorder recorder, @Nullable Broker broker, @Nullable Path directory) {
        this.recorder = recorder;
        this.broker = broker;
        this.directory = directory;
    }

    static TestBus open(Transport transport, String settings) {
        String query = settings.isBlank() ? "" : "?" + settings.strip();
        return switch (transport) {
            case MEM -> new TestBus(EventRecorder.record(Tributary.open("mem:" + query)), null, null);
            case FILE -> {
                Path directory = temporaryDirectory();
                try {
                    yield new TestBus(EventRecorder.record(Tributary.open("file:" + directory + query)), null, directory);
                } catch (RuntimeException | Error e) {
                    delete(directory);
                    throw e;
                }
            }
            case SERVER -> {
                Path directory = temporaryDirectory();
                Broker broker = null;
                try {
                    broker = Broker.start(BrokerConfig.defaults(directory).withPort(0).withHttpPort(0));
                    InetSocketAddress address = broker.address();
                    Bus bus = Tributary.open("tributary://" + address.getHostString() + ":" + address.getPort() + query);
                    yield new TestBus(EventRecorder.record(bus), broker, directory);
                } catch (RuntimeException | Error e) {
                    if (broker != null) {
                        broker.close();
                    }
                    delete(directory);
                    throw e;
                }
            }
        };
    }

    EventRecorder recorder() {
        return recorder;
    }

    /** Closes the bus, then stops the broker, then deletes the directory; each step runs even if one before failed. */
    @Override
    public void close() {
        try {
            recorder.bus().close();
        } finally {
            try {
                if (broker != null) {
                    broker.close();
                }
            } finally {
                if (directory != null) {
                    delete(directory);
                }
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tributary-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the test's bus", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test bus's directory " + directory, e);
        }
    }
}
