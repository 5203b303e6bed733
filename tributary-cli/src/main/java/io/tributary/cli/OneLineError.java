package io.tributary.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns any failure into the one line the user sees: the message of the cause that says most. */
public final class OneLineError {

    private OneLineError() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = switch (cause) {
            case NoSuchFileException e -> "no such file: " + e.getFile();
            case AccessDeniedException e -> "permission denied: " + e.getFile();
            default -> cause.getMessage();
        };
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }
}
