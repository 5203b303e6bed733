package io.tributary.format;

/**
 * How the records section of a batch is compressed. The header is never compressed. Stored in the
 * low three bits of the batch attributes.
 */
public enum CompressionCodec {
    NONE(0),
    LZ4(1),
    ZSTD(2);

    private final int id;

    CompressionCodec(int id) {
        this.id = id;
    }

    /** The value stored in the batch attributes. */
    public int id() {
        return id;
    }

    /**
     * The codec stored as {@code id}.
     *
     * @throws CorruptBatchException if no codec has that id
     */
    public static CompressionCodec fromId(int id) {
        for (CompressionCodec codec : values()) {
            if (codec.id == id) {
                return codec;
            }
        }
        throw new CorruptBatchException("unknown compression codec id " + id + " (known: 0 none, 1 lz4, 2 zstd)");
    }
}
