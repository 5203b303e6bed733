package io.tributary.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The bus's layering (docs/decisions/0010): a small public package over internals nobody else uses. */
@AnalyzeClasses(packages = "io.tributary", importOptions = ImportOption.DoNotIncludeTests.class)
class BusArchitectureTest {

    @ArchTest
    static final ArchRule busInternalsStayInsideTheBus = noClasses()
            .that().resideOutsideOfPackages("io.tributary", "io.tributary.internal..")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.internal..");

    @ArchTest
    static final ArchRule thePublicPackageUsesInternalsOnlyToOpen = noClasses()
            .that().resideInAPackage("io.tributary").and().doNotHaveSimpleName("Tributary")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.internal..")
            .because("the only way in is Tributary.open, which parses the URL and picks the transport");

    @ArchTest
    static final ArchRule transportsDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("io.tributary.internal.mem..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tributary.internal.file..",
                    "io.tributary.internal.remote..", "io.tributary.broker..", "io.tributary.client..");
}
