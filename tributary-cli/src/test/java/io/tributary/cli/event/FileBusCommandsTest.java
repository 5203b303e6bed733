package io.tributary.cli.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.cli.CliRun;
import io.tributary.event.Event;
import io.tributary.json.CloudEventsJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emit} and {@code tail} on a {@code file:} bus: one command writes the directory, the next reads it. */
class FileBusCommandsTest {

    @TempDir
    Path data;

    @Test
    void emitThenTail_onTheSameDirectory_givesTheEventBack() {
        String url = "file:" + data;
        CliRun first = CliRun.of("emit", "--url", url, "--type", "order.created", "--key", "k", "--data", "{\"n\":1}");
        CliRun second = CliRun.of("emit", "--url", url, "--type", "order.paid", "--key", "k", "--data", "{\"n\":2}");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.outLines()).singleElement().asString().startsWith("events/0@1 ");

        CliRun tailed = CliRun.of("tail", "--url", url, "--from", "beginning", "--type", "order.paid", "--count", "1",
                "--output", "json");

        assertThat(tailed.exitCode()).as(tailed.err()).isZero();
        Event event = CloudEventsJson.fromJson(tailed.outLines().getFirst());
        assertThat(event.type()).isEqualTo("order.paid");
        assertThat(event.id()).isEqualTo(second.out().strip().split(" ")[1]);
    }
}
