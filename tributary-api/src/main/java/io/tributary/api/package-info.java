/**
 * The vocabulary every Tributary module shares: {@link io.tributary.api.Record} and its
 * {@link io.tributary.api.Header}s, and the root of the exception hierarchy,
 * {@link io.tributary.api.TributaryException}. Depends on nothing but the JDK.
 */
@NullMarked
package io.tributary.api;

import org.jspecify.annotations.NullMarked;
