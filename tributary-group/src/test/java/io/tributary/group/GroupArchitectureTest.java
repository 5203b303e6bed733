package io.tributary.group;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Consumer groups depend on the API and the JDK only (plus SLF4J's API and JSpecify), so that the broker, the
 * client and the in-process bus can all use them without dragging each other in (decision 0012).
 */
@AnalyzeClasses(packages = "io.tributary.group", importOptions = ImportOption.DoNotIncludeTests.class)
class GroupArchitectureTest {

    @ArchTest
    static final ArchRule groupsDependOnTheApiAndTheJdkOnly = classes().that().resideInAPackage("io.tributary.group..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "org.jspecify..",
                    "io.tributary.api..", "io.tributary.group..");
}
