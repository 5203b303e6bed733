package io.tributary;

/** The contract on {@code mem:}. */
class MemoryBusTest extends BusContract {

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open("mem:", options);
    }
}
