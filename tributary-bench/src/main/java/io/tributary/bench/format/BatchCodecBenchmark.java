package io.tributary.bench.format;

import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.format.CompressionCodec;
import io.tributary.format.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The batch codec on the hot paths: a producer encoding records into a batch ({@link #encode}), a
 * broker checking a produced batch's checksum and record shapes without decoding it
 * ({@link #validateAndWalk}), and a consumer decoding records ({@link #decode}). One operation = one
 * record ({@link OperationsPerInvocation}), so the score is records/s; batches hold {@value #RECORDS}
 * records of {@code valueBytes} with a 16-byte key and two headers, as an event would carry.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BatchCodecBenchmark {

    static final int RECORDS = 256;

    @Param({"100", "1024"})
    int valueBytes;

    @Param({"NONE", "LZ4"})
    CompressionCodec compression;

    private List<Record> records;
    private RecordBatch batch;

    @Setup
    public void prepare() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] value = new byte[valueBytes];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('a' + random.nextInt(8)); // compressible, like JSON
        }
        List<Header> headers = List.of(new Header("ce_type", "order.created".getBytes(StandardCharsets.UTF_8)),
                new Header("ce_id", "0190f3a1-7c4e-7d2a-9b1e-3f5c6d7e8f90".getBytes(StandardCharsets.UTF_8)));
        records = java.util.stream.IntStream.range(0, RECORDS)
                .mapToObj(i -> new Record(("key-" + (i % 1000) + "-padding").getBytes(StandardCharsets.UTF_8), headers,
                        value, 1_700_000_000_000L + i))
                .toList();
        batch = build();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public RecordBatch encode() {
        return build();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void validateAndWalk(Blackhole blackhole) {
        batch.ensureValid();
        batch.visitRecordShapes((index, headerCount, payloadBytes) -> blackhole.consume(payloadBytes));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decode(Blackhole blackhole) {
        batch.ensureValid();
        for (Record record : batch.records()) {
            blackhole.consume(record);
        }
    }

    private RecordBatch build() {
        BatchBuilder builder = BatchBuilder.create(RECORDS * (valueBytes + 128)).compression(compression)
                .producer(42L, (short) 0, 0);
        for (Record record : records) {
            builder.add(record);
        }
        return builder.build();
    }
}
