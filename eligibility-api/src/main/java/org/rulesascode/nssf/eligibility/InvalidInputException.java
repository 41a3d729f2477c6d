package org.rulesascode.nssf.eligibility;

/**
 * A user mistake in an input: names the field (a JSON-style path such as {@code history[2].to}), what is
 * wrong and what is allowed. Thrown by the constructors of the API records and by the engine; never
 * wraps a programming error.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;
    private final String allowed;

    /**
     * @param field   path of the offending field, e.g. {@code wage.exchangeRate}
     * @param problem what is wrong, e.g. "is missing"
     * @param allowed what is allowed, e.g. "a positive number of riel per US dollar"
     */
    public InvalidInputException(String field, String problem, String allowed) {
        super(field + ": " + problem + (allowed == null || allowed.isEmpty() ? "" : " (allowed: " + allowed + ")"));
        this.field = field;
        this.problem = problem;
        this.allowed = allowed;
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
