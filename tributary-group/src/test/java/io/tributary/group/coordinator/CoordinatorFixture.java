package io.tributary.group.coordinator;

import static org.assertj.core.api.Assertions.fail;

import io.tributary.api.TopicPartition;
import io.tributary.group.GroupConfig;
import io.tributary.group.GroupState;
import io.tributary.group.ScriptedMember;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A {@link LocalGroupCoordinator} over fakes the test controls: a still clock, a topic catalog, an offset store. */
final class CoordinatorFixture {

    final ManualClock clock = new ManualClock();
    final FakeTopicCatalog catalog = new FakeTopicCatalog();
    final GroupConfig config;
    final OffsetStore store;
    final LocalGroupCoordinator coordinator;

    CoordinatorFixture() {
        this(GroupConfig.defaults());
    }

    CoordinatorFixture(GroupConfig config) {
        this(config, new InMemoryOffsetStore());
    }

    CoordinatorFixture(GroupConfig config, OffsetStore store) {
        this.config = config;
        this.store = store;
        this.coordinator = new LocalGroupCoordinator(config, catalog, store, clock);
    }

    /** A coordinator started again over the same store, catalog and clock: memberships are gone. */
    LocalGroupCoordinator restarted() {
        return new LocalGroupCoordinator(config, catalog, store, clock);
    }

    String topic(String name, int partitions) {
        catalog.createTopic(name, partitions);
        return name;
    }

    ScriptedMember member(String group, String id, String... topics) {
        return new ScriptedMember(coordinator, group, id, List.of(topics));
    }

    /** Heartbeats the members round after round (no time passes) until their group is stable. */
    void settle(String group, ScriptedMember... members) {
        for (int round = 0; round < 10; round++) {
            for (ScriptedMember member : members) {
                member.heartbeat();
            }
            if (coordinator.describe(group).state() == GroupState.STABLE) {
                return;
            }
        }
        fail("group %s did not settle: %s", group, coordinator.describe(group));
    }

    static Set<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(partition -> TopicPartition.of(topic, partition))
                .collect(Collectors.toUnmodifiableSet());
    }
}
