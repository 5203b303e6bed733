package io.tributary.internal;

import io.tributary.ConsumerGroups;
import io.tributary.api.TopicPartition;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupSummary;
import io.tributary.group.OffsetReset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link ConsumerGroups} over a transport's coordinator: the admin half of its contract. */
record TransportConsumerGroups(GroupCoordinator coordinator) implements ConsumerGroups {

    @Override
    public List<GroupSummary> list() {
        return coordinator.listGroups();
    }

    @Override
    public GroupDescription describe(String group) {
        return coordinator.describe(group);
    }

    @Override
    public Map<TopicPartition, Long> reset(String group, @Nullable String topic, OffsetReset to) {
        return coordinator.resetOffsets(group, topic, to);
    }
}
