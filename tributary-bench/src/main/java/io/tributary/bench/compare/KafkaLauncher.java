package io.tributary.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * Apache Kafka 4.4.0, KRaft combined mode (broker and controller), single node, in a JVM of its own on the
 * harness's JDK, from Maven Central artifacts: the class path comes from {@code kafka-server-pom.xml}
 * (resolved once through the Maven wrapper into {@code RESULTS/kafka-server/classpath.txt}). Config:
 * {@link #serverProperties}; JVM: {@link #JVM_OPTIONS} (kafka-server-start.sh's heap and
 * kafka-run-class.sh's G1 settings). Per-topic durability is set by {@link KafkaPeerClient}.
 */
final class KafkaLauncher implements PeerLauncher {

    /** The JVM options Kafka's own start scripts use. */
    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");

    private final Path workDirectory;
    private final @Nullable Path mavenWrapper;
    private @Nullable String classPath;
    private @Nullable Availability resolved;

    /**
     * @param workDirectory where the POM, the resolved class path and the resolution log are kept between runs
     * @param mavenWrapper  the repository's {@code mvnw} ({@code -Dtributary.bench.root} names the repository);
     *                      null: {@code mvn} on PATH
     */
    KafkaLauncher(Path workDirectory, @Nullable Path mavenWrapper) {
        this.workDirectory = workDirectory;
        this.mavenWrapper = mavenWrapper;
    }

    static KafkaLauncher fromSystemProperties(Path resultsRoot) {
        String root = System.getProperty("tributary.bench.root");
        Path wrapper = root == null ? null : Path.of(root, "mvnw");
        return new KafkaLauncher(resultsRoot.resolve("kafka-server"), wrapper != null && Files.isExecutable(wrapper) ? wrapper : null);
    }

    @Override
    public PeerSystem system() {
        return PeerSystem.KAFKA;
    }

    /** The server.properties of a single KRaft node on loopback. */
    static String serverProperties(int port, int controllerPort, Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    @Override
    public synchronized Availability availability(DurabilityMode durability) {
        if (resolved == null) {
            try {
                classPath = resolveClassPath();
                resolved = Availability.AVAILABLE;
            } catch (IOException e) {
                resolved = Availability.skipped("Kafka 4.4.0 could not be resolved from Maven Central: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                resolved = Availability.skipped("interrupted while resolving Kafka");
            }
        }
        return resolved;
    }

    /** Resolves the broker's class path through Maven, or reuses the one resolved before for the same POM. */
    private String resolveClassPath() throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        byte[] pom;
        try (InputStream in = KafkaLauncher.class.getResourceAsStream("kafka-server-pom.xml")) {
            if (in == null) {
                throw new IOException("kafka-server-pom.xml is missing from the harness's class path");
            }
            pom = in.readAllBytes();
        }
        Path pomFile = workDirectory.resolve("pom.xml");
        Path classPathFile = workDirectory.resolve("classpath.txt");
        boolean samePom = Files.exists(pomFile) && Arrays.equals(Files.readAllBytes(pomFile), pom);
        if (samePom && Files.exists(classPathFile)) {
            String cached = Files.readString(classPathFile).trim();
            if (!cached.isEmpty() && Arrays.stream(cached.split(java.io.File.pathSeparator)).allMatch(j -> Files.exists(Path.of(j)))) {
                return cached;
            }
        }
        Files.write(pomFile, pom);
        Files.deleteIfExists(classPathFile);
        List<String> command = new ArrayList<>();
        command.add(mavenWrapper != null ? mavenWrapper.toString() : "mvn");
        command.addAll(List.of("-q", "-B", "-f", pomFile.toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + classPathFile));
        PeerProcess.runToEnd(command, workDirectory, workDirectory.resolve("resolve.log"), Duration.ofMinutes(10));
        return Files.readString(classPathFile).trim();
    }

    @Override
    public RunningPeer start(Path dataDir, DurabilityMode durability, Path logFile) throws Exception {
        Availability availability = availability(durability);
        if (!availability.available() || classPath == null) {
            throw new IllegalStateException(availability.skipReason());
        }
        int port = PeerProcess.freePort();
        int controllerPort = PeerProcess.freePort();
        Path properties = dataDir.resolve("server.properties");
        Files.writeString(properties, serverProperties(port, controllerPort, dataDir.resolve("logs")));
        String java = PeerProcess.javaCommand();
        PeerProcess.runToEnd(List.of(java, "-cp", classPath, "kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), dataDir, logFile, Duration.ofMinutes(2));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, "kafka.Kafka", properties.toString()));
        PeerProcess process = PeerProcess.start(command, dataDir, logFile);
        try {
            process.awaitPort(port, Duration.ofSeconds(90));
        } catch (Exception e) {
            process.close();
            throw e;
        }
        return new RunningPeer() {
            @Override
            public PeerClient connect() {
                return new KafkaPeerClient("127.0.0.1:" + port, durability);
            }

            @Override
            public String command() {
                return "java " + String.join(" ", JVM_OPTIONS) + " -cp KAFKA_4.4.0_CLASSPATH kafka.Kafka server.properties";
            }

            @Override
            public void close() throws InterruptedException {
                process.close();
            }
        };
    }
}
