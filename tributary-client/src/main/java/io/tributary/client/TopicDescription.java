package io.tributary.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A topic as the broker describes it.
 *
 * @param name       the topic
 * @param settings   its effective settings (e.g. {@code partitions}, {@code durability},
 *                   {@code retention-age}), in the broker's order
 * @param partitions its partitions, by number
 */
public record TopicDescription(String name, Map<String, String> settings, List<Partition> partitions) {

    public TopicDescription {
        Objects.requireNonNull(name, "name");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        partitions = List.copyOf(partitions);
    }

    /**
     * Offsets and size of one partition.
     *
     * @param partition          the partition number
     * @param logStartOffset     its first offset still stored
     * @param endOffset          the offset the next appended record gets (written, maybe not committed)
     * @param committedEndOffset the offset the next committed record gets (high watermark)
     * @param sizeBytes          bytes of its segments on disk
     */
    public record Partition(int partition, long logStartOffset, long endOffset, long committedEndOffset,
            long sizeBytes) {
    }
}
