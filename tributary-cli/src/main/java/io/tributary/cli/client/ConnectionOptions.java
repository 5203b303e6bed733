package io.tributary.cli.client;

import io.tributary.client.TributaryClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --url}: where the broker is; defaults to {@code TRIBUTARY_URL}, else the local broker's default port. */
public final class ConnectionOptions {

    /** The environment variable that sets the default URL. */
    public static final String URL_VARIABLE = "TRIBUTARY_URL";
    /** The URL when neither {@code --url} nor {@code TRIBUTARY_URL} is given. */
    public static final String DEFAULT_URL = "tributary://127.0.0.1:7650";

    @Option(names = "--url", paramLabel = "URL",
            description = "Connection string, e.g. tributary://host:7650 (default: $" + URL_VARIABLE + ", else "
                    + DEFAULT_URL + ").")
    private @Nullable String url;

    /** The URL to connect to. */
    public String url() {
        return urlOr(url);
    }

    /** {@code flag} when given, else {@code $TRIBUTARY_URL} when set, else {@value #DEFAULT_URL}. */
    public static String urlOr(@Nullable String flag) {
        if (flag != null) {
            return flag;
        }
        String fromEnvironment = System.getenv(URL_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_URL : fromEnvironment;
    }

    /** A client connected to {@link #url()}. */
    public TributaryClient connect() {
        return TributaryClient.connect(url());
    }
}
