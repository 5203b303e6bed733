package io.tributary.group;

import io.tributary.api.TopicPartition;
import java.util.Map;
import java.util.Objects;

/**
 * A member's committed offsets: for each partition, the offset of the next event the group should read,
 * i.e. one past the last event handled.
 *
 * @param group      the group
 * @param memberId   the member committing; it must own each partition
 * @param generation the generation of the member's latest {@link Assignment}
 * @param offsets    partition to the next offset to read, at least one, none negative
 */
public record Commit(String group, String memberId, int generation, Map<TopicPartition, Long> offsets) {

    public Commit {
        GroupName.of(group);
        Objects.requireNonNull(memberId, "memberId");
        if (generation < 1) {
            throw new IllegalArgumentException("a commit names the generation of an assignment (from 1), was " + generation);
        }
        offsets = Map.copyOf(offsets);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("a commit of group " + group + " names no partition");
        }
        offsets.forEach((partition, offset) -> {
            if (offset < 0) {
                throw new IllegalArgumentException("committed offset of " + partition + " cannot be negative, was " + offset);
            }
        });
    }
}
