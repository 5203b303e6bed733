package io.tributary.cli.topic;

import io.tributary.cli.TributaryCli;
import io.tributary.cli.client.ConnectionOptions;
import io.tributary.client.TopicDescription;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tributary topic}: topic administration on a running broker. */
@Command(name = "topic", mixinStandardHelpOptions = true, description = "Create, list, describe, alter and delete topics.",
        subcommands = {TopicCommand.Create.class, TopicCommand.ListTopics.class, TopicCommand.Describe.class,
                TopicCommand.Alter.class, TopicCommand.Delete.class})
public final class TopicCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TributaryCli cli;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    PrintWriter out() {
        return cli.terminal().out();
    }

    static Map<String, String> settings(List<String> pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : pairs) {
            int at = pair.indexOf('=');
            if (at <= 0) {
                throw new IllegalArgumentException("--config takes KEY=VALUE (e.g. retention-age=7d), not '" + pair + "'");
            }
            settings.put(pair.substring(0, at).trim(), pair.substring(at + 1).trim());
        }
        return settings;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a topic.")
    static final class Create implements Runnable {
        @ParentCommand
        private TopicCommand parent;
        @Mixin
        private ConnectionOptions connection;
        @Parameters(index = "0", paramLabel = "TOPIC")
        private String topic;
        @Option(names = "--partitions", defaultValue = "1", description = "Number of partitions (default ${DEFAULT-VALUE}).")
        private int partitions;
        @Option(names = "--config", paramLabel = "KEY=VALUE",
                description = "A setting: durability, retention-age, retention-bytes, segment-bytes. Repeatable.")
        private List<String> config = List.of();

        @Override
        public void run() {
            try (TributaryClient client = connection.connect()) {
                client.createTopic(topic, partitions, settings(config));
            }
            parent.out().println("created topic " + topic + " with " + partitions + " partition(s)");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List topic names.")
    static final class ListTopics implements Runnable {
        @ParentCommand
        private TopicCommand parent;
        @Mixin
        private ConnectionOptions connection;

        @Override
        public void run() {
            try (TributaryClient client = connection.connect()) {
                client.listTopics().forEach(parent.out()::println);
            }
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Settings and, per partition, log start, end and committed offsets and bytes.")
    static final class Describe implements Runnable {
        @ParentCommand
        private TopicCommand parent;
        @Mixin
        private ConnectionOptions connection;
        @Parameters(paramLabel = "TOPIC", arity = "0..*", description = "Topics (default: every topic).")
        private List<String> topics = List.of();

        @Override
        public void run() {
            PrintWriter out = parent.out();
            try (TributaryClient client = connection.connect()) {
                for (TopicDescription topic : client.describeTopics(topics.toArray(String[]::new))) {
                    out.println(topic.name());
                    topic.settings().forEach((key, value) -> out.printf("  %-16s %s%n", key, value));
                    out.printf("  %9s %14s %14s %14s %14s%n", "partition", "log-start", "end", "committed", "bytes");
                    for (TopicDescription.Partition p : topic.partitions()) {
                        out.printf("  %9d %14d %14d %14d %14d%n", p.partition(), p.logStartOffset(), p.endOffset(),
                                p.committedEndOffset(), p.sizeBytes());
                    }
                }
            }
        }
    }

    @Command(name = "alter", mixinStandardHelpOptions = true, description = "Change durability, retention or segment size.")
    static final class Alter implements Runnable {
        @ParentCommand
        private TopicCommand parent;
        @Mixin
        private ConnectionOptions connection;
        @Parameters(index = "0", paramLabel = "TOPIC")
        private String topic;
        @Option(names = "--config", required = true, paramLabel = "KEY=VALUE",
                description = "A setting: durability, retention-age, retention-bytes, segment-bytes. Repeatable.")
        private List<String> config;

        @Override
        public void run() {
            try (TributaryClient client = connection.connect()) {
                client.alterTopic(topic, settings(config));
            }
            parent.out().println("altered topic " + topic + ": " + settings(config));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a topic and its records.")
    static final class Delete implements Runnable {
        @ParentCommand
        private TopicCommand parent;
        @Mixin
        private ConnectionOptions connection;
        @Parameters(index = "0", paramLabel = "TOPIC")
        private String topic;

        @Override
        public void run() {
            try (TributaryClient client = connection.connect()) {
                client.deleteTopic(topic);
            }
            parent.out().println("deleted topic " + topic);
        }
    }
}
