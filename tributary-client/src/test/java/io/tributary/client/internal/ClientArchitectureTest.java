package io.tributary.client.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client's layering (docs/decisions/0006): a small public package over internals nobody else uses. */
@AnalyzeClasses(packages = "io.tributary", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {

    @ArchTest
    static final ArchRule clientInternalsStayInsideTheClient = noClasses()
            .that().resideOutsideOfPackage("io.tributary.client..")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.client.internal..");

    @ArchTest
    static final ArchRule thePublicPackageUsesInternalsOnlyToConnect = noClasses()
            .that().resideInAPackage("io.tributary.client").and().doNotHaveSimpleName("TributaryClient")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.client.internal..")
            .because("the only way in is TributaryClient.connect, which delegates to NetworkClient");

    @ArchTest
    static final ArchRule theClientKnowsNoBrokerAndNoLog = noClasses()
            .that().resideInAPackage("io.tributary.client..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tributary.broker..", "io.tributary.log..");

    @ArchTest
    static final ArchRule theClientSpeaksTheGroupContractNotTheCoordinator = noClasses()
            .that().resideInAPackage("io.tributary.client..")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.group.coordinator..")
            .because("groups() implements GroupCoordinator over the protocol; the coordinator runs in the broker");

    @ArchTest
    static final ArchRule theClientsPublicTypesAreInterfacesRecordsEnumsOrExceptions = classes()
            .that().resideInAPackage("io.tributary.client").and().arePublic()
            .should().beInterfaces().orShould().beRecords().orShould().beEnums()
            .orShould().beAssignableTo(RuntimeException.class);
}
