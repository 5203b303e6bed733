/**
 * {@code tributary worker}: the process around {@link io.tributary.worker.Worker}.
 * {@link io.tributary.cli.worker.WorkerCommand} loads the handler classes ({@link
 * io.tributary.cli.worker.HandlerClasspath}), runs them in one consumer group and, on SIGTERM or SIGINT
 * ({@link io.tributary.cli.worker.TerminationSignals}), stops gracefully and exits 0;
 * {@link io.tributary.cli.worker.WorkerMain} is the same command as a plain main class.
 */
@NullMarked
package io.tributary.cli.worker;

import org.jspecify.annotations.NullMarked;
