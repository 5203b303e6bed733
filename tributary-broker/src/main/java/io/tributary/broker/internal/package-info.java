/** Broker plumbing shared by its packages; nothing here is API. */
@NullMarked
package io.tributary.broker.internal;

import org.jspecify.annotations.NullMarked;
