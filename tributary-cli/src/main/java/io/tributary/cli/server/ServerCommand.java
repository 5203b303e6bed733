package io.tributary.cli.server;

import io.tributary.api.config.ConfigSource;
import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.cli.TributaryCli;
import io.tributary.log.LogConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary server}: opens the data directory, listens, prints where, and runs until SIGINT or
 * SIGTERM, then shuts down gracefully (requests in flight are answered, logs are closed). Flags win over
 * the {@code TRIBUTARY_BROKER_*} / {@code TRIBUTARY_LOG_*} environment, which wins over the defaults.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run a broker on this machine until Ctrl-C (SIGINT) or SIGTERM.")
public final class ServerCommand implements Callable<Integer> {

    @ParentCommand
    private TributaryCli parent;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default tributary-data).")
    private @Nullable Path data;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
    private @Nullable String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Binary protocol port (default 7650; 0 picks one).")
    private @Nullable Integer port;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP API port (default 7651; 0 picks one).")
    private @Nullable Integer httpPort;

    @Option(names = "--cluster-id", paramLabel = "ID",
            description = "Cluster id the data directory must have; generated on first start when absent.")
    private @Nullable String clusterId;

    @Option(names = "--auto-create-topics", paramLabel = "true|false", arity = "1",
            description = "Create a topic on first produce (default true).")
    private @Nullable Boolean autoCreateTopics;

    @Option(names = "--durability", paramLabel = "MODE", description = "Default durability of new topics: fsync, interval or os (default fsync).")
    private @Nullable String durability;

    @Override
    public Integer call() throws InterruptedException {
        BrokerConfig config = BrokerConfig.from(ConfigSource.of(flags()).orElse(ConfigSource.environment()));
        Broker broker = Broker.start(config);
        Thread hook = Thread.ofPlatform().name("tributary-shutdown").unstarted(broker::close);
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = parent.terminal().out();
        out.println("Tributary broker, cluster " + broker.clusterId());
        out.println("  data    " + config.dataDirectory().toAbsolutePath());
        out.println("  binary  tributary://" + broker.address().getHostString() + ":" + broker.address().getPort());
        out.println("  http    http://" + broker.httpAddress().getHostString() + ":" + broker.httpAddress().getPort());
        out.println("Ctrl-C stops it gracefully.");
        out.flush();
        broker.awaitShutdown();
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        put(flags, BrokerConfig.DATA_DIR.name(), data);
        put(flags, BrokerConfig.HOST.name(), host);
        put(flags, BrokerConfig.PORT.name(), port);
        put(flags, BrokerConfig.HTTP_PORT.name(), httpPort);
        put(flags, BrokerConfig.CLUSTER_ID.name(), clusterId);
        put(flags, BrokerConfig.AUTO_CREATE_TOPICS.name(), autoCreateTopics);
        put(flags, LogConfig.DURABILITY.name(), durability);
        return flags;
    }

    private static void put(Map<String, String> flags, String key, @Nullable Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }
}
