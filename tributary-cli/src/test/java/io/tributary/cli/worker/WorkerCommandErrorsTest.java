package io.tributary.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.cli.CliRun;
import io.tributary.worker.WorkerHandlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tributary worker} refuses: one line on stderr naming the problem and the way out, and a non-zero
 * exit, before any handler runs.
 */
class WorkerCommandErrorsTest {

    /** Nothing listens here: a worker that got as far as connecting fails with "no server". */
    private static final String NOWHERE = "tributary://127.0.0.1:1";

    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun run, int exitCode, String... expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.errLines()).singleElement().asString().startsWith("tributary: ").contains(expected);
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aHandlerClassThatIsNotOnTheClasspath_isNamed_withTheWayOut() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "billing", "--handlers", "com.acme.Missing");

        assertOneLineError(run, 1, "handler class com.acme.Missing is not on the classpath", "--classpath");
    }

    @Test
    void aClassThatIsNoHandler_isNamed_withWhatItMustBe() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "billing", "--handlers",
                RecordingHandlers.class.getName() + ",java.lang.String");

        assertOneLineError(run, 1, "class java.lang.String is not a handler", WorkerHandlers.class.getName(), "@");
    }

    @Test
    void anInvalidGroupName_isRefused_beforeAnyClassIsLoaded() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "bill ing", "--handlers", "com.acme.Missing");

        assertOneLineError(run, 1, "group name 'bill ing' is invalid");
    }

    @Test
    void noServer_isOneLine_namingTheAddress() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "billing", "--handlers",
                RecordingHandlers.class.getName());

        assertOneLineError(run, 1, "127.0.0.1:1");
    }

    @Test
    void aMissingClasspathEntry_isNamed() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "billing", "--handlers", "com.acme.Billing",
                "--classpath", dir.resolve("handlers.jar").toString());

        assertOneLineError(run, 1, "--classpath entry", "handlers.jar does not exist");
    }

    @Test
    void withoutHandlers_andNoneListedOnTheClasspath_saysHowToNameThem() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "billing", "--classpath", dir.toString());

        assertOneLineError(run, 1, "no handler classes", "--handlers");
    }

    @Test
    void withoutHandlers_findsTheClassesTheClasspathLists_asServices() throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(WorkerHandlers.class.getName()), RecordingHandlers.class.getName() + "\n");

        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "billing", "--classpath", dir.toString());

        // Discovered and created: the run gets as far as connecting.
        assertOneLineError(run, 1, "127.0.0.1:1");
    }

    @Test
    void aShutdownTimeoutOfZero_isRefused() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--group", "billing", "--handlers", "com.acme.Billing",
                "--shutdown-timeout", "0s");

        assertOneLineError(run, 1, "--shutdown-timeout must be positive");
    }

    @Test
    void withoutAGroup_isAUsageError() {
        CliRun run = CliRun.of("worker", "--url", NOWHERE, "--handlers", "com.acme.Billing");

        assertOneLineError(run, 2, "--group");
    }

    @Test
    void workerMain_runsTheWorkerCommand() {
        CliRun help = CliRun.of("worker", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--group", "--handlers", "--classpath", "--shutdown-timeout", "--url");
        assertThat(WorkerMain.run(new String[] {"--url", NOWHERE, "--group", "bill ing"})).isEqualTo(1);
    }
}
