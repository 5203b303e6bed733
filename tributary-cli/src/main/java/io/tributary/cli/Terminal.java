package io.tributary.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * The streams a command reads and writes. {@code main} passes the process's; tests pass their own.
 *
 * @param in  standard input (record lines for {@code log append})
 * @param out standard output: results, one item per line
 * @param err standard error: summaries, warnings, the one-line error
 */
public record Terminal(InputStream in, PrintWriter out, PrintWriter err) {
}
