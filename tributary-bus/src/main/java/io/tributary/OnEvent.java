package io.tributary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a handler, for {@link AnnotatedHandlers#subscribe(Bus, Object)}: optional sugar over
 * {@link Bus#subscribe}. The method is public, returns {@code void} and takes one parameter: the
 * {@link io.tributary.event.Event}, or any other type, into which the event's JSON data is decoded.
 *
 * <pre>{@code
 * final class Billing {
 *     @OnEvent("order.*")
 *     public void on(Event event) { ... }
 *
 *     @OnEvent(value = "order.created", version = 2, topics = "orders")
 *     public void created(OrderCreated order) { ... }
 * }
 * AnnotatedHandlers.subscribe(bus, new Billing());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEvent {

    /** The type pattern ({@code order.*}, {@code order.>}, {@code *} for every type). */
    String value() default "*";

    /** The topics; none means the bus's default topic. */
    String[] topics() default {};

    /** The one version to receive; 0 (the default) receives every version. */
    int version() default 0;
}
