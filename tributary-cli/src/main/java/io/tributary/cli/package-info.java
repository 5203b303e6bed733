/**
 * The {@code tributary} command. {@link io.tributary.cli.TributaryCli} is the entry point and owns the
 * one place where failures become a single {@code tributary: ...} line and an exit code; subcommands
 * live in packages named after their noun ({@code log}, {@code bench}).
 */
@NullMarked
package io.tributary.cli;

import org.jspecify.annotations.NullMarked;
