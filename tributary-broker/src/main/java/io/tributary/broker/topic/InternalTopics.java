package io.tributary.broker.topic;

import io.tributary.api.TopicName;

/**
 * Topics the broker keeps for itself: names starting with {@value #PREFIX}. Users may read them, but not
 * create, produce to, alter or delete them ({@code BrokerService} refuses, on every transport); and
 * listing every topic leaves them out (name one to see it), as Kafka's admin client does.
 */
public final class InternalTopics {

    /** What every internal topic's name starts with. */
    public static final String PREFIX = "__";
    /** The committed offsets of consumer groups (decision 0012). */
    public static final TopicName CONSUMER_OFFSETS = TopicName.of("__consumer_offsets");

    private InternalTopics() {
    }

    /** Whether {@code name} is reserved for an internal topic. */
    public static boolean isInternal(TopicName name) {
        return name.value().startsWith(PREFIX);
    }

    /** Why a user may not create a topic named {@code name}, and the way out. */
    public static String reservedName(TopicName name) {
        return "topic name " + name + " is reserved: names starting with " + PREFIX
                + " are the broker's internal topics (such as " + CONSUMER_OFFSETS + "); pick a name without it";
    }

    /** Why a user may not change (produce to, alter, delete) the internal topic {@code name}, and the way out. */
    public static String readOnly(TopicName name, String change) {
        if (name.equals(CONSUMER_OFFSETS)) {
            return "cannot " + change + " " + name + ": " + CONSUMER_OFFSETS
                    + " holds committed group offsets; reset offsets with `tributary group reset`";
        }
        return "cannot " + change + " " + name + ": it is an internal topic of the broker (names starting with " + PREFIX
                + "); users may only read it";
    }
}
