/**
 * Micrometer meters for subscriptions: {@link io.tributary.micrometer.MicrometerListener}. Optional: needs
 * {@code io.micrometer:micrometer-core} on the classpath, which {@code tributary-bus} does not bring itself.
 */
@NullMarked
package io.tributary.micrometer;

import org.jspecify.annotations.NullMarked;
