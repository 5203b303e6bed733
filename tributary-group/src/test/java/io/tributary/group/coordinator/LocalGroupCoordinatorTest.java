package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import io.tributary.group.GroupConfig;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupCoordinatorContract;

/** The contract, bound to the coordinator in a process over a fake catalog, a memory store and a still clock. */
class LocalGroupCoordinatorTest extends GroupCoordinatorContract {

    private final ManualClock clock = new ManualClock();
    private final FakeTopicCatalog catalog = new FakeTopicCatalog();
    private final GroupCoordinator coordinator = new LocalGroupCoordinator(GroupConfig.defaults(), catalog,
            new InMemoryOffsetStore(), clock);

    @Override
    protected GroupCoordinator coordinator() {
        return coordinator;
    }

    @Override
    protected void createTopic(String topic, int partitions) {
        catalog.createTopic(topic, partitions);
    }

    @Override
    protected void append(String topic, int partition, int records) {
        catalog.append(TopicPartition.of(topic, partition), records, clock.instant());
    }
}
