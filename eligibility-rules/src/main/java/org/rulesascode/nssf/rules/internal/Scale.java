package org.rulesascode.nssf.rules.internal;

import java.util.List;

/**
 * A bracket table: the first bracket whose {@code upTo} is at or above the input gives the value; the last
 * bracket (no upper bound) takes everything above. Immutable.
 */
public record Scale(List<Bracket> brackets) {
    /** One row: inputs up to {@code upTo} (inclusive; null for the open last row) map to {@code value}. */
    public record Bracket(Long upTo, long value) { }

    public Scale {
        brackets = List.copyOf(brackets);
    }

    /** @return the bracket value for {@code input} */
    public long apply(long input) {
        for (Bracket b : brackets) {
            if (b.upTo() == null || input <= b.upTo()) return b.value();
        }
        throw new IllegalStateException("scale without an open last bracket");
    }

    /** @return the rank (1-based) of the bracket for {@code input} */
    public int rank(long input) {
        for (int i = 0; i < brackets.size(); i++) {
            Bracket b = brackets.get(i);
            if (b.upTo() == null || input <= b.upTo()) return i + 1;
        }
        throw new IllegalStateException("scale without an open last bracket");
    }

    /** @return the value of the open last bracket, i.e. the ceiling */
    public long ceiling() {
        return brackets.get(brackets.size() - 1).value();
    }

    /** Up to this many brackets, {@link #toString()} lists them; above, it summarises them. */
    static final int LISTED_BRACKETS = 5;

    @Override
    public String toString() {
        if (brackets.size() <= LISTED_BRACKETS) {
            StringBuilder sb = new StringBuilder();
            for (Bracket b : brackets) {
                if (sb.length() > 0) sb.append("; ");
                sb.append(b.upTo() == null ? "above" : "up to " + b.upTo()).append(": ").append(b.value());
            }
            return sb.toString();
        }
        return brackets.size() + " brackets, " + brackets.get(0).value() + " to " + ceiling();
    }
}
