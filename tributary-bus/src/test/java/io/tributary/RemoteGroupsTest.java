package io.tributary;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The group contract on {@code tributary://}, against one broker in this process shared by the class. */
class RemoteGroupsTest extends GroupContract {

    @TempDir
    static Path dataDirectory;
    private static BrokerFixture broker;

    @BeforeAll
    static void startBroker() {
        broker = BrokerFixture.start(dataDirectory);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open(broker.url(), options);
    }
}
