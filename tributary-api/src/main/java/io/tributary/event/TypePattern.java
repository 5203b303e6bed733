package io.tributary.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Selects event types by their tokens. A type is tokens separated by {@code .} or {@code :}
 * ({@code order.created}, {@code model:user.deleted}); a pattern is written the same way, and each of its
 * tokens is one of:
 * <ul>
 *   <li>a literal token, which matches the same token (case-sensitive);
 *   <li>{@code *}, which matches exactly one token: {@code order.*} matches {@code order.created}, not
 *       {@code order} and not {@code order.created.v2};
 *   <li>{@code >}, as the last token only, which matches one or more tokens: {@code order.>} matches
 *       {@code order.created} and {@code order.created.v2}, not {@code order}.
 * </ul>
 * The pattern {@code *} on its own matches every type, whatever its number of tokens.
 *
 * <p>Separators are not interchangeable: a {@code .} in the pattern matches only a {@code .} in the type
 * and a {@code :} only a {@code :}, so {@code model:*} matches {@code model:user} but not
 * {@code model.user}. Producers choose their separators on purpose (a {@code :} often sets a namespace
 * apart), and equal tokens with different separators are different types. The tokens covered by a
 * trailing {@code >} may use either separator.
 *
 * <p>Immutable and thread-safe; {@link #matches} allocates nothing. Equal when written the same way.
 */
public final class TypePattern {

    private static final String MULTI = ">";
    private static final String SINGLE = "*";
    private static final TypePattern ALL = new TypePattern("*", new String[0], new char[0]);

    private final String text;
    private final String[] tokens;
    /** {@code separators[i]} stands between {@code tokens[i]} and {@code tokens[i + 1]}. */
    private final char[] separators;

    private TypePattern(String text, String[] tokens, char[] separators) {
        this.text = text;
        this.tokens = tokens;
        this.separators = separators;
    }

    /** The pattern that matches every type, {@code *}. */
    public static TypePattern all() {
        return ALL;
    }

    /**
     * Reads a pattern such as {@code order.*}, {@code order.>}, {@code model:*}, {@code order.created} or
     * {@code *}.
     *
     * @throws InvalidEventException (attribute {@code pattern}) for an empty token, a token with other
     *                               characters than {@code [A-Za-z0-9_-]}, a wildcard inside a token, or
     *                               {@code >} before the last token
     */
    public static TypePattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.equals(SINGLE)) {
            return ALL;
        }
        if (pattern.isEmpty() || pattern.length() > Event.MAX_TYPE_LENGTH) {
            throw invalid(pattern, "it must have 1 to " + Event.MAX_TYPE_LENGTH + " characters");
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder separators = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '.' || pattern.charAt(i) == ':') {
                String token = pattern.substring(start, i);
                checkToken(pattern, token, tokens.size() + 1);
                if (!tokens.isEmpty() && tokens.getLast().equals(MULTI)) {
                    throw invalid(pattern, "'>' may only be the last token; write e.g. order.> to match order.created"
                            + " and order.created.v2");
                }
                tokens.add(token);
                if (i < pattern.length()) {
                    separators.append(pattern.charAt(i));
                }
                start = i + 1;
            }
        }
        return new TypePattern(pattern, tokens.toArray(String[]::new), separators.toString().toCharArray());
    }

    /** Whether {@code type} matches; {@code false} for a string that is not a valid event type. */
    public boolean matches(String type) {
        if (!EventValidation.isValidType(type)) {
            return false;
        }
        if (this == ALL) {
            return true;
        }
        int position = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                if (position >= type.length() || type.charAt(position) != separators[i - 1]) {
                    return false;
                }
                position++;
            }
            String token = tokens[i];
            if (token.equals(MULTI)) {
                return position < type.length(); // a valid type has no empty token, so the rest is ≥ 1 token
            }
            int end = endOfToken(type, position);
            if (end == position) {
                return false;
            }
            if (!token.equals(SINGLE) && (end - position != token.length() || !type.startsWith(token, position))) {
                return false;
            }
            position = end;
        }
        return position == type.length();
    }

    /** Whether this pattern matches every type ({@code *} or {@code >}). */
    public boolean matchesAll() {
        return this == ALL || (tokens.length == 1 && tokens[0].equals(MULTI));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypePattern that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return text;
    }

    private static int endOfToken(String type, int from) {
        int end = from;
        while (end < type.length() && type.charAt(end) != '.' && type.charAt(end) != ':') {
            end++;
        }
        return end;
    }

    private static void checkToken(String pattern, String token, int number) {
        if (token.isEmpty()) {
            throw invalid(pattern, "token " + number + " is empty; separate tokens by a single '.' or ':' with"
                    + " nothing before the first or after the last");
        }
        if (token.equals(SINGLE) || token.equals(MULTI)) {
            return;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '*' || c == '>') {
                throw invalid(pattern, "token '" + token + "' mixes a wildcard with other characters; '*' and '>'"
                        + " stand for whole tokens, e.g. order.* or order.>");
            }
            if (!EventValidation.isTokenChar(c)) {
                throw invalid(pattern, "token '" + token + "' has the character '" + c + "'; tokens are A-Z, a-z,"
                        + " 0-9, '_' and '-', or the wildcards '*' and '>'");
            }
        }
    }

    private static InvalidEventException invalid(String pattern, String reason) {
        return new InvalidEventException("pattern", "type pattern '" + pattern + "' is invalid: " + reason
                + " (patterns: order.created, order.*, order.>, model:*, or * for every type)");
    }
}
