package io.tributary.cli.event;

import io.tributary.Bus;
import io.tributary.BusOptions;
import io.tributary.Tributary;
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
     * Opens the bus with {@code closeTimeout} as its {@link BusOptions#closeTimeout()}, keeping the other settings
     * the URL carries ({@code ?workers=16}). The caller closes the bus.
     */
    public Bus open(Duration closeTimeout) {
        return Tributary.open(url(), options -> options.withCloseTimeout(closeTimeout));
    }
}
