package io.tributary;

/** The group contract on {@code mem:}: members are subscriptions of one bus. */
class MemoryGroupsTest extends GroupContract {

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open("mem:", options);
    }
}
