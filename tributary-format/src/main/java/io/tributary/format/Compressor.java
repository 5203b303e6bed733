package io.tributary.format;

/**
 * Compresses and decompresses a whole records section with one {@link CompressionCodec}. Implementations
 * are stateless and thread-safe; {@link RecordsSection} adds the framing (the uncompressed length).
 */
sealed interface Compressor permits Lz4Compressor, ZstdCompressor {

    /**
     * The compressor for {@code codec}.
     *
     * @throws IllegalArgumentException for {@link CompressionCodec#NONE}, which has none
     */
    static Compressor of(CompressionCodec codec) {
        return switch (codec) {
            case NONE -> throw new IllegalArgumentException("CompressionCodec.NONE has no compressor");
            case LZ4 -> Lz4Compressor.INSTANCE;
            case ZSTD -> ZstdCompressor.INSTANCE;
        };
    }

    /** The most bytes {@link #compress} may write for {@code length} bytes of input. */
    int maxCompressedLength(int length);

    /**
     * Compresses {@code length} bytes of {@code source} from {@code offset} into {@code destination} from
     * {@code destinationOffset}, which must have {@link #maxCompressedLength} bytes of room.
     *
     * @return bytes written
     */
    int compress(byte[] source, int offset, int length, byte[] destination, int destinationOffset);

    /**
     * Decompresses {@code length} bytes of {@code source} from {@code offset}, which must inflate to
     * exactly {@code destination.length} bytes, into {@code destination}.
     *
     * @throws CorruptBatchException if the input is not valid for the codec or inflates to another size
     */
    void decompress(byte[] source, int offset, int length, byte[] destination);
}
