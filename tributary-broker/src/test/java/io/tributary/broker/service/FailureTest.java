package io.tributary.broker.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.group.GroupException;
import io.tributary.group.UnknownMemberException;
import io.tributary.log.LogClosedException;
import io.tributary.protocol.message.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** What a client is answered for a failure: its code, and a message that says what happened. */
class FailureTest {

    private static final String NOT_COMMITTED = "offsets of group billing were not committed: the offset store failed";

    @Test
    void aStoreFailureUnderAGroupCall_isAnsweredWithWhatTheStoresFailureMeans_andTheGroupCallsMessage() {
        Failure closed = Failure.of(new CompletionException(new GroupException(NOT_COMMITTED,
                new LogClosedException("closed"))));
        Failure unexpected = Failure.of(new GroupException(NOT_COMMITTED, new IllegalStateException("disk on fire")));

        assertThat(closed).isEqualTo(new Failure(ErrorCode.NOT_LEADER, NOT_COMMITTED));
        assertThat(unexpected).isEqualTo(new Failure(ErrorCode.UNKNOWN_SERVER_ERROR, NOT_COMMITTED));
    }

    @Test
    void aGroupExceptionSubclass_keepsItsOwnCode() {
        Failure unknown = Failure.of(new UnknownMemberException("member m-1 is not in group billing"));

        assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_MEMBER);
    }

    @Test
    void aBareTimeout_isTimedOut() {
        assertThat(Failure.of(new TimeoutException()).code()).isEqualTo(ErrorCode.TIMED_OUT);
    }
}
