package io.tributary.cli;

/** {@code --output} of the commands that print records of the bus: for people, or one JSON object per line. */
public enum OutputFormat {
    /** One readable line per item. */
    TEXT,
    /** One JSON object per line (JSON lines), for scripts and {@code jq}. */
    JSON
}
