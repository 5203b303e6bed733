package io.tributary.format;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/**
 * Zstandard compression (zstd-jni), one zstd frame per records section.
 *
 * <p>Each call creates and frees a native zstd context. That is per batch, not per record; pooling
 * contexts is a possible optimisation if profiles show it.
 */
final class ZstdCompressor implements Compressor {

    static final ZstdCompressor INSTANCE = new ZstdCompressor();

    /**
     * Level 3, zstd's own default (also Kafka's). Users who want the cheapest compression pick LZ4;
     * users who pick zstd want the ratio, and level 3 gives most of it while still compressing at
     * hundreds of MB/s per core. Decompression speed barely depends on the level, and consumers
     * decompress far more often than the producer compresses.
     */
    private static final int LEVEL = 3;

    private ZstdCompressor() {
    }

    @Override
    public int maxCompressedLength(int length) {
        return Math.toIntExact(Zstd.compressBound(length));
    }

    @Override
    public int compress(byte[] source, int offset, int length, byte[] destination, int destinationOffset) {
        long written = Zstd.compressByteArray(destination, destinationOffset, destination.length - destinationOffset,
                source, offset, length, LEVEL);
        if (Zstd.isError(written)) {
            // Cannot happen with a destination of maxCompressedLength bytes; a bug if it does.
            throw new IllegalStateException("zstd compression failed: " + Zstd.getErrorName(written));
        }
        return (int) written;
    }

    @Override
    public void decompress(byte[] source, int offset, int length, byte[] destination) {
        long inflated;
        try {
            inflated = Zstd.decompressByteArray(destination, 0, destination.length, source, offset, length);
        } catch (ZstdException e) {
            throw new CorruptBatchException("zstd records section of " + length + " bytes does not decompress: "
                    + e.getMessage(), e);
        }
        if (Zstd.isError(inflated)) {
            throw new CorruptBatchException("zstd records section of " + length + " bytes does not decompress: "
                    + Zstd.getErrorName(inflated));
        }
        if (inflated != destination.length) {
            throw new CorruptBatchException("zstd records section inflates to " + inflated + " bytes, not the "
                    + destination.length + " its batch declares");
        }
    }
}
