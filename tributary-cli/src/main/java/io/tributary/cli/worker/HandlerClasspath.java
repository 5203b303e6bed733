package io.tributary.cli.worker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --classpath JAR[:JAR...]}: where the handler classes are, as {@code java -cp} reads it: jars and class
 * directories separated by {@link File#pathSeparator}, and {@code DIR/*} for every jar in {@code DIR}. Every
 * entry must exist, so that a typo fails at start with its name rather than later as a missing class.
 */
final class HandlerClasspath {

    /** Most jars one {@code DIR/*} entry may add; a directory with more is probably not the one meant. */
    static final int MAX_JARS_PER_DIRECTORY = 10_000;

    private HandlerClasspath() {
    }

    /**
     * A class loader over {@code classpath}, delegating to {@code parent} first (the CLI's classes, the bus API);
     * {@code parent} itself when {@code classpath} is empty. The caller closes a {@link URLClassLoader}.
     *
     * @throws IllegalArgumentException naming an entry that does not exist
     */
    static ClassLoader loader(String classpath, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addEntry(entry.strip(), urls);
            }
        }
        if (urls.isEmpty()) {
            return parent;
        }
        return new URLClassLoader("tributary-worker-handlers", urls.toArray(URL[]::new), parent);
    }

    private static void addEntry(String entry, List<URL> urls) {
        if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
            Path directory = Path.of(entry.substring(0, entry.length() - 1));
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("--classpath entry " + entry + ": " + directory.toAbsolutePath()
                        + " is not a directory; name an existing directory of jars, or the jars themselves");
            }
            addJarsOf(directory, entry, urls);
            return;
        }
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--classpath entry " + entry + " does not exist ("
                    + path.toAbsolutePath() + "); name the jar or class directory of the handlers, separated by '"
                    + File.pathSeparator + "'");
        }
        urls.add(url(path));
    }

    /** The jars of {@code directory}, by name, so that the search order does not depend on the file system. */
    private static void addJarsOf(Path directory, String entry, List<URL> urls) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*.{jar,JAR}")) {
            for (Path jar : jars) {
                if (found.size() == MAX_JARS_PER_DIRECTORY) {
                    throw new IllegalArgumentException("--classpath entry " + entry + " holds more than "
                            + MAX_JARS_PER_DIRECTORY + " jars; name the directory that holds the handlers' jars");
                }
                found.add(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list --classpath entry " + entry + ": " + e.getMessage(), e);
        }
        found.stream().sorted().map(HandlerClasspath::url).forEach(urls::add);
    }

    private static URL url(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("--classpath entry " + path + " is not a usable path: " + e.getMessage(), e);
        }
    }
}
