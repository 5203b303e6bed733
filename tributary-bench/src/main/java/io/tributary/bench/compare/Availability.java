package io.tributary.bench.compare;

import org.jspecify.annotations.Nullable;

/**
 * Whether a system can run in a durability mode on this machine; when it cannot, why, in words that name
 * what is missing and how to get it. A skipped peer shows as skipped in every table and in the JSON line.
 *
 * @param skipReason null when the system can run
 */
record Availability(@Nullable String skipReason) {

    static final Availability AVAILABLE = new Availability(null);

    static Availability skipped(String reason) {
        return new Availability(reason);
    }

    boolean available() {
        return skipReason == null;
    }
}
