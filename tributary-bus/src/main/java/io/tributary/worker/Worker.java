package io.tributary.worker;

import io.tributary.AnnotatedHandlers;
import io.tributary.Bus;
import io.tributary.EventHandler;
import io.tributary.OnEvent;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.group.GroupName;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs handler classes as members of one consumer group, on one bus, until {@link #close()}: the library
 * behind {@code ./tributary worker}. A handler is an object that implements {@link WorkerHandlers}, or one
 * with {@link OnEvent} methods (each becomes a subscription of the group).
 *
 * <pre>{@code
 * try (Worker worker = Worker.start(Tributary.open(url), "billing", Worker.load(List.of("com.acme.Billing"), loader))) {
 *     ... until the process is told to stop ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} closes every subscription — the events in hand finish, their positions are committed,
 * each member leaves the group so its partitions move at once — then the bus, within the bus's
 * {@code close-timeout}. Thread-safe.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final Bus bus;
    private final String group;
    private final List<SubscriptionHandle> subscriptions;
    private boolean closed; // guarded by this

    private Worker(Bus bus, String group, List<SubscriptionHandle> subscriptions) {
        this.bus = bus;
        this.group = group;
        this.subscriptions = subscriptions;
    }

    /**
     * Subscribes every handler in {@code group}; the worker owns {@code bus} from now on (closing the worker
     * closes it, and so does a failure to start).
     *
     * @param handlers objects implementing {@link WorkerHandlers} or having {@link OnEvent} methods, at least one
     * @throws IllegalArgumentException if a handler is neither, or subscribes nothing
     */
    public static Worker start(Bus bus, String group, List<?> handlers) {
        Objects.requireNonNull(bus, "bus");
        GroupName.of(group);
        List<SubscriptionHandle> subscriptions = new ArrayList<>();
        try {
            if (handlers.isEmpty()) {
                throw new IllegalArgumentException("a worker needs at least one handler class");
            }
            List<Declared> declared = new ArrayList<>();
            for (Object handler : handlers) {
                declare(bus, group, handler, declared);
            }
            requireNoSplitTopics(declared);
            for (Declared subscription : declared) {
                subscriptions.add(subscription.subscribe(bus));
            }
        } catch (RuntimeException | Error e) {
            subscriptions.forEach(SubscriptionHandle::close);
            bus.close();
            throw e;
        }
        Worker worker = new Worker(bus, group, subscriptions);
        LOG.info("worker of group {} runs {} subscription(s) on {}: {}", group, subscriptions.size(), bus,
                subscriptions.stream().map(handle -> handle.subscription().topics()).toList());
        return worker;
    }

    /**
     * Instantiates the named classes with their public no-argument constructors, through {@code loader}.
     *
     * @throws IllegalArgumentException naming the class and what is wrong with it (not found, no public
     *                                  no-argument constructor, neither {@link WorkerHandlers} nor {@link OnEvent}
     *                                  methods, its constructor threw)
     */
    public static List<Object> load(List<String> classNames, ClassLoader loader) {
        List<Object> handlers = new ArrayList<>();
        for (String name : classNames) {
            handlers.add(instantiate(name.strip(), loader));
        }
        return handlers;
    }

    /**
     * The {@link WorkerHandlers} that {@code loader} lists in {@code META-INF/services/io.tributary.worker.WorkerHandlers}.
     *
     * @throws IllegalArgumentException if there are none (the message says how to name handler classes)
     */
    public static List<Object> discover(ClassLoader loader) {
        List<Object> found = new ArrayList<>();
        ServiceLoader.load(WorkerHandlers.class, loader).forEach(found::add);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no handler classes: name them with --handlers CLASS[,CLASS...], or list"
                    + " classes implementing " + WorkerHandlers.class.getName() + " in META-INF/services/"
                    + WorkerHandlers.class.getName());
        }
        return found;
    }

    /** The worker's group. */
    public String group() {
        return group;
    }

    /** What the worker subscribed, in the order its handlers declared it. */
    public List<Subscription> subscriptions() {
        return subscriptions.stream().map(SubscriptionHandle::subscription).toList();
    }

    /**
     * Closes every subscription (events in hand finish, positions are committed, members leave the group),
     * then the bus. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LOG.info("worker of group {} stopping: finishing the events in hand, committing, leaving the group", group);
        bus.close(); // closes the subscriptions in parallel, each within the close timeout
        LOG.info("worker of group {} stopped", group);
    }

    @Override
    public String toString() {
        return "Worker[" + group + " on " + bus + ", " + subscriptions.size() + " subscription(s)]";
    }

    /** A subscription a handler class declared, to be made once all are known, and which class declared it. */
    private record Declared(Subscription subscription, EventHandler handler, String declaredBy) {

        SubscriptionHandle subscribe(Bus bus) {
            return bus.subscribe(subscription, handler);
        }
    }

    private static void declare(Bus bus, String group, Object handler, List<Declared> declared) {
        String name = handler.getClass().getName();
        UnaryOperator<Subscription> inGroup = subscription -> subscription.group() == null
                ? subscription.group(group) : subscription;
        Registry registry = new Registry(bus, group, name, inGroup, declared);
        if (handler instanceof WorkerHandlers handlers) {
            int before = declared.size();
            handlers.register(registry);
            if (declared.size() == before) {
                throw new IllegalArgumentException("handler class " + name + " subscribed nothing in register(...);"
                        + " call handlers.subscribe(Subscription.to(...), handler) there");
            }
        } else if (hasOnEventMethods(handler.getClass())) {
            AnnotatedHandlers.plan(bus, handler, inGroup, registry::subscribe);
        } else {
            throw new IllegalArgumentException(notAHandler(name));
        }
    }

    /**
     * Two members of one group on the same topic would split its events between them, so each would miss what
     * the other was handed: refused, naming both and the ways out.
     */
    private static void requireNoSplitTopics(List<Declared> declared) {
        for (int i = 0; i < declared.size(); i++) {
            for (int j = i + 1; j < declared.size(); j++) {
                Subscription one = declared.get(i).subscription();
                Subscription other = declared.get(j).subscription();
                if (Objects.equals(one.group(), other.group())) {
                    for (String topic : one.topics()) {
                        if (other.topics().contains(topic)) {
                            String by = declared.get(i).declaredBy();
                            String otherBy = declared.get(j).declaredBy();
                            String both = by.equals(otherBy) ? "two subscriptions of " + by : by + " and " + otherBy;
                            throw new IllegalArgumentException(both + " both subscribe to " + topic + " in group "
                                    + one.group() + ": a group hands each event to one member, so they would split the"
                                    + " events between them; subscribe once and handle both there (one subscription"
                                    + " with a handler that does both, or @OnEvent methods of one class), or give one of"
                                    + " them a group of its own with Subscription.group(...)");
                        }
                    }
                }
            }
        }
    }

    private static Object instantiate(String name, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("handler class " + name + " is not on the classpath (" + e + "); add its"
                    + " jar with --classpath, or check the name", e);
        }
        if (!WorkerHandlers.class.isAssignableFrom(type) && !hasOnEventMethods(type)) {
            throw new IllegalArgumentException(notAHandler(name));
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (Modifier.isAbstract(type.getModifiers())) {
                throw new NoSuchMethodException("abstract");
            }
            return constructor.newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("handler class " + name + " needs a public no-argument constructor (and must"
                    + " be a public, concrete class) for the worker to create it", e);
        } catch (InvocationTargetException | InstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("handler class " + name + " failed to start: its constructor threw " + cause,
                    cause);
        }
    }

    private static boolean hasOnEventMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).anyMatch(method -> method.isAnnotationPresent(OnEvent.class));
    }

    private static String notAHandler(String name) {
        return "class " + name + " is not a handler: implement " + WorkerHandlers.class.getName()
                + " or annotate public methods with @" + OnEvent.class.getName();
    }

    /** The {@link HandlerRegistry} a {@link WorkerHandlers} declares its subscriptions through. */
    private record Registry(Bus bus, String group, String declaredBy, UnaryOperator<Subscription> inGroup,
            List<Declared> declared) implements HandlerRegistry {

        @Override
        public void subscribe(Subscription subscription, EventHandler handler) {
            Subscription member = inGroup.apply(Objects.requireNonNull(subscription, "subscription"));
            declared.add(new Declared(member, Objects.requireNonNull(handler, "handler"), declaredBy));
        }
    }
}
