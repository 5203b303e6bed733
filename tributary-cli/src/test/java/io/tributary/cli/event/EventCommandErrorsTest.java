package io.tributary.cli.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.cli.CliRun;
import org.junit.jupiter.api.Test;

/** What {@code emit} and {@code tail} refuse, before any bus is opened: one line, a non-zero exit. */
class EventCommandErrorsTest {

    /** Nothing listens here; a command that got as far as connecting would fail differently (or hang). */
    private static final String NOWHERE = "tributary://127.0.0.1:1";

    @Test
    void emit_withDataThatIsNotJson_namesTheOptionAndHowToQuoteText() {
        CliRun run = CliRun.of("emit", "--url", NOWHERE, "--type", "t", "--data", "hello");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("tributary: --data is not JSON")
                .contains("--data '\"hello\"'");
    }

    @Test
    void emit_withAnInvalidTypeOrVersion_namesTheAttribute() {
        CliRun badType = CliRun.of("emit", "--url", NOWHERE, "--type", "order created");
        CliRun badVersion = CliRun.of("emit", "--url", NOWHERE, "--type", "t", "--version", "0");

        assertThat(badType.exitCode()).isEqualTo(1);
        assertThat(badType.errLines()).singleElement().asString().startsWith("tributary: ").contains("type");
        assertThat(badVersion.errLines()).singleElement().asString().contains("version");
    }

    @Test
    void emit_withoutAType_isAUsageError() {
        CliRun run = CliRun.of("emit", "--url", NOWHERE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--type");
    }

    @Test
    void emit_withEmptyDataOnStdin_saysSo() {
        CliRun run = CliRun.withInput("  \n", "emit", "--url", NOWHERE, "--type", "t", "--data", "-");

        assertThat(run.errLines()).singleElement().asString().contains("--data from stdin is empty");
    }

    @Test
    void tail_withABadStartCountOrPattern_namesIt() {
        assertThat(CliRun.of("tail", "--url", NOWHERE, "--from", "yesterday").errLines()).singleElement().asString()
                .contains("--from takes beginning, end or an offset");
        assertThat(CliRun.of("tail", "--url", NOWHERE, "--count", "0").errLines()).singleElement().asString()
                .contains("--count must be at least 1");
        assertThat(CliRun.of("tail", "--url", NOWHERE, "--type", "order.>.x").errLines()).singleElement().asString()
                .contains("order.>.x");
    }

    @Test
    void aUrlThatIsNoBus_namesTheAcceptedForms() {
        CliRun run = CliRun.of("emit", "--url", "http://nope", "--type", "t");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("mem:", "file:", "tributary://");
    }

    @Test
    void help_listsTheOptions_andVersionIsTheEventVersion() {
        CliRun emit = CliRun.of("emit", "--help");
        CliRun tail = CliRun.of("tail", "--help");

        assertThat(emit.exitCode()).isZero();
        assertThat(emit.out()).contains("--type", "--key", "--version", "--source", "--data", "--url");
        assertThat(tail.out()).contains("--type", "--version", "--from", "--count", "--output");
    }
}
