package io.tributary.cli;

import java.io.File;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tributary classpath}: the distribution's runtime classpath, for jshell or one's own tools. */
@Command(name = "classpath", mixinStandardHelpOptions = true,
        description = "Print the runtime classpath of the distribution, e.g. jshell --class-path \"$(./tributary classpath)\".")
final class ClasspathCommand implements Runnable {

    @ParentCommand
    private TributaryCli cli;

    @Override
    public void run() {
        cli.terminal().out().println(String.join(File.pathSeparator,
                System.getProperty("java.class.path").split(File.pathSeparator)));
    }
}
