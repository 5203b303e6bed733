package io.tributary.bench.probe;

import io.tributary.api.config.ByteSize;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@link DiskProbe}.
 *
 * @param directory   where the probe file goes; its file system is what gets measured
 * @param duration    how long to write
 * @param chunkBytes  bytes per write call
 * @param fileBytes   largest size of the probe file
 * @param syncEachChunk fdatasync after every chunk ({@code --no-fsync} turns it off)
 * @param readDuration least time to spend reading the file back
 * @param json        also print a JSON summary as the last line
 * @param help        print {@link #USAGE} and nothing else
 */
record ProbeOptions(Path directory, Duration duration, int chunkBytes, long fileBytes, boolean syncEachChunk,
                    Duration readDuration, boolean json, boolean help) {

    static final String USAGE = """
            Usage: tributary-bench/run disk-probe [options]
              (or: java -cp tributary-bench/target/benchmarks.jar io.tributary.bench.probe.DiskProbe [options])

            Measures this machine's sequential write limit: writes a scratch file in --chunk writes, with an
            fdatasync (FileChannel.force(false)) after each, for --seconds; then reads it back from the page
            cache. Prints MB/s (MB = 10^6 bytes) and fdatasync latency percentiles; deletes the file.

              --dir PATH          directory to write in; its file system is measured  (default: .)
              --seconds N         how long to write, decimals allowed                  (default: 10)
              --chunk SIZE        bytes per write, e.g. 4KiB, 256KiB, 1MiB             (default: 256KiB)
              --file-size SIZE    largest probe file; with fsync, writing wraps to the
                                  start there (fio --time_based); without, it stops   (default: 2GiB)
              --no-fsync          buffered writes, one fdatasync at the end (timed apart)
              --read-seconds N    least time spent reading the file back              (default: 1)
              --output text|json  json: also print a one-line JSON summary last       (default: text)
              -h, --help          this text
            """;

    ProbeOptions {
        new SequentialWriteProbe.Settings(chunkBytes, fileBytes, syncEachChunk, duration);
        if (readDuration.isNegative()) {
            throw new IllegalArgumentException("--read-seconds cannot be negative, was " + readDuration);
        }
    }

    static ProbeOptions defaults() {
        return new ProbeOptions(Path.of("."), Duration.ofSeconds(10), 256 << 10, 2L << 30, true,
                Duration.ofSeconds(1), false, false);
    }

    /** The settings of the write loop. */
    SequentialWriteProbe.Settings writeSettings() {
        return new SequentialWriteProbe.Settings(chunkBytes, fileBytes, syncEachChunk, duration);
    }

    /**
     * Parses {@code --name value} and {@code --name=value} options over {@link #defaults()}.
     *
     * @throws IllegalArgumentException naming the option and what it accepts
     */
    static ProbeOptions parse(String... args) {
        ProbeOptions options = defaults();
        Path directory = options.directory;
        Duration duration = options.duration;
        int chunkBytes = options.chunkBytes;
        long fileBytes = options.fileBytes;
        boolean sync = options.syncEachChunk;
        Duration readDuration = options.readDuration;
        boolean json = options.json;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "-h", "--help" -> {
                    return new ProbeOptions(directory, duration, chunkBytes, fileBytes, sync, readDuration, json, true);
                }
                case "--no-fsync" -> sync = false;
                case "--dir", "--seconds", "--chunk", "--file-size", "--read-seconds", "--output" -> {
                    String value;
                    if (inlineValue != null) {
                        value = inlineValue;
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    switch (name) {
                        case "--dir" -> directory = Path.of(value);
                        case "--seconds" -> duration = seconds(name, value);
                        case "--chunk" -> chunkBytes = (int) bytes(name, value, Integer.MAX_VALUE - 8);
                        case "--file-size" -> fileBytes = bytes(name, value, Long.MAX_VALUE);
                        case "--read-seconds" -> readDuration = seconds(name, value);
                        default -> json = switch (value) {
                            case "json" -> true;
                            case "text" -> false;
                            default -> throw new IllegalArgumentException("--output is text or json, not '" + value + "'");
                        };
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
            }
        }
        return new ProbeOptions(directory, duration, chunkBytes, fileBytes, sync, readDuration, json, false);
    }

    private static Duration seconds(String option, String value) {
        try {
            BigDecimal seconds = new BigDecimal(value);
            return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " takes a number of seconds such as 10 or 0.5, not '" + value + "'");
        }
    }

    private static long bytes(String option, String value, long max) {
        long bytes;
        try {
            bytes = ByteSize.parse(value).bytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
        if (bytes > max) {
            throw new IllegalArgumentException(option + " = " + value + " is larger than " + max + " bytes");
        }
        return bytes;
    }
}
