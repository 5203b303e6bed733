package io.tributary.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The protocol is bytes in, messages out: it opens no socket, so the broker and the client each own
 * their network layer, and the wire layer knows nothing of the messages above it.
 */
@AnalyzeClasses(packages = "io.tributary.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ProtocolArchitectureTest {

    @ArchTest
    static final ArchRule theProtocolOpensNoSocket = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "jdk.net..", "java.nio.channels.spi..")
            .orShould().dependOnClassesThat().belongToAnyOf(SocketChannel.class, ServerSocketChannel.class,
                    AsynchronousSocketChannel.class, AsynchronousServerSocketChannel.class, DatagramChannel.class,
                    NetworkChannel.class, Selector.class);

    @ArchTest
    static final ArchRule theProtocolKnowsNoBrokerClientOrLog = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.tributary.broker..", "io.tributary.client..",
                    "io.tributary.log..");

    @ArchTest
    static final ArchRule theWireKnowsNothingOfTheMessagesAboveIt = noClasses()
            .that().resideInAPackage("io.tributary.protocol.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tributary.protocol", "io.tributary.protocol.message..");

    @ArchTest
    static final ArchRule messagesKnowNothingOfTheCodecs = noClasses()
            .that().resideInAPackage("io.tributary.protocol.message..")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.protocol");
}
