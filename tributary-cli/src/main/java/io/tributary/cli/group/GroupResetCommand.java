package io.tributary.cli.group;

import io.tributary.Bus;
import io.tributary.api.TopicName;
import io.tributary.api.TopicPartition;
import io.tributary.cli.OutputFormat;
import io.tributary.cli.event.BusUrlOption;
import io.tributary.group.GroupName;
import io.tributary.group.OffsetReset;
import java.io.PrintWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tributary group reset G --to earliest|latest|OFFSET|TIME [--topic T]}: moves the group's committed
 * offsets and prints the new ones, {@code topic/partition offset} per line. Refused, with the coordinator's one
 * line, while the group has members: stop its workers first.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Move a group's committed offsets (the group must have no members); print the new ones.")
final class GroupResetCommand implements Runnable {

    @ParentCommand
    private GroupCommand parent;

    @Mixin
    private BusUrlOption bus;

    @Parameters(index = "0", paramLabel = "GROUP", description = "The consumer group.")
    private String group;

    @Option(names = "--to", required = true, paramLabel = "earliest|latest|OFFSET|TIME",
            converter = OffsetResetConverter.class,
            description = "Where to: each partition's first offset, its end, an offset (clamped to the partition),"
                    + " or the first event at or after an RFC 3339 time (2026-11-30T08:00:00Z).")
    private OffsetReset to;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only this topic (default: every topic the group committed).")
    private @Nullable String topic;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (one object per line) (default ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Override
    public void run() {
        GroupName.of(group);
        if (topic != null) {
            TopicName.of(topic);
        }
        Map<TopicPartition, Long> offsets;
        try (Bus opened = bus.open()) {
            offsets = opened.groups().reset(group, topic, to);
        }
        PrintWriter out = parent.terminal().out();
        offsets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> out.println(output == OutputFormat.JSON
                        ? GroupLines.json(group, entry.getKey(), entry.getValue())
                        : GroupLines.text(entry.getKey(), entry.getValue())));
        parent.terminal().err().println("reset " + offsets.size() + " partition(s) of group " + group + " to " + to);
    }

    /** {@code --to} as {@link OffsetReset#parse} reads it; a bad value is a usage error. */
    static final class OffsetResetConverter implements ITypeConverter<OffsetReset> {
        @Override
        public OffsetReset convert(String text) {
            try {
                return OffsetReset.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
