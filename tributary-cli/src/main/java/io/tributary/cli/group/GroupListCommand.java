package io.tributary.cli.group;

import io.tributary.Bus;
import io.tributary.cli.OutputFormat;
import io.tributary.cli.event.BusUrlOption;
import io.tributary.group.GroupSummary;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tributary group list}: every group with members or committed offsets, one line each, by name. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print every consumer group with members or committed offsets: name state members generation.")
final class GroupListCommand implements Runnable {

    @ParentCommand
    private GroupCommand parent;

    @Mixin
    private BusUrlOption bus;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (one object per line) (default ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Override
    public void run() {
        List<GroupSummary> groups;
        try (Bus opened = bus.open()) {
            groups = opened.groups().list();
        }
        PrintWriter out = parent.terminal().out();
        for (GroupSummary group : groups) {
            out.println(output == OutputFormat.JSON ? GroupLines.json(group) : GroupLines.text(group));
        }
    }
}
