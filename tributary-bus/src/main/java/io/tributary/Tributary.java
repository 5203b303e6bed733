package io.tributary;

import io.tributary.api.config.ConfigSource;
import io.tributary.internal.BusUrl;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Opens a {@link Bus}. The URL says where the events live; the code using the bus stays the same.
 *
 * <table>
 * <caption>URLs</caption>
 * <tr><th>URL</th><th>Events live</th></tr>
 * <tr><td>{@code mem:}</td><td>in this process only, in bounded rings; gone when the bus closes</td></tr>
 * <tr><td>{@code file:./data}</td><td>in an embedded log in that directory (the broker's storage, no
 * network); they survive a crash of the process once their publish completed</td></tr>
 * <tr><td>{@code tributary://host:7650}</td><td>on a server or cluster, through the client (any connection
 * string of {@code io.tributary.client.ConnectionString})</td></tr>
 * </table>
 *
 * <p>Settings ({@link BusOptions}) may follow as query parameters without the {@code tributary.bus.}
 * prefix: {@code mem:?workers=4&partitions=8}.
 */
public final class Tributary {

    /** The variable {@link #open()} reads. */
    public static final String URL_VARIABLE = "TRIBUTARY_URL";
    /** What {@link #open()} opens when {@link #URL_VARIABLE} is not set. */
    public static final String DEFAULT_URL = "file:./tributary-data";

    private Tributary() {
    }

    /** Opens the bus {@code $TRIBUTARY_URL} names, else {@value #DEFAULT_URL}. */
    public static Bus open() {
        return open(urlFrom(System.getenv()));
    }

    /**
     * Opens the bus {@code url} names, with the settings of its query parameters.
     *
     * @throws IllegalArgumentException if the URL or a setting is invalid (the message names it and the
     *                                  accepted forms)
     * @throws io.tributary.api.TributaryException if the bus cannot be opened (directory in use, no server
     *                                  reachable, ...)
     */
    public static Bus open(String url) {
        return open(url, UnaryOperator.identity());
    }

    /**
     * Opens the bus {@code url} names with {@code options}; the URL must not carry settings of its own.
     */
    public static Bus open(String url, BusOptions options) {
        BusUrl parsed = BusUrl.parse(url);
        if (!parsed.settings().isEmpty()) {
            throw new IllegalArgumentException("bus URL " + url + " carries settings " + parsed.settings().keySet()
                    + " and options were given too; put every setting in one place");
        }
        return parsed.open(options);
    }

    /**
     * Opens the bus {@code url} names, with the settings of its query parameters as {@code adjust} changes them:
     * {@code open(url, options -> options.withCloseTimeout(Duration.ofSeconds(30)))}. What {@code adjust} sets
     * wins over the URL.
     *
     * @throws IllegalArgumentException as {@link #open(String)} does
     */
    public static Bus open(String url, UnaryOperator<BusOptions> adjust) {
        BusUrl parsed = BusUrl.parse(url);
        return parsed.open(adjust.apply(BusOptions.from(ConfigSource.of(parsed.settings()))));
    }

    static String urlFrom(Map<String, String> environment) {
        @Nullable String url = environment.get(URL_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_URL : url.strip();
    }
}
