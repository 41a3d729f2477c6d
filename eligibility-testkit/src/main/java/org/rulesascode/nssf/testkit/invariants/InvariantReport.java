package org.rulesascode.nssf.testkit.invariants;

import org.rulesascode.nssf.testkit.ProfileCase;

import java.util.List;
import java.util.Locale;

/**
 * What {@link InvariantRunner#run} found, per invariant. Immutable.
 *
 * @param seed    the run's seed
 * @param count   cases drawn
 * @param results one per invariant, in the order given
 */
public record InvariantReport(long seed, int count, List<Result> results) {
    public InvariantReport {
        results = List.copyOf(results);
    }

    /**
     * One invariant's outcome.
     *
     * @param name          the invariant's name
     * @param description   what it checks
     * @param checked       cases on which it held or failed
     * @param notApplicable cases it did not apply to
     * @param failure       the first failure, shrunk; null when it held on every case
     */
    public record Result(String name, String description, int checked, int notApplicable, Failure failure) {
        /** @return true when the invariant never failed */
        public boolean passed() {
            return failure == null;
        }
    }

    /**
     * The first failure of an invariant.
     *
     * @param invariant       the invariant's name
     * @param seed            the run's seed
     * @param caseIndex       the failing case's number in the run (from 0)
     * @param caseSeed        the seed of that case alone ({@code Property.random(caseSeed)} draws it again)
     * @param original        the case as drawn
     * @param shrunk          the smallest case found that still fails
     * @param originalMessage how the original case failed
     * @param message         how the shrunk case fails
     * @param shrinkSteps     how many smaller failing cases were found on the way
     */
    public record Failure(String invariant, long seed, int caseIndex, long caseSeed, ProfileCase original, ProfileCase shrunk,
                          String originalMessage, String message, int shrinkSteps) {
        /** @return a readable report: seed, case, failure, the shrunk case as text and as JSON */
        public String describe() {
            return "invariant '" + invariant + "' failed: seed=" + seed + ", case #" + caseIndex + " (case seed " + caseSeed
                    + "), shrunk in " + shrinkSteps + " steps"
                    + "\n  failure:  " + indent(message)
                    + "\n  shrunk:   " + shrunk
                    + "\n  json:     " + shrunk.toJson()
                    + (shrinkSteps == 0 ? "" : "\n  original: " + original + "\n  original failure: " + indent(originalMessage));
        }

        private static String indent(String s) {
            return s == null ? "" : s.strip().replace("\n", "\n            ");
        }
    }

    /** @return true when every invariant held on every case */
    public boolean passed() {
        return results.stream().allMatch(Result::passed);
    }

    /** @return the failures, in the order of the invariants */
    public List<Failure> failures() {
        return results.stream().filter(r -> !r.passed()).map(Result::failure).toList();
    }

    /** @return one line per invariant (cases checked, not applicable, passed or failed), then each failure in full */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d cases, seed %d%n", count, seed));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "  %-45s %6d checked %6d not applicable  %s%n", r.name(), r.checked(), r.notApplicable(),
                    r.passed() ? "passed" : "FAILED (case #" + r.failure().caseIndex() + ")"));
        }
        for (Failure f : failures()) sb.append(f.describe()).append('\n');
        return sb.toString();
    }

    /** @throws AssertionError listing every failure (seed, case, shrunk profile as JSON) when an invariant failed */
    public void assertPassed() {
        if (!passed()) throw new AssertionError(summary());
    }

    @Override
    public String toString() {
        return summary();
    }
}
