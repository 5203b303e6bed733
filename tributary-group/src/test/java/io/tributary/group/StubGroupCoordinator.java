package io.tributary.group;

import io.tributary.api.TopicPartition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A coordinator that knows nothing: no group, no offsets; heartbeats, commits, describes and resets are refused.
 * Fakes in other modules' tests extend it and override only the calls their test drives. In the test-jar.
 */
public abstract class StubGroupCoordinator implements GroupCoordinator {

    @Override
    public Assignment heartbeat(Heartbeat heartbeat) {
        throw new UnsupportedOperationException("this stub does not heartbeat");
    }

    @Override
    public void leave(String group, String memberId) {
    }

    @Override
    public void commit(Commit commit) {
        throw new UnsupportedOperationException("this stub does not commit");
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group, Collection<TopicPartition> partitions) {
        return Map.of();
    }

    @Override
    public List<GroupSummary> listGroups() {
        return List.of();
    }

    @Override
    public GroupDescription describe(String group) {
        throw new UnsupportedOperationException("this stub knows no group");
    }

    @Override
    public Map<TopicPartition, Long> resetOffsets(String group, @Nullable String topic, OffsetReset to) {
        throw new UnsupportedOperationException("this stub does not reset");
    }
}
