package io.tributary;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The dead-letter contract on {@code tributary://}, against one broker in this process shared by the class. */
class RemoteDeadLettersTest extends DeadLetterContract {

    @RegisterExtension
    static final SharedBroker broker = new SharedBroker();

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open(broker.url(), options);
    }
}
