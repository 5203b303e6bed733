/** JMH benchmarks of the client ({@code tributary-client}): the batching producer. */
@NullMarked
package io.tributary.bench.client;

import org.jspecify.annotations.NullMarked;
