package io.tributary.broker.topic;

import io.tributary.api.InvalidTopicNameException;
import io.tributary.api.TopicExistsException;
import io.tributary.api.TopicName;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import io.tributary.broker.internal.PropertiesFile;
import io.tributary.broker.partition.Partition;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.log.LogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topics, on disk under {@code <data>/topics}. Lookups are lock-free; create, alter and
 * delete are serialised. A topic directory holds {@code topic.properties} (written last, atomically,
 * so a directory without it is a creation that crashed and is removed on open) and one directory per
 * partition, {@code partition-<n>}.
 */
public final class TopicRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicRegistry.class);
    static final String SETTINGS_FILE = "topic.properties";
    private static final String SETTINGS_COMMENT = "Tributary topic settings; change them with 'tributary topic alter'.";
    private static final String DELETED_SUFFIX = ".deleted";

    private final Path topicsDirectory;
    private final LogConfig logDefaults;
    private final PartitionFactory partitions;
    private final ConcurrentMap<TopicName, Topic> topics = new ConcurrentHashMap<>();

    private TopicRegistry(Path topicsDirectory, LogConfig logDefaults, PartitionFactory partitions) {
        this.topicsDirectory = topicsDirectory;
        this.logDefaults = logDefaults;
        this.partitions = partitions;
    }

    /**
     * Opens every topic under {@code dataDirectory/topics}, creating the directory if absent.
     *
     * @param logDefaults the broker-wide log settings that topics override
     */
    public static TopicRegistry open(Path dataDirectory, LogConfig logDefaults, PartitionFactory partitions) {
        TopicRegistry registry = new TopicRegistry(dataDirectory.resolve("topics"), logDefaults, partitions);
        try {
            registry.load();
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    private void load() {
        try {
            Files.createDirectories(topicsDirectory);
            try (Stream<Path> entries = Files.list(topicsDirectory)) {
                for (Path directory : entries.filter(Files::isDirectory).sorted().toList()) {
                    String name = directory.getFileName().toString();
                    if (name.endsWith(DELETED_SUFFIX) || !Files.exists(directory.resolve(SETTINGS_FILE))) {
                        LOG.warn("{}: removing an unfinished topic creation or deletion", directory);
                        deleteRecursively(directory);
                        continue;
                    }
                    TopicName topic;
                    try {
                        topic = TopicName.of(name);
                    } catch (InvalidTopicNameException e) {
                        LOG.warn("{}: skipped, not a topic directory ({})", directory, e.getMessage());
                        continue;
                    }
                    TopicConfig config = TopicConfig.withDefaults(1, logDefaults)
                            .with(PropertiesFile.read(directory.resolve(SETTINGS_FILE)));
                    topics.put(topic, openTopic(topic, directory, config));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the topics in " + topicsDirectory, e);
        }
    }

    /**
     * Creates a topic.
     *
     * @param settings per-topic settings ({@link TopicConfig} keys); the rest take the broker defaults
     * @throws TopicExistsException      if it exists
     * @throws IllegalArgumentException  for a bad partition count or setting
     */
    public synchronized Topic create(TopicName name, int partitionCount, Map<String, String> settings) {
        return create(name, TopicConfig.withDefaults(partitionCount, logDefaults).with(settings));
    }

    /** Creates a topic with the broker defaults, marked as auto-created, unless it exists already. */
    public synchronized Topic createIfAbsent(TopicName name, int partitionCount) {
        Topic existing = topics.get(name);
        if (existing != null) {
            return existing;
        }
        return create(name, TopicConfig.withDefaults(partitionCount, logDefaults).with(Map.of(TopicConfig.AUTO_CREATED, "true")));
    }

    private Topic create(TopicName name, TopicConfig config) {
        if (topics.containsKey(name)) {
            throw new TopicExistsException("topic " + name + " already exists with " + topics.get(name).partitions().size()
                    + " partition(s); pick another name or delete it first");
        }
        Path directory = topicsDirectory.resolve(name.value());
        try {
            if (Files.exists(directory)) {
                deleteRecursively(directory); // a creation that crashed before its settings file
            }
            Files.createDirectories(directory);
            Topic topic = openTopic(name, directory, config);
            PropertiesFile.write(directory.resolve(SETTINGS_FILE), SETTINGS_COMMENT, config.toMap());
            topics.put(name, topic);
            LOG.info("created topic {} with {} partition(s), durability {}", name, config.partitions(), config.durability());
            return topic;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create topic " + name + " in " + directory, e);
        }
    }

    /** The topic, if it exists. */
    public Optional<Topic> find(TopicName name) {
        return Optional.ofNullable(topics.get(name));
    }

    /** @throws TopicNotFoundException if it does not exist */
    public Topic require(TopicName name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new TopicNotFoundException("topic " + name + " does not exist; create it first (tributary topic create "
                    + name + ") or turn on auto-creation");
        }
        return topic;
    }

    /** Every topic, by name. */
    public List<Topic> list() {
        return topics.values().stream().sorted(Comparator.comparing(Topic::name)).toList();
    }

    /**
     * Changes durability, retention or segment size of a topic; its partitions apply them at once.
     *
     * @throws IllegalArgumentException for a setting that cannot change (e.g. the partition count)
     */
    public synchronized Topic alter(TopicName name, Map<String, String> settings) {
        Topic topic = require(name);
        for (String key : settings.keySet()) {
            if (!TopicConfig.ALTERABLE.contains(key)) {
                throw new IllegalArgumentException("topic setting '" + key + "' cannot be altered; alterable: "
                        + String.join(", ", TopicConfig.ALTERABLE.stream().sorted().toList()));
            }
        }
        TopicConfig config = topic.config().with(settings);
        try {
            PropertiesFile.write(topicsDirectory.resolve(name.value()).resolve(SETTINGS_FILE), SETTINGS_COMMENT,
                    config.toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the settings of topic " + name, e);
        }
        LogConfig logConfig = config.applyTo(logDefaults);
        topic.partitions().forEach(partition -> partition.reconfigure(logConfig));
        Topic altered = new Topic(name, config, topic.partitions());
        topics.put(name, altered);
        return altered;
    }

    /** Closes and deletes a topic and all its records. */
    public synchronized void delete(TopicName name) {
        Topic topic = require(name);
        topics.remove(name);
        topic.partitions().forEach(Partition::close);
        Path directory = topicsDirectory.resolve(name.value());
        Path doomed = topicsDirectory.resolve(name.value() + DELETED_SUFFIX);
        try {
            // Rename first: a crash mid-delete leaves a *.deleted directory that open removes, never half a topic.
            Files.move(directory, doomed);
            deleteRecursively(doomed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete topic " + name + " in " + directory, e);
        }
        LOG.info("deleted topic {}", name);
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (Topic topic : topics.values()) {
            for (Partition partition : topic.partitions()) {
                try {
                    partition.close();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        topics.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private Topic openTopic(TopicName name, Path directory, TopicConfig config) {
        LogConfig logConfig = config.applyTo(logDefaults);
        List<Partition> opened = new ArrayList<>();
        try {
            for (int number = 0; number < config.partitions(); number++) {
                opened.add(partitions.open(new TopicPartition(name, number), directory.resolve("partition-" + number),
                        logConfig));
            }
        } catch (RuntimeException e) {
            opened.forEach(Partition::close);
            throw e;
        }
        return new Topic(name, config, opened);
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
