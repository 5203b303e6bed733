package io.tributary.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the {@link Producer} put one record.
 *
 * @param topic     the topic
 * @param partition the partition the record was appended to
 * @param offset    the record's offset in that partition
 * @param reference what the caller passed to {@link Producer#sendAsync(io.tributary.api.Record, Object)},
 *                  or null
 * @param <T>       type of the caller's reference
 */
public record SendResult<T>(String topic, int partition, long offset, @Nullable T reference) {

    public SendResult {
        Objects.requireNonNull(topic, "topic");
    }
}
