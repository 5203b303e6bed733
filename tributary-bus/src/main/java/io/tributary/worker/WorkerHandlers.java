package io.tributary.worker;

/**
 * Declares the subscriptions of a class that a {@link Worker} runs. Implement it with a public no-argument
 * constructor, name the class with {@code --handlers} (or list it in
 * {@code META-INF/services/io.tributary.worker.WorkerHandlers}), and subscribe in {@link #register}:
 *
 * <pre>{@code
 * public final class BillingHandlers implements WorkerHandlers {
 *     @Override
 *     public void register(HandlerRegistry handlers) {
 *         handlers.subscribe(Subscription.to("orders").types("order.*").retry(Retry.attempts(5)),
 *                 event -> billing.charge(event.dataAs(Order.class)));
 *     }
 * }
 * }</pre>
 *
 * <p>Each subscription joins the worker's group unless it names one itself, so several worker processes
 * started with the same {@code --group} share the partitions.
 */
public interface WorkerHandlers {

    /** Subscribes this class's handlers; called once, on the thread that starts the worker. */
    void register(HandlerRegistry handlers);
}
