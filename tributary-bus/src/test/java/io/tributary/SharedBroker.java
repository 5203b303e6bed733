package io.tributary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One broker in this process for a whole test class, in a temporary directory of its own:
 * {@code @RegisterExtension static final SharedBroker broker = new SharedBroker();}.
 */
final class SharedBroker implements BeforeAllCallback, AfterAllCallback {

    private Path directory;
    private BrokerFixture broker;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("tributary-shared-broker");
        broker = BrokerFixture.start(directory);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** {@code tributary://host:port}. */
    String url() {
        return broker.url();
    }

    /** {@code tributary://clusterId@host:port}. */
    String url(String clusterId) {
        return broker.url(clusterId);
    }

    String clusterId() {
        return broker.clusterId();
    }
}
