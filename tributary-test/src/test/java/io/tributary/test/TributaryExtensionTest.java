package io.tributary.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.Bus;
import io.tributary.BusClosedException;
import io.tributary.event.Event;
import io.tributary.test.TributaryTest.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bus a test gets: which transport, shared by its parameters, closed afterwards. */
@TributaryTest
class TributaryExtensionTest {

    /** Buses handed out, checked closed once every test of the class ran. */
    private static final List<Bus> HANDED_OUT = new ArrayList<>();
    /** Directories of file: and server buses, checked deleted. */
    private static final List<Path> DIRECTORIES = new ArrayList<>();

    private Bus busOfBeforeEach;

    @BeforeEach
    void rememberTheBus(Bus bus) {
        busOfBeforeEach = bus;
        HANDED_OUT.add(bus);
    }

    @AfterAll
    static void everyBus_isClosedAfterItsTest_andItsDirectoryDeleted() {
        assertThat(HANDED_OUT).isNotEmpty().allSatisfy(bus ->
                assertThatThrownBy(() -> bus.publish("after", Event.builder("too.late").build()))
                        .isInstanceOf(BusClosedException.class));
        assertThat(DIRECTORIES).isNotEmpty().allSatisfy(directory -> assertThat(directory).doesNotExist());
    }

    @Test
    void busIsMemByDefault(Bus bus) {
        assertThat(bus.toString()).contains("mem:").endsWith("(recorded)");
    }

    @Test
    void busAndRecorderParameters_areOneBus_sharedWithBeforeEach(Bus bus, EventRecorder recorder) throws Exception {
        assertThat(bus).isSameAs(recorder.bus()).isSameAs(busOfBeforeEach);

        bus.emit("thing.happened", null).get(5, TimeUnit.SECONDS);

        assertThat(recorder.events()).extracting(Event::type).containsExactly("thing.happened");
    }

    @Test
    @TributaryTest(transport = Transport.FILE)
    void fileTransport_isAnEmbeddedLogInATemporaryDirectory(Bus bus, EventRecorder recorder) throws Exception {
        Path directory = directoryOf(bus, "file:");
        DIRECTORIES.add(directory);
        assertThat(directory).isDirectory();

        bus.publish("orders", Event.builder("order.created").build()).get(5, TimeUnit.SECONDS);

        assertThat(recorder.events()).hasSize(1);
        try (var files = Files.list(directory)) {
            assertThat(files).isNotEmpty();
        }
    }

    @Test
    @TributaryTest(transport = Transport.SERVER)
    void serverTransport_isABrokerOnALoopbackPortOfItsOwn(Bus bus, EventRecorder recorder) throws Exception {
        assertThat(bus.toString()).contains("tributary://127.0.0.1:");

        bus.publish("orders", Event.builder("order.created").build()).get(5, TimeUnit.SECONDS);

        TributaryAssertions.assertThat(recorder).emitted("order.created").times(1);
    }

    @Test
    @TributaryTest(settings = "default-topic=things&partitions=2")
    void settings_configureTheBus(Bus bus) {
        assertThat(bus.defaultTopic()).isEqualTo("things");
    }

    @Test
    void everyTest_getsAFreshBus(EventRecorder recorder) {
        assertThat(recorder.events()).isEmpty();
    }

    @Nested
    @TributaryTest(transport = Transport.FILE)
    class NestedClassAnnotation {

        @Test
        void appliesToItsTests(Bus bus) {
            DIRECTORIES.add(directoryOf(bus, "file:"));
            assertThat(bus.toString()).contains("file:");
        }
    }

    @Nested
    @ExtendWith(TributaryExtension.class)
    class ExtendWithAlone {

        @Test
        void nearestAnnotationWins_evenThroughTheEnclosingClass(Bus bus) {
            assertThat(bus.toString()).contains("mem:");
        }
    }

    /** The directory in a bus's description, {@code Bus[file:/tmp/...] (recorded)}. */
    private static Path directoryOf(Bus bus, String scheme) {
        String text = bus.toString();
        int start = text.indexOf(scheme) + scheme.length();
        return Path.of(text.substring(start, text.indexOf(']', start)));
    }
}
