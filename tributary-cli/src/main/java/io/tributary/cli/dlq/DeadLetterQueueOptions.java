package io.tributary.cli.dlq;

import io.tributary.Bus;
import io.tributary.Subscription;
import io.tributary.cli.OutputFormat;
import io.tributary.cli.event.BusUrlOption;
import io.tributary.group.GroupName;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every {@code dlq} command names: the bus, and the dead-letter topic, {@code <topic>.<group>.dlq}
 * ({@link Subscription#defaultDeadLetterTopic}) unless {@code --dead-letter-topic} names it; how much one
 * pass reads; how to print.
 */
final class DeadLetterQueueOptions {

    /** Most pending dead letters one pass reads, unless {@code --limit} says otherwise. */
    static final int DEFAULT_LIMIT = 1000;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private BusUrlOption bus;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic whose events the group gave up on.")
    private @Nullable String topic;

    @Option(names = "--group", paramLabel = "GROUP", description = "The consumer group that gave up on them.")
    private @Nullable String group;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC",
            description = "The dead-letter topic, when the subscription named one (default: TOPIC.GROUP.dlq).")
    private @Nullable String deadLetterTopic;

    @Option(names = "--limit", defaultValue = "" + DEFAULT_LIMIT, paramLabel = "N",
            description = "Most pending dead letters read at once (default ${DEFAULT-VALUE}); replay and purge --all"
                    + " go on in passes of N until none is left.")
    private int limit;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (one line per dead letter) or json (one object per line) (default ${DEFAULT-VALUE}).")
    private OutputFormat output;

    /**
     * The dead-letter topic these options name.
     *
     * @throws ParameterException (a usage error) unless {@code --dead-letter-topic}, or both {@code --topic} and
     *                            {@code --group}, are given
     */
    String deadLetterTopic() {
        if (deadLetterTopic != null) {
            return deadLetterTopic;
        }
        if (topic == null || group == null) {
            throw new ParameterException(command.commandLine(), "name the dead letters with --topic and --group (the"
                    + " queue is TOPIC.GROUP.dlq), or with --dead-letter-topic");
        }
        GroupName.of(group);
        return Subscription.defaultDeadLetterTopic(topic, group);
    }

    int limit() {
        if (limit < 1) {
            throw new ParameterException(command.commandLine(), "--limit must be at least 1, was " + limit);
        }
        return limit;
    }

    OutputFormat output() {
        return output;
    }

    /** Opens the bus; the caller closes it. */
    Bus open() {
        return bus.open();
    }
}
