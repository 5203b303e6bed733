package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupNotEmptyException;
import io.tributary.group.GroupState;
import io.tributary.group.OffsetReset;
import io.tributary.group.PartitionProgress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What consumer groups do on every transport: members share partitions, each event is handled by one
 * member, a group resumes where it committed, manual commits, and the admin view (describe, lag, reset).
 * Bound once per transport; members of one group here are subscriptions of one bus.
 */
abstract class GroupContract extends BusTestBase {

    @Test
    void members_shareThePartitions_andEachEventIsHandledByOneOfThem() throws Exception {
        Bus bus = bus(BusOptions.defaults().withPartitions(4));
        RecordingListener firstHooks = new RecordingListener();
        RecordingListener secondHooks = new RecordingListener();
        RecordingHandler[] team = RecordingHandler.team(2);
        RecordingHandler first = team[0];
        RecordingHandler second = team[1];
        bus.subscribe(Subscription.to("group-share").group("share").listener(firstHooks), first);
        firstHooks.awaitHeld(held -> held.size() == 4, WAIT);
        bus.subscribe(Subscription.to("group-share").group("share").listener(secondHooks), second);

        Set<TopicPartition> secondHeld = secondHooks.awaitHeld(held -> held.size() == 2, WAIT);
        Set<TopicPartition> firstHeld = firstHooks.awaitHeld(held -> held.size() == 2, WAIT);
        assertThat(firstHeld).doesNotContainAnyElementsOf(secondHeld);

        publishKeyed(bus, "group-share", 200);
        RecordingHandler.awaitTotal(200, WAIT, first, second);
        List<Event> all = Stream.concat(first.events().stream(), second.events().stream()).toList();
        assertThat(all).extracting(BusTestBase::sequenceOf).doesNotHaveDuplicates().hasSize(200);
        assertThat(first.events()).isNotEmpty();
        assertThat(second.events()).isNotEmpty();
        assertThat(first.events()).extracting(Event::partitionkey)
                .doesNotContainAnyElementsOf(second.events().stream().map(Event::partitionkey).toList());
    }

    @Test
    void group_resumesWhereItCommitted_notAtItsStartPosition() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        RecordingHandler before = new RecordingHandler();
        SubscriptionHandle member = bus.subscribe(Subscription.to("group-resume").group("resume").listener(hooks), before);
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        publishKeyed(bus, "group-resume", 10);
        before.await(10, WAIT);
        member.close();

        publishKeyed(bus, "group-resume", 10, 15);
        RecordingHandler after = new RecordingHandler();
        bus.subscribe(Subscription.to("group-resume").group("resume").from(StartPosition.latest()), after);

