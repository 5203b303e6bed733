/**
 * Commands that talk to a running broker over the binary protocol: {@code produce}, {@code consume},
 * and the {@link io.tributary.cli.client.ConnectionOptions} every such command shares.
 */
@NullMarked
package io.tributary.cli.client;

import org.jspecify.annotations.NullMarked;
