package io.tributary.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Error codes are wire format: this test pins every code and whether clients retry it. Changing a pinned
 * value breaks deployed clients; add a code instead (and regenerate the table in docs/protocol.md, which
 * {@code ProtocolDocTest} checks).
 */
class ErrorCodeTest {

    @Test
    void codesAreStable() {
        Map<ErrorCode, Integer> pinned = new LinkedHashMap<>();
        pinned.put(ErrorCode.NONE, 0);
        pinned.put(ErrorCode.UNKNOWN_SERVER_ERROR, 1);
        pinned.put(ErrorCode.CORRUPT_MESSAGE, 2);
        pinned.put(ErrorCode.UNKNOWN_TOPIC, 3);
        pinned.put(ErrorCode.UNKNOWN_PARTITION, 4);
        pinned.put(ErrorCode.NOT_LEADER, 5);
        pinned.put(ErrorCode.RECORD_TOO_LARGE, 6);
        pinned.put(ErrorCode.REQUEST_TOO_LARGE, 7);
        pinned.put(ErrorCode.INVALID_TOPIC_NAME, 8);
        pinned.put(ErrorCode.TOPIC_ALREADY_EXISTS, 9);
        pinned.put(ErrorCode.OUT_OF_ORDER_SEQUENCE, 10);
        pinned.put(ErrorCode.PRODUCER_FENCED, 11);
        pinned.put(ErrorCode.CLUSTER_ID_MISMATCH, 12);
        pinned.put(ErrorCode.UNSUPPORTED_VERSION, 13);
        pinned.put(ErrorCode.UNSUPPORTED_API, 14);
        pinned.put(ErrorCode.INVALID_REQUEST, 15);
        pinned.put(ErrorCode.TIMED_OUT, 16);
        pinned.put(ErrorCode.POLICY_VIOLATION, 17);
        pinned.put(ErrorCode.TOO_MANY_CONNECTIONS, 18);
        pinned.put(ErrorCode.OFFSET_OUT_OF_RANGE, 19);
        pinned.put(ErrorCode.INVALID_CONFIG, 20);
        pinned.put(ErrorCode.TOO_MANY_WAITING_READS, 21);
        pinned.put(ErrorCode.UNKNOWN_MEMBER, 22);
        pinned.put(ErrorCode.FENCED_MEMBER, 23);
        pinned.put(ErrorCode.UNKNOWN_GROUP, 24);
        pinned.put(ErrorCode.GROUP_NOT_EMPTY, 25);
        pinned.put(ErrorCode.INVALID_GROUP_NAME, 26);
        pinned.put(ErrorCode.GROUP_LIMIT_REACHED, 27);

        assertThat(Arrays.stream(ErrorCode.values()).collect(Collectors.toMap(error -> error, error -> (int) error.code())))
                .as("every error and its code; a new error takes the next free code")
                .isEqualTo(pinned);
    }

    @Test
    void codesAreUnique() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void exactlyTheTransientErrorsAreRetriable() {
        assertThat(Arrays.stream(ErrorCode.values()).filter(ErrorCode::retriable))
                .containsExactlyInAnyOrder(ErrorCode.CORRUPT_MESSAGE, ErrorCode.NOT_LEADER, ErrorCode.TIMED_OUT,
                        ErrorCode.TOO_MANY_CONNECTIONS, ErrorCode.TOO_MANY_WAITING_READS);
    }

    @Test
    void codeUnknownToThisBuild_readsAsUnknownServerError_neverAsNone() {
        for (short code : new short[] {28, 999, Short.MAX_VALUE, -1, Short.MIN_VALUE}) {
            assertThat(ErrorCode.forCode(code)).as("code %d", code).isEqualTo(ErrorCode.UNKNOWN_SERVER_ERROR);
            assertThat(ErrorCode.isKnown(code)).as("code %d", code).isFalse();
        }
    }

    @Test
    void forCode_findsEveryKnownCode() {
        assertThat(ErrorCode.values()).allSatisfy(error -> {
            assertThat(ErrorCode.forCode(error.code())).isEqualTo(error);
            assertThat(ErrorCode.isKnown(error.code())).isTrue();
        });
    }

    @Test
    void everyCodeSaysWhatItMeans() {
        assertThat(ErrorCode.values()).allSatisfy(error -> assertThat(error.description()).isNotBlank());
    }
}
