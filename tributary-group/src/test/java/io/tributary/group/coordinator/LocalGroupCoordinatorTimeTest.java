package io.tributary.group.coordinator;

import static io.tributary.group.coordinator.CoordinatorFixture.partitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.TopicPartition;
import io.tributary.group.Assignment;
import io.tributary.group.GroupConfig;
import io.tributary.group.GroupSummary;
import io.tributary.group.OffsetReset;
import io.tributary.group.ScriptedMember;
import io.tributary.group.UnknownMemberException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Liveness with a clock the test moves (defaults: session timeout 10 s, heartbeat interval 1 s, rebalance timeout
 * 60 s): who is removed when, and what a member that is slow but alive keeps.
 */
class LocalGroupCoordinatorTimeTest {

    private static final String GROUP = "billing";
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final CoordinatorFixture fixture = new CoordinatorFixture();
    private final String orders = fixture.topic("orders", 2);

    @Test
    void aMemberSilentPastTheSessionTimeout_isRemoved_andItsPartitionsMove() {
        ScriptedMember paused = fixture.member(GROUP, "paused", orders);
        ScriptedMember alive = fixture.member(GROUP, "alive", orders);
        paused.join();
        alive.join();
        fixture.settle(GROUP, paused, alive);
        TopicPartition pausedHeld = paused.held().iterator().next();

        // paused stops (SIGSTOP): alive heartbeats every second for 11 seconds
        for (int second = 0; second < 11; second++) {
            fixture.clock.advance(SECOND);
            alive.heartbeat();
        }

        assertThat(alive.held()).isEqualTo(partitions(orders, 2));
        assertThat(fixture.coordinator.describe(GROUP).members()).hasSize(1);
        // it resumes: its commit must not move offsets that now belong to another member
        assertThatThrownBy(() -> paused.commit(pausedHeld, 99L)).isInstanceOf(UnknownMemberException.class)
                .hasMessageContaining("session timed out");
        assertThatThrownBy(paused::heartbeat).isInstanceOf(UnknownMemberException.class);
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEmpty();
    }

    @Test
    void theSession_expiresOnlyOnceMoreThanTheTimeoutPassed() {
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();

        fixture.clock.advance(fixture.config.sessionTimeout());
        member.heartbeat();
        fixture.clock.advance(fixture.config.sessionTimeout().plusMillis(1));

        assertThatThrownBy(member::heartbeat).isInstanceOf(UnknownMemberException.class);
    }

