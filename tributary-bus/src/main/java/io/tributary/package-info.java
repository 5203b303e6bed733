/**
 * Tributary's application API. Start at {@link io.tributary.Tributary#open(String)}, which returns a
 * {@link io.tributary.Bus} for {@code mem:}, {@code file:} and {@code tributary://} URLs; events are
 * {@link io.tributary.event.Event}s; {@link io.tributary.Subscription} says what a handler receives.
 */
@NullMarked
package io.tributary;

import org.jspecify.annotations.NullMarked;
