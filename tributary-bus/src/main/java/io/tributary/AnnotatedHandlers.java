package io.tributary;

import io.tributary.event.Event;
import io.tributary.event.EventFilter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** Subscribes the {@link OnEvent} methods of an object. */
public final class AnnotatedHandlers {

    private AnnotatedHandlers() {
    }

    /**
     * Subscribes every {@link OnEvent} method of {@code target} (its class's public methods, inherited ones
     * included), each as a subscription of its own from {@code start}.
     *
     * @return one handle that closes every subscription made
     * @throws IllegalArgumentException if {@code target} has no such method, or one does not have the shape
     *                                  {@link OnEvent} asks for (the message names the method)
     */
    public static SubscriptionHandle subscribe(Bus bus, Object target, StartPosition start) {
        return subscribe(bus, target, subscription -> subscription.from(start));
    }

    /**
     * Subscribes every {@link OnEvent} method of {@code target}, each as a subscription that {@code shape}
     * completes: e.g. {@code s -> s.group("billing").retry(Retry.attempts(5))}.
     *
     * <p>With a group, the methods that subscribe to the same topics are <em>one</em> member of the group: one
     * subscription that hands each event to every method whose types and version match, in method-name order.
     * Separate members would split the topics' events between them, and a method would never see the events the
     * other member was handed. A method that throws makes the event's retry call the matching methods again.
     *
     * @return one handle that closes every subscription made
     * @throws IllegalArgumentException if {@code target} has no such method, or one does not have the shape
     *                                  {@link OnEvent} asks for (the message names the method)
     */
    public static SubscriptionHandle subscribe(Bus bus, Object target, UnaryOperator<Subscription> shape) {
        List<SubscriptionHandle> handles = new ArrayList<>();
        try {
            plan(bus, target, shape, (subscription, handler) -> handles.add(bus.subscribe(subscription, handler)));
        } catch (RuntimeException e) {
            handles.forEach(SubscriptionHandle::close);
            throw e;
        }
        Subscription first = handles.getFirst().subscription();
        return new SubscriptionHandle() {
            @Override
            public Subscription subscription() {
                return first;
            }

            @Override
            public void commit() {
                handles.forEach(SubscriptionHandle::commit);
            }

            @Override
            public void close() {
                handles.forEach(SubscriptionHandle::close);
            }
        };
    }

    /**
     * Hands {@code each} every subscription {@link #subscribe(Bus, Object, UnaryOperator)} would make, with the
     * handler it would get, without making them: for a runner that checks them all before subscribing any.
     *
     * @throws IllegalArgumentException as {@code subscribe} does, before handing over any
     */
    public static void plan(Bus bus, Object target, UnaryOperator<Subscription> shape,
            BiConsumer<Subscription, EventHandler> each) {
        plan(bus, target, shape).forEach(planned -> each.accept(planned.subscription(), planned.handler()));
    }

    /** A subscription to make and its handler. */
    private record Planned(Subscription subscription, EventHandler handler) {
    }

    /** One subscription per method; with a group, one per group and topics (see {@link #subscribe}). */
    private static List<Planned> plan(Bus bus, Object target, UnaryOperator<Subscription> shape) {
        List<Method> methods = Arrays.stream(target.getClass().getMethods())
                .filter(method -> method.isAnnotationPresent(OnEvent.class))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(target.getClass().getName() + " has no public method annotated @OnEvent");
        }
        methods.forEach(AnnotatedHandlers::checkShape);
        List<Planned> planned = new ArrayList<>();
        Map<List<Object>, List<Planned>> members = new LinkedHashMap<>();
        for (Method method : methods) {
            Planned one = new Planned(shape.apply(subscription(bus, method)), handler(target, method));
            String group = one.subscription().group();
            if (group == null) {
                planned.add(one);
            } else {
                members.computeIfAbsent(List.of(group, one.subscription().topics()), key -> new ArrayList<>()).add(one);
            }
        }
        members.values().forEach(together -> planned.add(together.size() == 1 ? together.getFirst() : oneMember(together)));
        return planned;
    }

    /** One subscription for methods of one group on the same topics: every event, each to the methods it matches. */
    private static Planned oneMember(List<Planned> methods) {
        Subscription first = methods.getFirst().subscription();
        Subscription all = first.withFilter(EventFilter.all());
        EventHandler dispatch = event -> {
            for (Planned method : methods) {
                if (method.subscription().filter().matches(event)) {
                    method.handler().handle(event);
                }
            }
        };
        return new Planned(all, dispatch);
    }

    /** {@link #subscribe(Bus, Object, StartPosition)} from the latest event. */
    public static SubscriptionHandle subscribe(Bus bus, Object target) {
        return subscribe(bus, target, StartPosition.latest());
    }

    private static Subscription subscription(Bus bus, Method method) {
        OnEvent on = method.getAnnotation(OnEvent.class);
        String[] topics = on.topics().length == 0 ? new String[] {bus.defaultTopic()} : on.topics();
        Subscription subscription = Subscription.to(topics).types(on.value());
        return on.version() == 0 ? subscription : subscription.version(on.version());
    }

    private static EventHandler handler(Object target, Method method) {
        Class<?> parameter = method.getParameterTypes()[0];
        boolean wantsEvent = parameter == Event.class;
        return event -> {
            try {
                method.invoke(target, wantsEvent ? event : event.dataAs(parameter));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        };
    }

    private static void checkShape(Method method) {
        String name = method.getDeclaringClass().getName() + "." + method.getName();
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1
                || method.getReturnType() != void.class) {
            throw new IllegalArgumentException("@OnEvent method " + name + " must be a public instance method returning"
                    + " void with one parameter (the Event, or the type its JSON data decodes to)");
        }
        OnEvent on = method.getAnnotation(OnEvent.class);
        if (on.version() < 0) {
            throw new IllegalArgumentException("@OnEvent method " + name + " asks for version " + on.version()
                    + "; use 0 for every version or a version from 1");
        }
        method.setAccessible(true); // a public method of a non-public class
    }
}
