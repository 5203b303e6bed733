package io.tributary.log.internal;

import io.tributary.log.LogSlice;
import io.tributary.log.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** A {@link LogSlice} as a byte range of a segment file. */
record FileSlice(StorageFile file, long position, int sizeInBytes, long firstOffset, long nextOffset) implements LogSlice {

    @Override
    public ByteBuffer readAll() throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(sizeInBytes);
        int read = file.read(bytes, position);
        if (read < sizeInBytes) {
            throw new IOException(file.path() + " ended after " + read + " of " + sizeInBytes + " bytes at " + position);
        }
        return bytes.flip();
    }

    @Override
    public long transferTo(WritableByteChannel target) throws IOException {
        return file.transferTo(position, sizeInBytes, target);
    }
}
