/** {@code tributary topic}: create, list, describe, alter and delete topics on a running broker. */
@NullMarked
package io.tributary.cli.topic;

import org.jspecify.annotations.NullMarked;
