/**
 * Configuration keys as values: each {@link io.tributary.api.config.ConfigKey} carries its name in the
 * {@code tributary.<component>.<key>} namespace, its default, unit and meaning, so a component's keys
 * live next to their defaults and the README's knobs table can be generated from them. A
 * {@link io.tributary.api.config.ConfigSource} answers lookups: flags over environment over file over
 * defaults.
 */
@NullMarked
package io.tributary.api.config;

import org.jspecify.annotations.NullMarked;