        assertThat(after.await(5, WAIT)).extracting(BusTestBase::sequenceOf).containsExactly(10, 11, 12, 13, 14);
    }

    @Test
    void group_withoutCommittedOffsets_startsAtItsStartPosition() throws Exception {
        Bus bus = bus();
        publishKeyed(bus, "group-start", 3);
        RecordingHandler handler = new RecordingHandler();
        bus.subscribe(Subscription.to("group-start").group("start").from(StartPosition.earliest()), handler);

        assertThat(handler.await(3, WAIT)).extracting(BusTestBase::sequenceOf).containsExactly(0, 1, 2);
    }

    @Test
    void closingAMember_movesItsPartitionsToTheOthers_whoResumeAtItsCommit() throws Exception {
        Bus bus = bus(BusOptions.defaults().withPartitions(2));
        RecordingListener firstHooks = new RecordingListener();
        RecordingListener secondHooks = new RecordingListener();
        RecordingHandler[] team = RecordingHandler.team(2);
        RecordingHandler first = team[0];
        RecordingHandler second = team[1];
        SubscriptionHandle leaving = bus.subscribe(Subscription.to("group-move").group("move").listener(firstHooks), first);
        firstHooks.awaitHeld(held -> held.size() == 2, WAIT);
        bus.subscribe(Subscription.to("group-move").group("move").listener(secondHooks), second);
        secondHooks.awaitHeld(held -> held.size() == 1, WAIT);
        publishKeyed(bus, "group-move", 100);
        RecordingHandler.awaitTotal(100, WAIT, first, second);

        leaving.close();
        secondHooks.awaitHeld(held -> held.size() == 2, WAIT);
        publishKeyed(bus, "group-move", 100, 200);

        RecordingHandler.awaitTotal(200, WAIT, first, second);
        assertThat(Stream.concat(first.events().stream(), second.events().stream()))
                .extracting(BusTestBase::sequenceOf).doesNotHaveDuplicates().hasSize(200);
        assertThat(firstHooks.calls()).anyMatch(call -> call.startsWith("revoked"));
    }

    @Test
    void manualCommit_commitsOnlyWhenAsked() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        RecordingHandler handler = new RecordingHandler();
        SubscriptionHandle member = bus.subscribe(Subscription.to("group-manual").group("manual").manualCommit()
                .from(StartPosition.earliest()).listener(hooks), handler);
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        publishKeyed(bus, "group-manual", 5);
        hooks.awaitCalls("processed", 5, WAIT); // the handler returned for each of them

        member.commit();
        assertThat(committed(bus, "manual", "group-manual")).isEqualTo(5);
        publishKeyed(bus, "group-manual", 5, 8);
        hooks.awaitCalls("processed", 8, WAIT);
        member.close(); // without a commit: 5, 6 and 7 are handled again

        RecordingHandler next = new RecordingHandler();
        bus.subscribe(Subscription.to("group-manual").group("manual").manualCommit(), next);
        assertThat(next.await(3, WAIT)).extracting(BusTestBase::sequenceOf).containsExactly(5, 6, 7);
    }

    @Test
    void manualCommitGroup_losesNothing_whenAPartitionMovesBeforeItsFirstCommit() throws Exception {
        Bus bus = bus(BusOptions.defaults().withPartitions(2));
        RecordingListener firstHooks = new RecordingListener();
        RecordingListener secondHooks = new RecordingListener();
        RecordingHandler[] team = RecordingHandler.team(2);
        bus.subscribe(Subscription.to("group-manual-move").group("manual-move").manualCommit().listener(firstHooks),
                event -> {
                    Thread.sleep(100); // falls behind: 2 s of work per partition, longer than a heartbeat interval
                    team[0].handle(event);
                });
        firstHooks.awaitHeld(held -> held.size() == 2, WAIT);
        publishKeyed(bus, "group-manual-move", 0, 40);

        bus.subscribe(Subscription.to("group-manual-move").group("manual-move").manualCommit().listener(secondHooks),
                team[1]);
        secondHooks.awaitHeld(held -> held.size() == 1, WAIT);

        RecordingHandler.awaitTogether(all -> all.stream().map(BusTestBase::sequenceOf).distinct().count() == 40,
                "each of the 40 events, some twice (nothing was committed)", WAIT, team);
    }

    @Test
    void manualCommit_fromAHandler_commitsWhatCameBeforeTheEventInHand() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        SubscriptionHandle[] member = new SubscriptionHandle[1];
        java.util.concurrent.CompletableFuture<Long> committedThere = new java.util.concurrent.CompletableFuture<>();
        member[0] = bus.subscribe(Subscription.to("group-manual-inside").group("manual-inside").manualCommit()
                .listener(hooks), event -> {
                    if (sequenceOf(event) == 3) {
                        member[0].commit();
                        committedThere.complete(committed(bus, "manual-inside", "group-manual-inside"));
                    }
                });
        hooks.awaitHeld(held -> held.size() == 1, WAIT);

        publishKeyed(bus, "group-manual-inside", 5);

        assertThat(committedThere.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void commit_ofASubscriptionWithoutAGroup_isRefused() throws Exception {
        SubscriptionHandle handle = bus().subscribe(Subscription.to("group-none"), event -> { });

        assertThatThrownBy(handle::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("no consumer group");
    }

    @Test
    void describe_showsMembersAssignmentCommittedOffsetAndLag() throws Exception {
        Bus bus = bus(BusOptions.defaults().withPartitions(2));
        RecordingListener hooks = new RecordingListener();
        RecordingHandler handler = new RecordingHandler();
        SubscriptionHandle member = bus.subscribe(Subscription.to("group-describe").group("describe").listener(hooks),
                handler);
        hooks.awaitHeld(held -> held.size() == 2, WAIT);

        GroupDescription running = bus.groups().describe("describe");
        assertThat(running.members()).singleElement().satisfies(description ->
                assertThat(description.owned()).containsExactlyInAnyOrder(TopicPartition.of("group-describe", 0),
                        TopicPartition.of("group-describe", 1)));
        assertThat(bus.groups().list()).anySatisfy(summary -> {
            assertThat(summary.group()).isEqualTo("describe");
            assertThat(summary.members()).isEqualTo(1);
        });

        publishKeyed(bus, "group-describe", 10);
        handler.await(10, WAIT);
        member.close();
        publishKeyed(bus, "group-describe", 10, 13);

        GroupDescription stopped = bus.groups().describe("describe");
        assertThat(stopped.state()).isEqualTo(GroupState.EMPTY);
        assertThat(stopped.members()).isEmpty();
        assertThat(stopped.partitions().stream().mapToLong(PartitionProgress::lag).sum()).isEqualTo(3);
        assertThat(stopped.partitions().stream().mapToLong(p -> p.committed().orElse(0)).sum()).isEqualTo(10);
    }

    @Test
    void reset_movesTheCommittedOffsets_andIsRefusedWhileMembersRun() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        RecordingHandler handler = new RecordingHandler();
        SubscriptionHandle member = bus.subscribe(Subscription.to("group-reset").group("reset").listener(hooks), handler);
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        publishKeyed(bus, "group-reset", 4);
        handler.await(4, WAIT);

        assertThatThrownBy(() -> bus.groups().reset("reset", "group-reset", OffsetReset.earliest()))
                .isInstanceOf(GroupNotEmptyException.class);
        member.close();
        Map<TopicPartition, Long> reset = bus.groups().reset("reset", "group-reset", OffsetReset.offset(2));

        assertThat(reset).containsEntry(TopicPartition.of("group-reset", 0), 2L);
        RecordingHandler again = new RecordingHandler();
        bus.subscribe(Subscription.to("group-reset").group("reset"), again);
        assertThat(again.await(2, WAIT)).extracting(BusTestBase::sequenceOf).containsExactly(2, 3);
    }

    @Test
    void listener_isToldOfRegistrationAssignmentAndRevocation_inOrder() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        SubscriptionHandle member = bus.subscribe(Subscription.to("group-hooks").group("hooks").listener(hooks), e -> { });
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        member.close();

        assertThat(hooks.calls()).containsExactly("registered [group-hooks-0]", "assigned [group-hooks-0]",
                "revoked [group-hooks-0]");
    }

    private static void publishKeyed(Bus bus, String topic, int count) throws Exception {
        publishKeyed(bus, topic, 0, count);
    }

    /** Publishes sequences {@code from} to {@code to} (exclusive), keyed by sequence, and waits for the commits. */
    static void publishKeyed(Bus bus, String topic, int from, int to) throws Exception {
        List<CompletableFuture<EventPosition>> published = new ArrayList<>();
        for (int i = from; i < to; i++) {
            published.add(bus.publish(topic, keyed("tick", "key-" + i, i)));
        }
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static long committed(Bus bus, String group, String topic) {
        Set<Long> offsets = new HashSet<>();
        bus.groups().describe(group).partitions().stream()
                .filter(progress -> progress.partition().topic().value().equals(topic))
                .forEach(progress -> offsets.add(progress.committed().orElse(-1)));
        return offsets.stream().mapToLong(Long::longValue).sum();
    }
}
