package io.tributary.cli.log;

import io.tributary.cli.Terminal;
import io.tributary.cli.TributaryCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

/** {@code tributary log}: the group of partition-directory tools. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Work on one partition directory directly, without a server.",
        subcommands = {LogAppendCommand.class, LogReadCommand.class, LogVerifyCommand.class, LogRepairCommand.class,
                LogDumpCommand.class})
public final class LogCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TributaryCli cli;

    Terminal terminal() {
        return cli.terminal();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
