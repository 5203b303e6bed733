package io.tributary.group.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.group.GroupConfig;
import io.tributary.group.GroupLimitException;
import io.tributary.group.OffsetReset;
import io.tributary.group.ScriptedMember;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code max-members} and {@code max-groups}: refused with a message naming the limit, freed when groups go. */
class LocalGroupCoordinatorLimitsTest {

    @Test
    void aJoinBeyondMaxMembers_isRefused_untilAMemberLeaves() {
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults().withMaxMembers(2));
        String orders = fixture.topic("orders", 4);
        ScriptedMember first = fixture.member("billing", "first", orders);
        first.join();
        fixture.member("billing", "second", orders).join();
        ScriptedMember third = fixture.member("billing", "third", orders);

        assertThatThrownBy(third::join).isInstanceOf(GroupLimitException.class)
                .hasMessageContaining("billing").hasMessageContaining("third")
                .hasMessageContaining("tributary.group.max-members = 2").hasMessageContaining("raise it");
        first.join(); // a resent join of a member is not a new member
        first.leave();
        assertThat(third.join().generation()).isPositive();
    }

    @Test
    void aNewGroupBeyondMaxGroups_isRefused_untilAGroupIsForgotten() {
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults().withMaxGroups(1));
        String orders = fixture.topic("orders", 1);
        ScriptedMember billing = fixture.member("billing", "member", orders);
        billing.join();
        ScriptedMember search = fixture.member("search", "member", orders);

        assertThatThrownBy(search::join).isInstanceOf(GroupLimitException.class).hasMessageContaining("search")
                .hasMessageContaining("tributary.group.max-groups = 1");
        assertThatThrownBy(() -> fixture.coordinator.resetOffsets("search", orders, OffsetReset.earliest()))
                .isInstanceOf(GroupLimitException.class);
        billing.leave(); // nothing committed: billing is forgotten
        assertThat(search.join().partitions()).hasSize(1);
    }

    @Test
    void aGroupWhoseMembersExpired_makesRoomForANewOne() {
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults().withMaxGroups(1));
        String orders = fixture.topic("orders", 1);
        fixture.member("billing", "member", orders).join();

        fixture.clock.advance(fixture.config.sessionTimeout().plus(Duration.ofSeconds(1)));

        assertThat(fixture.member("search", "member", orders).join().partitions()).hasSize(1);
    }

    @Test
    void aGroupWithCommittedOffsets_isKept_andCountsTowardsMaxGroups() {
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults().withMaxGroups(1));
        String orders = fixture.topic("orders", 1);
        fixture.coordinator.resetOffsets("billing", orders, OffsetReset.earliest());

        assertThatThrownBy(() -> fixture.member("search", "member", orders).join())
                .isInstanceOf(GroupLimitException.class);
    }
}
