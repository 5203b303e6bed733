package io.tributary;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The group contract on {@code tributary://}, against one broker in this process shared by the class. */
class RemoteGroupsTest extends GroupContract {

    @RegisterExtension
    static final SharedBroker broker = new SharedBroker();

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open(broker.url(), options);
    }
}
