package io.tributary.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --classpath} is read as {@code java -cp} reads it, and a wrong entry fails at start with its name. */
class HandlerClasspathTest {

    private final ClassLoader parent = getClass().getClassLoader();

    @TempDir
    Path dir;

    @Test
    void anEmptyClasspath_isTheCliLoaderItself() {
        assertThat(HandlerClasspath.loader("", parent)).isSameAs(parent);
    }

    @Test
    void jarsAndDirectories_inTheOrderGiven_afterTheCliClasses() throws IOException {
        Path jar = Files.createFile(dir.resolve("handlers.jar"));
        Path classes = Files.createDirectory(dir.resolve("classes"));

        ClassLoader loader = HandlerClasspath.loader(jar + File.pathSeparator + classes, parent);

        assertThat(loader).isInstanceOf(URLClassLoader.class);
        assertThat(loader.getParent()).isSameAs(parent);
        assertThat(urls(loader)).containsExactly(url(jar), url(classes));
    }

    @Test
    void aDirectoryStar_isEveryJarInIt_byName() throws IOException {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("notes.txt"));

        ClassLoader loader = HandlerClasspath.loader(lib + File.separator + "*", parent);

        assertThat(urls(loader)).containsExactly(url(lib.resolve("a.jar")), url(lib.resolve("b.jar")));
    }

    @Test
    void anEntryThatDoesNotExist_isNamed() {
        assertThatThrownBy(() -> HandlerClasspath.loader(dir.resolve("nope.jar").toString(), parent))
                .hasMessageStartingWith("--classpath entry " + dir.resolve("nope.jar") + " does not exist");
        assertThatThrownBy(() -> HandlerClasspath.loader(dir.resolve("nope") + "/*", parent))
                .hasMessageContaining("is not a directory");
    }

    private static String url(Path path) throws IOException {
        return path.toUri().toURL().toString();
    }

    private static String[] urls(ClassLoader loader) {
        return Arrays.stream(((URLClassLoader) loader).getURLs()).map(URL::toString).toArray(String[]::new);
    }
}
