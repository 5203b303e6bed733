package io.tributary;

/** The dead-letter contract on {@code mem:}. */
class MemoryDeadLettersTest extends DeadLetterContract {

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open("mem:", options);
    }
}
