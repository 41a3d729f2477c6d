package org.rulesascode.nssf.testkit.invariants;

import java.util.Objects;

/**
 * What an {@link Invariant} says about one input: it holds, it fails (with a sentence saying how), or it does not
 * apply to this input (for example "no history to extend"). Immutable.
 *
 * @param status  passed, failed or not applicable
 * @param message for a failure, what went wrong, readable without the code; for a non-applicable input, why; otherwise empty
 */
public record Verdict(Status status, String message) {
    /** The three answers. */
    public enum Status { PASSED, FAILED, NOT_APPLICABLE }

    private static final Verdict PASS = new Verdict(Status.PASSED, "");

    public Verdict {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    /** @return the invariant holds */
    public static Verdict pass() {
        return PASS;
    }

    /** @return the invariant fails, with a sentence saying how (values, decisions, lines concerned) */
    public static Verdict fail(String message) {
        return new Verdict(Status.FAILED, message);
    }

    /** @return the invariant says nothing about this input, and why */
    public static Verdict notApplicable(String why) {
        return new Verdict(Status.NOT_APPLICABLE, why);
    }

    /** @return {@link #pass()} when {@code holds}, otherwise {@link #fail(String) fail(message)} */
    public static Verdict check(boolean holds, String message) {
        return holds ? PASS : fail(message);
    }

    /** @return true for a failure */
    public boolean failed() {
        return status == Status.FAILED;
    }
}
