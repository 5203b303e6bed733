/**
 * {@code tributary bench ...}: load generators a user can rerun to check a performance claim. Each
 * prints a human summary and, with {@code --output json}, one JSON object as its last line.
 */
@NullMarked
package io.tributary.cli.bench;

import org.jspecify.annotations.NullMarked;
