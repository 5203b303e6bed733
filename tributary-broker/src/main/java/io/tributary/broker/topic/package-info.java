/**
 * Topics: {@link io.tributary.broker.topic.TopicRegistry} creates, finds, alters and deletes them
 * and keeps their settings ({@link io.tributary.broker.topic.TopicConfig}) on disk next to their
 * partitions: {@code <data>/topics/<name>/topic.properties} and {@code <data>/topics/<name>/partition-<n>/}.
 */
@NullMarked
package io.tributary.broker.topic;

import org.jspecify.annotations.NullMarked;
