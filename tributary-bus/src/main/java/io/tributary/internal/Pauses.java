package io.tributary.internal;

import java.time.Duration;

/** The growing pause between tries of something that keeps failing (a read, a heartbeat, a commit, a write). */
final class Pauses {

    private Pauses() {
    }

    /** Twice {@code pause}, at most {@code max}. */
    static Duration doubled(Duration pause, Duration max) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(max) > 0 ? max : twice;
    }
}
