package org.rulesascode.nssf.eligibility;

/**
 * A user mistake in an input: names the field (a JSON-style path such as {@code history[2].to}), what is
 * wrong and what is allowed. Thrown by the constructors of the API records and by the engine; never
 * wraps a programming error. Each part is cut to a bounded length ({@link #MAX_FIELD}, {@link #MAX_PROBLEM},
 * {@link #MAX_ALLOWED}), so that a message never echoes a huge input value in full.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;
    private final String allowed;
    /** Longest field path kept; a longer one (a huge key or file name) is cut, so that no message grows with the input. */
    public static final int MAX_FIELD = 200;
    /** Longest problem kept. */
    public static final int MAX_PROBLEM = 300;
    /** Longest description of what is allowed kept. */
    public static final int MAX_ALLOWED = 300;

    /**
     * @param field   path of the offending field, e.g. {@code wage.exchangeRate}
     * @param problem what is wrong, e.g. "is missing"
     * @param allowed what is allowed, e.g. "a positive number of riel per US dollar"
     */
    public InvalidInputException(String field, String problem, String allowed) {
        this(clean(field, MAX_FIELD), clean(problem, MAX_PROBLEM), clean(allowed, MAX_ALLOWED), true);
    }

    private InvalidInputException(String field, String problem, String allowed, boolean shortened) {
        super(field + ": " + problem + (allowed == null || allowed.isEmpty() ? "" : " (allowed: " + allowed + ")"));
        this.field = field;
        this.problem = problem;
        this.allowed = allowed;
    }

    /**
     * @return {@code s} cut to {@code max} characters, its control characters (a line break in a key, a tab) written
     *         as escapes such as {@code \n}, so that the message is always one line
     */
    private static String clean(String s, int max) {
        if (s == null) return null;
        String cut = s.length() > max ? s.substring(0, max) : s;
        StringBuilder sb = new StringBuilder(cut.length() + 16);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() <= max && cut.length() == s.length()) return sb.toString();
        return sb.substring(0, Math.min(sb.length(), max - 1)) + "… (" + s.length() + " characters)";
    }

    /** @return the path of the offending field */
    public String field() { return field; }

    /** @return what is wrong */
    public String problem() { return problem; }

    /** @return what would be accepted; may be empty */
    public String allowed() { return allowed; }

    /** @return a copy whose field path is prefixed with {@code prefix} (e.g. "history[2]") */
    public InvalidInputException under(String prefix) {
        InvalidInputException e = new InvalidInputException(prefix + (field.startsWith("[") ? "" : ".") + field, problem, allowed);
        e.setStackTrace(getStackTrace());
        return e;
    }

    static <T> T require(T value, String field, String allowed) {
        if (value == null) throw new InvalidInputException(field, "is missing", allowed);
        return value;
    }
}
