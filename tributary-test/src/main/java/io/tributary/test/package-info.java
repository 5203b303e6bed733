/**
 * The test kit: a {@link io.tributary.Bus} per JUnit 5 test and AssertJ assertions on what it emitted.
 *
 * <p>Start at {@link io.tributary.test.TributaryTest}: annotate a test class, declare a {@code Bus} (and an
 * {@link io.tributary.test.EventRecorder}) parameter, give the bus to the code under test and assert with
 * {@link io.tributary.test.TributaryAssertions}. The bus is {@code mem:} unless the annotation asks for
 * {@code file:} or an in-process server; it is closed after each test. Assertions wait, bounded, because
 * events are published and handled asynchronously; {@link io.tributary.test.EventRecorder} says when the
 * bus has settled, which makes "nothing was emitted" exact without a quiet period.
 */
@NullMarked
package io.tributary.test;

import org.jspecify.annotations.NullMarked;
