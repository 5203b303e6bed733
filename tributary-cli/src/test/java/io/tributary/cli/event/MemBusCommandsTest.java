package io.tributary.cli.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.cli.CliRun;
import org.junit.jupiter.api.Test;

/**
 * {@code emit} on {@code mem:}: the bus lives and dies with the one command, so all this shows is that the
 * command publishes through the Bus API and prints the position. (A {@code tail} of {@code mem:} in its own
 * process would only ever wait.)
 */
class MemBusCommandsTest {

    @Test
    void emit_onMem_printsTopicPartitionOffsetAndTheId() {
        CliRun run = CliRun.of("emit", "--url", "mem:", "--topic", "orders", "--type", "order.created", "--data", "{}");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).singleElement().asString().matches("orders/0@0 [0-9a-f-]{36}");
    }
}
