/** {@code tributary server}: runs a broker in the foreground until SIGINT or SIGTERM. */
@NullMarked
package io.tributary.cli.server;

import org.jspecify.annotations.NullMarked;
