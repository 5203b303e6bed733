package io.tributary.broker.cluster;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.broker.internal.PropertiesFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cluster id of a data directory, kept in {@code <data>/cluster.properties}. Generated (or taken
 * from {@code --cluster-id}) on first start; on every later start a given id must match it, so a
 * broker never serves one cluster's data under another's name.
 *
 * @param clusterId the id: 1 to 64 characters of {@code [A-Za-z0-9_-]}
 */
public record ClusterIdentity(String clusterId) {

    static final String FILE = "cluster.properties";
    private static final String KEY = "cluster.id";
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ClusterIdentity {
        if (!LEGAL.matcher(clusterId).matches()) {
            throw new IllegalArgumentException("cluster id '" + clusterId
                    + "' is invalid: use 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
    }

    /**
     * The identity of {@code dataDirectory}, creating it on first start.
     *
     * @param expected the id the operator gave, if any
     * @throws ClusterIdMismatchException if the directory belongs to another cluster
     */
    public static ClusterIdentity loadOrCreate(Path dataDirectory, Optional<String> expected, SecureRandom random) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                ClusterIdentity stored = new ClusterIdentity(PropertiesFile.read(file).getOrDefault(KEY, ""));
                if (expected.isPresent() && !expected.get().equals(stored.clusterId)) {
                    throw new ClusterIdMismatchException("data directory " + dataDirectory + " belongs to cluster "
                            + stored.clusterId + ", not " + expected.get() + "; point --data at the directory of cluster "
                            + expected.get() + ", or drop --cluster-id to serve " + stored.clusterId);
                }
                return stored;
            }
            ClusterIdentity created = new ClusterIdentity(expected.orElseGet(() -> generate(random)));
            Files.createDirectories(dataDirectory);
            PropertiesFile.write(file, "Tributary cluster identity: generated on first start, checked on every start.",
                    Map.of(KEY, created.clusterId));
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** 22 URL-safe characters of 128 random bits, like Kafka's cluster ids. */
    static String generate(SecureRandom random) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
