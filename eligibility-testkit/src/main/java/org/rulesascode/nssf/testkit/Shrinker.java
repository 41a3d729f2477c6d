package org.rulesascode.nssf.testkit;

import java.util.List;

/**
 * Proposes smaller values than a failing one (domain shrinking: fewer periods, shorter periods, a wage nearer the
 * floor, no events, absent optional fields). {@link Property} keeps the first candidate that still fails and asks
 * again, until no candidate fails. Candidates must be strictly "smaller" by some measure so that shrinking ends.
 *
 * @param <T> the type of value
 */
@FunctionalInterface
public interface Shrinker<T> {
    /** @return smaller candidates, most aggressive first; may be empty, never null */
    List<T> candidates(T value);

    /** @return a shrinker that proposes nothing */
    static <T> Shrinker<T> none() {
        return v -> List.of();
    }
}
