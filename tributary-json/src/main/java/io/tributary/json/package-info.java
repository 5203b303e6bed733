/**
 * Events as JSON, with Jackson. Adding this module to the classpath registers
 * {@link io.tributary.json.JacksonEventDataCodec}, so {@code Event.Builder.data(Object)} and
 * {@code Event.dataAs(Class)} work with JSON data. {@link io.tributary.json.CloudEventsJson} reads and
 * writes CloudEvents structured mode ({@code application/cloudevents+json} and its batch form), the
 * exchange format of the HTTP events endpoint and the CLI. It lives apart from {@code tributary-api} so
 * that the API stays free of dependencies (decision 0009).
 */
@NullMarked
package io.tributary.json;

import org.jspecify.annotations.NullMarked;
