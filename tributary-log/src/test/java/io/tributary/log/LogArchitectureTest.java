package io.tributary.log;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The log engine's layering: API over internals over the storage seam; no network, no events. */
@AnalyzeClasses(packages = "io.tributary.log", importOptions = ImportOption.DoNotIncludeTests.class)
class LogArchitectureTest {

    @ArchTest
    static final ArchRule storageSeamKnowsNothingAboveIt = noClasses()
            .that().resideInAPackage("io.tributary.log.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tributary.log", "io.tributary.log.internal..");

    @ArchTest
    static final ArchRule fileAccessGoesThroughTheStorageSeam = noClasses()
            .that().resideInAPackage("io.tributary.log.internal..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile");

    @ArchTest
    static final ArchRule theLogKnowsNoNetwork = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "io.tributary.broker..", "io.tributary.client..");
}
