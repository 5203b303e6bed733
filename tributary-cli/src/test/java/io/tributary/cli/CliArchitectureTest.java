package io.tributary.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The CLI uses the engines' public API only (docs/decisions/0006). */
@AnalyzeClasses(packages = "io.tributary", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule logInternalsStayInsideTheLog = noClasses()
            .that().resideOutsideOfPackage("io.tributary.log..")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.log.internal..");

    @ArchTest
    static final ArchRule theCliUsesTheBusThroughItsPublicApi = noClasses()
            .that().resideInAPackage("io.tributary.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.tributary.internal..");
}
