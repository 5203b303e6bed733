package io.tributary.cli.worker;

import io.tributary.cli.TributaryCli;

/**
 * A plain main class that runs exactly {@code tributary worker} with the same options, exit codes and
 * one-line errors, for launch scripts of one's own:
 *
 * <pre>{@code
 * java -cp "$(./tributary classpath):handlers.jar" io.tributary.cli.worker.WorkerMain \
 *     --url tributary://broker:7650 --group billing --handlers com.acme.BillingHandlers
 * }</pre>
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code tributary worker args} with the process's streams and returns the exit code. */
    static int run(String[] args) {
        String[] command = new String[args.length + 1];
        command[0] = "worker";
        System.arraycopy(args, 0, command, 1, args.length);
        return TributaryCli.run(command, System.in, System.out, System.err);
    }
}
