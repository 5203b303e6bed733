package io.tributary.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kit is a user of the bus like any other, and shows a small public surface. */
@AnalyzeClasses(packages = "io.tributary.test", importOptions = ImportOption.DoNotIncludeTests.class)
class TestKitArchitectureTest {

    @ArchTest
    static final ArchRule theKitUsesOnlyThePublicBusApi = noClasses()
            .that().resideInAPackage("io.tributary.test..")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.internal..")
            .because("what the kit does, a user's test could do: it wraps the Bus, it does not reach behind it");

    @ArchTest
    static final ArchRule thePublicApiIsTheExtensionTheRecorderAndTheAssertions = classes()
            .that().resideInAPackage("io.tributary.test").and().arePublic()
            .should().haveSimpleNameStartingWith("Tributary").orShould().haveSimpleNameStartingWith("EventRecorder")
            .orShould().haveSimpleName("EmittedEventsAssert").orShould().haveSimpleName("Transport");
}
