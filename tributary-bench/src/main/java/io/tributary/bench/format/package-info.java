/** JMH benchmarks of the batch codec ({@code tributary-format}): encode, validate, decode. */
@NullMarked
package io.tributary.bench.format;

import org.jspecify.annotations.NullMarked;
