package io.tributary.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.cli.client.ConnectionOptions;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the load generators that run against a broker. */
final class ClientBenchOptions {

    enum Output { TEXT, JSON }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--topic", defaultValue = "bench", paramLabel = "TOPIC", description = "Topic (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--record-size", defaultValue = "1024", paramLabel = "BYTES",
            description = "Bytes per record value (default ${DEFAULT-VALUE}).")
    int recordSize;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    /** Long enough for the JIT of both JVMs: with 2 s the first measured seconds still ran compiling code. */
    @Option(names = "--warmup-seconds", defaultValue = "10",
            description = "Seconds before measuring, for the JIT to settle (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, or json: the last line is one JSON object (default ${DEFAULT-VALUE}).")
    Output output;

    void validate(int minimumRecordSize) {
        if (seconds < 1 || warmupSeconds < 0 || recordSize < minimumRecordSize) {
            throw new IllegalArgumentException("--seconds must be at least 1, --warmup-seconds at least 0 and "
                    + "--record-size at least " + minimumRecordSize);
        }
    }

    /** Prints the JSON line when asked to. */
    void printJson(PrintWriter out, Map<String, Object> figures) throws Exception {
        if (output == Output.JSON) {
            out.println(new ObjectMapper().writeValueAsString(figures));
        }
        out.flush();
    }
}
