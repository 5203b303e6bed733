package io.tributary.api;

import java.util.Objects;

/**
 * Maps a record key to a partition the way Kafka's default partitioner does: 32-bit MurmurHash2
 * (seed {@code 0x9747b28c}) of the key bytes, made non-negative by masking the sign bit, modulo the
 * partition count. Matching Kafka keeps a key on the same partition number if a bridge to Kafka is
 * ever added (ARCHITECTURE.md §6). Stateless and thread-safe.
 */
public final class KeyPartitioner {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;

    private KeyPartitioner() {
    }

    /** The partition of {@code key} among {@code partitionCount} partitions. */
    public static int partition(byte[] key, int partitionCount) {
        Objects.requireNonNull(key, "key");
        if (partitionCount < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + partitionCount);
        }
        return (murmur2(key) & 0x7fffffff) % partitionCount;
    }

    /** 32-bit MurmurHash2 of {@code data}, little-endian 4-byte blocks, seed {@code 0x9747b28c}. */
    public static int murmur2(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int at = i * 4;
            int k = (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
        int tail = blocks * 4;
        switch (length % 4) {
            case 3:
                h ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                h ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                h ^= data[tail] & 0xff;
                h *= M;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }
}
