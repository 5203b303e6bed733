package io.tributary.group.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A group's committed offsets: stores ending out of order, forgotten partitions and their tombstones. */
class CommittedOffsetsTest {

    private static final TopicPartition ORDERS_0 = TopicPartition.of("orders", 0);
    private static final TopicPartition ORDERS_1 = TopicPartition.of("orders", 1);
    private static final TopicPartition AUDIT_0 = TopicPartition.of("audit", 0);

    private final CommittedOffsets committed = new CommittedOffsets();

    @Test
    void aForgottenPartition_staysForgotten_againstAnEarlierStoreEndingLate() {
        committed.storing(1, Set.of(ORDERS_0));
        committed.storing(2, Set.of(ORDERS_0));

        committed.storeEnded(2, Map.of(ORDERS_0, OffsetStore.FORGOTTEN));
        assertThat(committed.hasStoresInFlight()).isTrue();
        committed.storeEnded(1, Map.of(ORDERS_0, 5L));

        assertThat(committed.hasStoresInFlight()).isFalse();
        assertThat(committed.of(ORDERS_0)).isEmpty();
        assertThat(committed.isEmpty()).isTrue();
        assertThat(committed.partitions()).isEmpty();
    }

    @Test
    void partitionsTopicsAndEmptiness_countOnlyCommittedOffsets_notTombstones() {
        committed.load(Map.of(ORDERS_0, 1L, ORDERS_1, 2L, AUDIT_0, 3L));
        committed.storing(1, Set.of(AUDIT_0));
        committed.storing(2, Set.of(ORDERS_1));
        committed.storeEnded(1, Map.of(AUDIT_0, OffsetStore.FORGOTTEN));

        assertThat(committed.partitions()).containsExactlyInAnyOrder(ORDERS_0, ORDERS_1);
        assertThat(committed.topics()).containsExactly("orders");
        assertThat(committed.isEmpty()).isFalse();
        assertThat(committed.of(List.of())).isEqualTo(Map.of(ORDERS_0, 1L, ORDERS_1, 2L));
        assertThat(committed.partitionsWithOffsetsOrStores()).containsExactlyInAnyOrder(ORDERS_0, ORDERS_1);

        committed.storeEnded(2, null); // failed: the offset from before stays
        assertThat(committed.of(ORDERS_1)).hasValue(2L);
    }

    @Test
    void aStoreInFlight_coversItsPartitions_beforeTheyHaveAnOffset() {
        committed.storing(1, Set.of(AUDIT_0));

        assertThat(committed.isEmpty()).isTrue();
        assertThat(committed.hasStoresInFlight()).isTrue();
        assertThat(committed.partitionsWithOffsetsOrStores()).containsExactly(AUDIT_0);
    }
}
