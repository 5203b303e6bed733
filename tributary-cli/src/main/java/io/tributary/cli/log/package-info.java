/**
 * {@code tributary log ...}: tools for one partition directory, straight on the log engine, with no
 * server: append stdin lines, read records, verify, repair and dump batch headers.
 */
@NullMarked
package io.tributary.cli.log;

import org.jspecify.annotations.NullMarked;
