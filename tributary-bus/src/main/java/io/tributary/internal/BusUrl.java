package io.tributary.internal;

import io.tributary.Bus;
import io.tributary.BusOptions;
import io.tributary.api.config.ConfigKey;
import io.tributary.internal.mem.MemoryTransport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed bus URL: its scheme, where (a directory or a connection string) and its settings, the query
 * parameters turned into {@code tributary.bus.*} keys.
 *
 * @param scheme   {@code mem}, {@code file} or {@code tributary}
 * @param location the directory of {@code file:}, the connection string of {@code tributary://}, empty
 *                 for {@code mem:}
 * @param settings full setting keys to their values
 */
public record BusUrl(String scheme, String location, Map<String, String> settings) {

    private static final String KEY_PREFIX = "tributary.bus.";
    private static final String FORMS = "mem:, file:<directory> or tributary://[clusterId@]host:port[,host:port...]";

    /** @throws IllegalArgumentException naming the URL and the accepted forms */
    public static BusUrl parse(String url) {
        String trimmed = url.strip();
        int query = trimmed.indexOf('?');
        String base = query < 0 ? trimmed : trimmed.substring(0, query);
        Map<String, String> settings = query < 0 ? Map.of() : settings(url, trimmed.substring(query + 1));
        if (base.equals("mem:") || base.equals("mem://")) {
            return new BusUrl("mem", "", settings);
        }
        if (base.startsWith("file:")) {
            String directory = base.substring("file:".length());
            if (directory.startsWith("//")) {
                directory = directory.substring(2);
            }
            if (directory.isBlank()) {
                throw new IllegalArgumentException("bus URL " + url + " names no directory; write file:./data or file:/var/lib/app");
            }
            return new BusUrl("file", directory, settings);
        }
        if (base.startsWith("tributary://")) {
            return new BusUrl("tributary", base, settings);
        }
        throw new IllegalArgumentException("bus URL '" + url + "' is not one of " + FORMS);
    }

    /** Opens the bus. */
    public Bus open(BusOptions options) {
        Transport transport = switch (scheme) {
            case "mem" -> new MemoryTransport(options);
            case "file" -> TransportFactories.embedded(Path.of(location), options);
            case "tributary" -> TransportFactories.remote(location, options);
            default -> throw new IllegalStateException("unknown scheme " + scheme);
        };
        return new TransportBus(scheme.equals("mem") ? "mem:" : scheme.equals("file") ? "file:" + location : location,
                transport, options);
    }

    private static Map<String, String> settings(String url, String query) {
        Set<String> known = BusOptions.KEYS.stream().map(ConfigKey::name).collect(Collectors.toSet());
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            String key = name.startsWith(KEY_PREFIX) ? name : KEY_PREFIX + name;
            if (!known.contains(key)) {
                throw new IllegalArgumentException("bus URL " + url + " sets unknown setting '" + name + "'; known: "
                        + known.stream().map(k -> k.substring(KEY_PREFIX.length())).sorted().toList());
            }
            settings.put(key, value);
        }
        return settings;
    }
}
