package io.tributary.cli.dlq;

import io.tributary.cli.Terminal;
import io.tributary.cli.TributaryCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tributary dlq}: the dead letters of a consumer group, to look at, replay and purge. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List, show, replay and purge the dead letters of a consumer group (TOPIC.GROUP.dlq).",
        subcommands = {DlqListCommand.class, DlqShowCommand.class, DlqReplayCommand.class, DlqPurgeCommand.class})
public final class DlqCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TributaryCli cli;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Terminal terminal() {
        return cli.terminal();
    }
}
