package io.tributary.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.InvalidTopicNameException;
import io.tributary.api.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The group apis' {@code topic partitions} and offsets entries, to and from the partitions they name. */
class GroupEntriesTest {

    @Test
    void topicPartitions_groupsByTopic_inAscendingOrder() {
        List<TopicPartitions> entries = TopicPartitions.of(Set.of(TopicPartition.of("orders", 2),
                TopicPartition.of("audit", 0), TopicPartition.of("orders", 0)));

        assertThat(entries).containsExactly(new TopicPartitions("audit", List.of(0)),
                new TopicPartitions("orders", List.of(0, 2)));
        assertThat(TopicPartitions.toSet(entries)).containsExactlyInAnyOrder(TopicPartition.of("orders", 2),
                TopicPartition.of("audit", 0), TopicPartition.of("orders", 0));
    }

    @Test
    void topicOffsets_roundTripThroughTheirEntries() {
        Map<TopicPartition, Long> offsets = Map.of(TopicPartition.of("orders", 1), 42L, TopicPartition.of("orders", 0), 7L);

        List<TopicOffsets> entries = TopicOffsets.of(offsets);

        assertThat(entries).containsExactly(new TopicOffsets("orders", List.of(new TopicOffsets.PartitionOffset(0, 7),
                new TopicOffsets.PartitionOffset(1, 42))));
        assertThat(TopicOffsets.toMap(entries)).isEqualTo(offsets);
    }

    @Test
    void entriesThatNameNoPartition_areRefusedWhenTurnedIntoPartitions() {
        assertThatThrownBy(() -> TopicPartitions.toSet(List.of(new TopicPartitions("bad name", List.of(0)))))
                .isInstanceOf(InvalidTopicNameException.class);
        assertThatThrownBy(() -> TopicOffsets.toMap(List.of(new TopicOffsets("orders",
                List.of(new TopicOffsets.PartitionOffset(-1, 0))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
