package io.tributary.cli.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.Bus;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.Tributary;
import io.tributary.cli.Await;
import io.tributary.cli.CliRun;
import io.tributary.cli.GroupBroker;
import io.tributary.client.TributaryClient;
import io.tributary.event.Event;
import io.tributary.group.GroupNotEmptyException;
import io.tributary.group.OffsetReset;
import io.tributary.group.PartitionProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code group list|describe|reset} against a broker on a free loopback port, on group {@code billing}, whose one
 * member handled the ten events of the two-partition topic {@code orders} and committed them.
 */
class GroupCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 10;

    @TempDir
    Path data;

    private GroupBroker broker;
    private String url;
    private Bus bus;
    private SubscriptionHandle member;

    @BeforeEach
    void aGroupHandledEverything() throws Exception {
        broker = GroupBroker.start(data);
        url = broker.url();
        try (TributaryClient client = TributaryClient.connect(url)) {
            client.createTopic("orders", 2, Map.of());
        }
        bus = Tributary.open(url);
        member = bus.subscribe(Subscription.to("orders").group("billing").from(StartPosition.earliest()), event -> { });
        for (int i = 0; i < EVENTS; i++) {
            bus.publish("orders", Event.builder("order.created").key("customer-" + i).build()).get(30, TimeUnit.SECONDS);
        }
        Await.until(Duration.ofSeconds(30), "billing committed every event", () -> {
            var partitions = bus.groups().describe("billing").partitions();
            return partitions.size() == 2 && partitions.stream().allMatch(p -> p.lag() == 0 && p.committed().isPresent());
        });
    }

    @AfterEach
    void stop() {
        bus.close();
        broker.close();
    }

    @Test
    void list_printsEachGroup_withItsStateMembersAndGeneration() throws Exception {
        CliRun text = CliRun.of("group", "list", "--url", url);
        CliRun json = CliRun.of("group", "list", "--url", url, "--output", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.outLines()).singleElement().asString().matches("billing stable members=1 generation=[1-9]\\d*");
        JsonNode group = JSON.readTree(json.outLines().getFirst());
        assertThat(group.path("group").asText()).isEqualTo("billing");
        assertThat(group.path("state").asText()).isEqualTo("stable");
        assertThat(group.path("members").asInt()).isEqualTo(1);
    }

    @Test
    void describe_showsTheMember_andPerPartitionItsOwnerCommittedOffsetEndAndLag() {
        String memberId = bus.groups().describe("billing").members().getFirst().memberId();
        long end0 = progress(0).endOffset();
        long end1 = progress(1).endOffset();

        CliRun run = CliRun.of("group", "describe", "billing", "--url", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().getFirst()).matches("group billing stable generation \\d+, 1 member\\(s\\), total lag 0");
        assertThat(run.outLines().get(1)).startsWith("  member " + memberId + " client=tributary-bus_"
                + ProcessHandle.current().pid() + "@").endsWith(" owns=orders/0,orders/1");
        assertThat(run.outLines().get(2).split(" +")).containsExactly("", "PARTITION", "OWNER", "COMMITTED", "END", "LAG");
        assertThat(run.outLines().get(3).split(" +")).containsExactly("", "orders/0", memberId, Long.toString(end0),
                Long.toString(end0), "0");
        assertThat(run.outLines().get(4).split(" +")).containsExactly("", "orders/1", memberId, Long.toString(end1),
                Long.toString(end1), "0");
        assertThat(end0 + end1).isEqualTo(EVENTS);
    }

    @Test
    void describe_json_isOneObject_withTheLagPerPartitionAndInTotal() throws Exception {
        member.close();
        bus.groups().reset("billing", "orders", OffsetReset.offset(1));

        CliRun run = CliRun.of("group", "describe", "billing", "--url", url, "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode group = JSON.readTree(run.outLines().getFirst());
        assertThat(group.path("state").asText()).isEqualTo("empty");
        assertThat(group.path("members")).isEmpty();
        JsonNode first = group.path("partitions").get(0);
        assertThat(first.path("topic").asText()).isEqualTo("orders");
        assertThat(first.path("partition").asInt()).isZero();
        assertThat(first.path("owner").isNull()).isTrue();
        assertThat(first.path("committed").asLong()).isEqualTo(1);
        assertThat(first.path("endOffset").asLong()).isEqualTo(progress(0).endOffset());
        assertThat(first.path("lag").asLong()).isEqualTo(progress(0).endOffset() - 1);
        assertThat(group.path("totalLag").asLong()).isEqualTo(EVENTS - 2);
    }

    @Test
    void describe_ofAnUnknownGroup_failsWithOneLine() {
        CliRun run = CliRun.of("group", "describe", "nobody", "--url", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("tributary: ").contains("nobody");
    }

    @Test
    void reset_whileTheGroupHasMembers_isRefusedWithTheCoordinatorsLine() {
        String refusal = catchThrowableOfType(GroupNotEmptyException.class,
                () -> bus.groups().reset("billing", null, OffsetReset.earliest())).getMessage();

        CliRun run = CliRun.of("group", "reset", "billing", "--to", "earliest", "--url", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("tributary: " + refusal.replace('\n', ' '));
        assertThat(progress(0).lag()).as("nothing moved").isZero();
    }

    @Test
    void reset_toEarliest_afterTheMemberLeft_printsTheNewOffsets_andTheLagIsBack() {
        member.close();

        CliRun run = CliRun.of("group", "reset", "billing", "--to", "earliest", "--url", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly("orders/0 0", "orders/1 0");
        assertThat(run.errLines()).containsExactly("reset 2 partition(s) of group billing to earliest");
        assertThat(progress(0).lag() + progress(1).lag()).isEqualTo(EVENTS);
    }

    @Test
    void reset_toAnOffset_ofOneTopic_clampsToEachPartitionsEnd_json() throws Exception {
        member.close();

        CliRun run = CliRun.of("group", "reset", "billing", "--to", "1000", "--topic", "orders", "--url", url,
                "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode first = JSON.readTree(run.outLines().getFirst());
        assertThat(first.path("group").asText()).isEqualTo("billing");
        assertThat(first.path("topic").asText()).isEqualTo("orders");
        assertThat(first.path("partition").asInt()).isZero();
        assertThat(first.path("offset").asLong()).isEqualTo(progress(0).endOffset());
    }

    @Test
    void reset_toATimeBeforeEveryEvent_goesToTheStart() {
        member.close();

        CliRun run = CliRun.of("group", "reset", "billing", "--to", "2000-01-01T00:00:00Z", "--url", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly("orders/0 0", "orders/1 0");
    }

    @Test
    void reset_toSomethingThatIsNoPosition_isAUsageError() {
        CliRun run = CliRun.of("group", "reset", "billing", "--to", "yesterday", "--url", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("'yesterday' is not a reset position");
    }

    private PartitionProgress progress(int partition) {
        return bus.groups().describe("billing").partitions().stream()
                .filter(p -> p.partition().partition() == partition).findFirst().orElseThrow();
    }
}
