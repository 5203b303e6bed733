package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.TopicPartition;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.Heartbeat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /groups} and {@code GET /groups/{group}}: the broker's consumer groups, read only. */
class GroupsApiTest {

    @TempDir
    Path data;

    private ApiFixture broker;
    private GroupCoordinator groups;

    @BeforeEach
    void start() {
        broker = ApiFixture.start(data);
        groups = broker.service.groups();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void list_isEmpty_beforeAnyGroup() {
        assertThat(json(broker.get("/groups")).toString()).isEqualTo("{\"groups\":[]}");
    }

    @Test
    void list_givesEachGroupWithItsStateMembersAndGeneration() {
        broker.post("/topics", "{\"name\": \"orders\", \"partitions\": 2}");
        Assignment joined = groups.heartbeat(Heartbeat.join("billing", "m-1", "worker@host/1", List.of("orders")));

        assertThat(json(broker.get("/groups")).toString()).isEqualTo("{\"groups\":[{\"group\":\"billing\","
                + "\"state\":\"stable\",\"members\":1,\"generation\":" + joined.generation() + "}]}");
    }

    @Test
    void describe_showsMembersTheirPartitions_andPerPartitionTheCommittedOffsetEndAndLag() {
        broker.post("/topics", "{\"name\": \"orders\", \"partitions\": 2}");
        broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"a\", \"partition\": 0},"
                + " {\"value\": \"b\", \"partition\": 0}, {\"value\": \"c\", \"partition\": 0}, {\"value\": \"d\", \"partition\": 1}]}");
        Instant before = Instant.now();
        Assignment joined = groups.heartbeat(Heartbeat.join("billing", "m-1", "worker@host/1", List.of("orders")));
        groups.commit(new Commit("billing", "m-1", joined.generation(), Map.of(TopicPartition.of("orders", 0), 1L)));

        JsonNode group = assertThatResponse(broker.get("/groups/billing")).hasStatus(200).json();

        assertThat(group.path("group").asText()).isEqualTo("billing");
        assertThat(group.path("state").asText()).isEqualTo("stable");
        assertThat(group.path("generation").asInt()).isEqualTo(joined.generation());
        assertThat(group.path("lag").asLong()).as("2 in partition 0, 1 in partition 1").isEqualTo(3);
        JsonNode member = group.path("members").get(0);
        assertThat(member.path("memberId").asText()).isEqualTo("m-1");
        assertThat(member.path("clientId").asText()).isEqualTo("worker@host/1");
        assertThat(member.path("topics").toString()).isEqualTo("[\"orders\"]");
        assertThat(member.path("owned").toString()).isEqualTo(
                "[{\"topic\":\"orders\",\"partition\":0},{\"topic\":\"orders\",\"partition\":1}]");
        assertThat(member.path("target")).isEqualTo(member.path("owned"));
        assertThat(Instant.parse(member.path("lastHeartbeat").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(group.path("partitions").toString()).isEqualTo("["
                + "{\"topic\":\"orders\",\"partition\":0,\"owner\":\"m-1\",\"committedOffset\":1,\"logStartOffset\":0,"
                + "\"endOffset\":3,\"lag\":2},"
                + "{\"topic\":\"orders\",\"partition\":1,\"owner\":\"m-1\",\"committedOffset\":null,\"logStartOffset\":0,"
                + "\"endOffset\":1,\"lag\":1}]");
    }

    @Test
    void describe_ofAGroupNobodyKnows_is404() {
        assertThatResponse(broker.get("/groups/nobody")).hasStatus(404).hasError("UNKNOWN_GROUP")
                .hasMessageContaining("nobody");
    }

    @Test
    void describe_ofAnInvalidGroupName_is400() {
        assertThatResponse(broker.get("/groups/no%20spaces")).hasStatus(400).hasError("INVALID_GROUP_NAME");
    }
}
