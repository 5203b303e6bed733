/**
 * Events: named, versioned facts in the CloudEvents 1.0 envelope (ARCHITECTURE.md §4), and how they are
 * stored and selected.
 *
 * <p>Start at {@link io.tributary.event.Event#builder(String)}. Then:
 * <ul>
 *   <li>{@link io.tributary.event.EventRecords}: an event is stored as a {@link io.tributary.api.Record} in
 *       CloudEvents binary mode (key = {@code partitionkey}, value = {@code data}, headers = {@code ce_*}),
 *       losslessly both ways (decision 0009);
 *   <li>{@link io.tributary.event.TypePattern} and {@link io.tributary.event.EventFilter}: which events a
 *       subscription receives ({@code order.*}, {@code order.>}, optionally one version);
 *   <li>{@link io.tributary.event.EventDataCodec}: turns objects into {@code data} and back; the JSON codec
 *       lives in the module {@code tributary-json}, so this package needs nothing but the JDK;
 *   <li>{@link io.tributary.event.EventIds}: UUIDv7 ids, time-ordered;
 *   <li>{@link io.tributary.event.InvalidEventException} and {@link io.tributary.event.EventDataException}:
 *       what goes wrong, with the attribute, the rule and the way out in the message.
 * </ul>
 */
@NullMarked
package io.tributary.event;

import org.jspecify.annotations.NullMarked;
