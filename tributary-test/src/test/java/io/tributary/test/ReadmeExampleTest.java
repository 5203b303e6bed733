package io.tributary.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's example test is the example test that runs in the build, character for character. */
class ReadmeExampleTest {

    private static final String SECTION = "## Testing with tributary-test";

    @Test
    void readmeExample_isOrderServiceTest_withoutItsPackageLine() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf(SECTION));
        int start = section.indexOf("```java\n") + "```java\n".length();
        String shown = section.substring(start, section.indexOf("```\n", start));

        String source = Files.readString(Path.of("src/test/java/io/tributary/test/example/OrderServiceTest.java"));
        String withoutPackage = source.substring(source.indexOf("\n\n") + 2);

        assertThat(shown).isEqualTo(withoutPackage);
    }
}
