package io.tributary.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Api ids are wire format: a client in another language hard-codes them. This test pins every id and
 * version range; changing one breaks every deployed client, so add an api (a new id) or a version
 * instead, and update docs/protocol.md.
 */
class ApiKeyTest {

    @Test
    void idsAreStable() {
        Map<ApiKey, Integer> pinned = new LinkedHashMap<>();
        pinned.put(ApiKey.PRODUCE, 0);
        pinned.put(ApiKey.FETCH, 1);
        pinned.put(ApiKey.METADATA, 2);
        pinned.put(ApiKey.CREATE_TOPIC, 3);
        pinned.put(ApiKey.DELETE_TOPIC, 4);
        pinned.put(ApiKey.DESCRIBE_TOPICS, 5);
        pinned.put(ApiKey.ALTER_TOPIC, 6);
        pinned.put(ApiKey.END_OFFSET, 7);
        pinned.put(ApiKey.GROUP_HEARTBEAT, 8);
        pinned.put(ApiKey.LEAVE_GROUP, 9);
        pinned.put(ApiKey.COMMIT_OFFSETS, 10);
        pinned.put(ApiKey.FETCH_OFFSETS, 11);
        pinned.put(ApiKey.LIST_GROUPS, 12);
        pinned.put(ApiKey.DESCRIBE_GROUP, 13);
        pinned.put(ApiKey.RESET_OFFSETS, 14);

        assertThat(Arrays.stream(ApiKey.values()).collect(Collectors.toMap(key -> key, key -> (int) key.id())))
                .as("every api and its id; a new api takes the next free id")
                .isEqualTo(pinned);
    }

    @Test
    void idsAreUnique() {
        assertThat(Arrays.stream(ApiKey.values()).map(ApiKey::id)).doesNotHaveDuplicates();
    }

    @Test
    void everyApiIsAtVersion1() {
        assertThat(ApiKey.values()).allSatisfy(key -> {
            assertThat(key.minVersion()).isEqualTo((short) 1);
            assertThat(key.currentVersion()).isEqualTo((short) 1);
        });
    }

    @Test
    void forId_findsEveryKey_andNothingForIdsNotInUse() {
        assertThat(ApiKey.values()).allSatisfy(key -> assertThat(ApiKey.forId(key.id())).contains(key));
        assertThat(ApiKey.forId((short) 15)).isEmpty();
        assertThat(ApiKey.forId((short) -1)).isEmpty();
        assertThat(ApiKey.forId(Short.MAX_VALUE)).isEmpty();
    }

    @Test
    void supports_exactlyTheVersionsFromMinToCurrent() {
        assertThat(ApiKey.PRODUCE.supports((short) 0)).isFalse();
        assertThat(ApiKey.PRODUCE.supports((short) 1)).isTrue();
        assertThat(ApiKey.PRODUCE.supports((short) 2)).isFalse();
        assertThat(ApiKey.PRODUCE.supports((short) -1)).isFalse();
    }
}
