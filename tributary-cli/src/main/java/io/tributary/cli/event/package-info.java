/**
 * Commands on the {@link io.tributary.Bus} API, so they work with every bus URL ({@code tributary://},
 * {@code file:}, {@code mem:}): {@code emit} publishes one event, {@code tail} prints the events of a topic
 * as they arrive ({@link io.tributary.cli.event.EventLines} is their one-line forms). Both find the bus
 * through {@link io.tributary.cli.event.BusUrlOption}.
 */
@NullMarked
package io.tributary.cli.event;

import org.jspecify.annotations.NullMarked;
