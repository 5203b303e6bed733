package io.tributary.broker.net;

import io.tributary.log.LogSlice;
import io.tributary.protocol.wire.RecordsSource;

/** Fetched batches that stay in the segment file until the connection sends them with {@code transferTo}. */
record LogSliceRecords(LogSlice slice) implements RecordsSource {

    @Override
    public int sizeInBytes() {
        return slice.sizeInBytes();
    }
}