    @Test
    void aSlowMemberThatKeepsHeartbeating_keepsItsPartitions_howeverLongItsHandlerTakes() {
        ScriptedMember slow = fixture.member(GROUP, "slow", orders);
        int generation = slow.join().generation();

        for (int beat = 0; beat < 1_000; beat++) { // a hundred session timeouts
            fixture.clock.advance(fixture.config.heartbeatInterval());
            slow.heartbeat();
        }

        assertThat(slow.held()).isEqualTo(partitions(orders, 2));
        assertThat(slow.generation()).isEqualTo(generation);
        slow.commit(TopicPartition.of(orders, 0), 1L);
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).hasSize(1);
    }

    @Test
    void aMemberThatNeverGivesUpAPartition_isRemovedAfterTheRebalanceTimeout() {
        ScriptedMember stuck = fixture.member(GROUP, "stuck", orders);
        ScriptedMember waiting = fixture.member(GROUP, "waiting", orders);
        stuck.join();
        waiting.join();
        assertThat(stuck.heartbeatWithoutGivingUp().partitions()).as("asked to give one up").hasSize(1);

        for (int second = 0; second < 60; second++) {
            fixture.clock.advance(SECOND);
            stuck.heartbeatWithoutGivingUp();
            assertThat(waiting.heartbeat().partitions()).isEmpty();
        }
        fixture.clock.advance(SECOND);

        assertThatThrownBy(stuck::heartbeatWithoutGivingUp).isInstanceOf(UnknownMemberException.class);
        assertThat(waiting.heartbeat().partitions()).isEqualTo(partitions(orders, 2));
    }

    @Test
    void whilePartitionsMove_theMembersInvolvedHeartbeatEvery100ms_thenAtTheConfiguredInterval() {
        ScriptedMember first = fixture.member(GROUP, "first", orders);
        ScriptedMember second = fixture.member(GROUP, "second", orders);
        assertThat(first.join().heartbeatInterval()).isEqualTo(SECOND);

        assertThat(second.join().heartbeatInterval()).as("waiting for a partition").isEqualTo(Duration.ofMillis(100));
        assertThat(first.heartbeatWithoutGivingUp().heartbeatInterval()).as("asked to give one up")
                .isEqualTo(Duration.ofMillis(100));
        first.heartbeat();

        assertThat(first.heartbeat().heartbeatInterval()).isEqualTo(SECOND);
        assertThat(second.heartbeat().heartbeatInterval()).isEqualTo(SECOND);
    }

    @Test
    void theFastInterval_isNeverLongerThanTheConfiguredOne() {
        CoordinatorFixture fast = new CoordinatorFixture(GroupConfig.defaults()
                .withHeartbeatInterval(Duration.ofMillis(50)).withSessionTimeout(Duration.ofMillis(200)));
        String topic = fast.topic("orders", 2);
        fast.member(GROUP, "first", topic).join();

        Assignment waiting = fast.member(GROUP, "second", topic).join();

        assertThat(waiting.heartbeatInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aGroupWhoseMembersAllExpired_withoutCommittedOffsets_isForgotten() {
        fixture.member(GROUP, "member", orders).join();

        fixture.clock.advance(Duration.ofMinutes(1));

        assertThat(fixture.coordinator.listGroups()).extracting(GroupSummary::group).doesNotContain(GROUP);
    }

    @Test
    void resetOffsets_toATime_findsTheFirstRecordAtOrAfterIt() {
        TopicPartition zero = TopicPartition.of(orders, 0);
        Instant morning = fixture.clock.instant();
        fixture.catalog.append(zero, 3, morning);
        fixture.catalog.append(zero, 2, morning.plus(Duration.ofHours(4)));

        Map<TopicPartition, Long> atNoon = fixture.coordinator.resetOffsets(GROUP, orders,
                OffsetReset.time(morning.plus(Duration.ofHours(3))));

        assertThat(atNoon).containsEntry(zero, 3L).containsEntry(TopicPartition.of(orders, 1), 0L);
        assertThat(fixture.coordinator.resetOffsets(GROUP, orders, OffsetReset.time(morning.minusSeconds(1))))
                .containsEntry(zero, 0L);
        assertThat(fixture.coordinator.resetOffsets(GROUP, orders, OffsetReset.time(morning.plus(Duration.ofDays(1)))))
                .containsEntry(zero, 5L);
    }

    @Test
    void resetOffsets_isClampedToTheLogStart_afterRetentionDeletedRecords() {
        TopicPartition zero = TopicPartition.of(orders, 0);
        fixture.catalog.append(zero, 10, fixture.clock.instant());
        fixture.catalog.deleteRecordsBefore(zero, 4);

        assertThat(fixture.coordinator.resetOffsets(GROUP, orders, OffsetReset.earliest())).containsEntry(zero, 4L);
        assertThat(fixture.coordinator.resetOffsets(GROUP, orders, OffsetReset.offset(1))).containsEntry(zero, 4L);
    }

    @Test
    void resetOffsets_afterTheLastMembersSessionTimedOut_isAllowed() {
        ScriptedMember gone = fixture.member(GROUP, "gone", orders);
        gone.join();
        gone.commit(TopicPartition.of(orders, 0), 1L);

        fixture.clock.advance(fixture.config.sessionTimeout().plus(SECOND));

        assertThat(fixture.coordinator.resetOffsets(GROUP, null, OffsetReset.latest()))
                .isEqualTo(Map.of(TopicPartition.of(orders, 0), 0L, TopicPartition.of(orders, 1), 0L));
    }
}
