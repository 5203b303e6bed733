package io.tributary.cli.event;

import io.tributary.Bus;
import io.tributary.BusOptions;
import io.tributary.Tributary;
import io.tributary.api.config.ConfigKey;
import io.tributary.cli.client.ConnectionOptions;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --url}: which bus to open. The same default as the commands that talk to a broker
 * ({@link ConnectionOptions}: {@code TRIBUTARY_URL}, else {@value ConnectionOptions#DEFAULT_URL}), but any
 * URL {@link Tributary#open(String)} takes.
 */
public final class BusUrlOption {

    @Option(names = "--url", paramLabel = "URL",
            description = "Bus URL: tributary://host:7650, file:DIR or mem: (default: $" + ConnectionOptions.URL_VARIABLE
                    + ", else " + ConnectionOptions.DEFAULT_URL + ").")
    private @Nullable String url;

    /** The URL of the bus. */
    public String url() {
        return ConnectionOptions.urlOr(url);
    }

    /** Opens the bus; the caller closes it. */
    public Bus open() {
        return Tributary.open(url());
    }

    /**
     * Opens the bus with {@code closeTimeout} as its {@link BusOptions#closeTimeout()}, keeping the settings the
     * URL carries ({@code ?workers=16}): such a URL gets the timeout as one more query parameter, which wins over
     * a {@code close-timeout} of its own. The caller closes the bus.
     */
    public Bus open(Duration closeTimeout) {
        String url = url();
        if (url.indexOf('?') < 0) {
            return Tributary.open(url, BusOptions.defaults().withCloseTimeout(closeTimeout));
        }
        String setting = BusOptions.CLOSE_TIMEOUT.name().substring("tributary.bus.".length()) + "="
                + ConfigKey.formatDuration(closeTimeout);
        return Tributary.open(url + (url.endsWith("?") || url.endsWith("&") ? "" : "&") + setting);
    }
}
