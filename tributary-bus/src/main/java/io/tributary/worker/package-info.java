/**
 * A worker process's handlers: a class implements {@link io.tributary.worker.WorkerHandlers} to declare
 * its subscriptions (or has {@link io.tributary.OnEvent} methods), and {@link io.tributary.worker.Worker}
 * runs such classes in one consumer group until it is closed. {@code ./tributary worker} (and the plain main
 * class {@code io.tributary.cli.worker.WorkerMain}) is the process around it: it loads the classes, and on
 * SIGTERM closes the worker and exits 0.
 */
@NullMarked
package io.tributary.worker;

import org.jspecify.annotations.NullMarked;
