package org.rulesascode.nssf.testkit.invariants;

import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs invariants over seeded generated inputs. Case {@code i} of a run is drawn from its own generator seeded with
 * {@link Property#caseSeed(long, int)}, exactly as {@link Property#forAll} draws it, so a failure replays alone. For
 * each invariant, the first failing case is shrunk with the generator's shrinker (fewer periods, shorter periods,
 * wages towards the floor, fewer events) while the invariant still fails, and reported with the seed, the case
 * number and the shrunk profile as JSON; later cases are not checked for that invariant.
 */
public final class InvariantRunner {
    private InvariantRunner() { }

    /** Runs {@code invariants} on {@code count} cases of {@code generator} with its domain shrinker. */
    public static InvariantReport run(EligibilityEngine engine, WorkerProfiles generator, int count, long seed, List<? extends Invariant> invariants) {
        return run(engine, generator.arbitrary(), count, seed, invariants);
    }

    /**
     * @param engine     the engine under test
     * @param generator  draws the cases and shrinks a failing one
     * @param count      cases per invariant (at least 1)
     * @param seed       the run's seed
     * @param invariants the invariants to check
     * @return what happened, per invariant; {@link InvariantReport#assertPassed()} turns failures into an AssertionError
     */
    public static InvariantReport run(EligibilityEngine engine, Arbitrary<ProfileCase> generator, int count, long seed,
                                      List<? extends Invariant> invariants) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(generator, "generator");
        if (count < 1) throw new IllegalArgumentException("count must be at least 1, not " + count);
        if (invariants.isEmpty()) throw new IllegalArgumentException("no invariant to run");
        int n = invariants.size();
        int[] checked = new int[n];
        int[] notApplicable = new int[n];
        InvariantReport.Failure[] failures = new InvariantReport.Failure[n];
        for (int i = 0; i < count; i++) {
            ProfileCase input = Property.draw(seed, i, generator.gen());
            for (int k = 0; k < n; k++) {
                if (failures[k] != null) continue;
                Invariant inv = invariants.get(k);
                Throwable failure = evaluate(inv, engine, input);
                if (failure == null) {
                    checked[k]++;
                } else if (failure instanceof NotApplicable) {
                    notApplicable[k]++;
                } else {
                    checked[k]++;
                    failures[k] = shrink(engine, generator, seed, i, input, inv, failure);
                }
            }
        }
        List<InvariantReport.Result> results = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Invariant inv = invariants.get(k);
            results.add(new InvariantReport.Result(inv.name(), inv.description(), checked[k], notApplicable[k], failures[k]));
        }
        return new InvariantReport(seed, count, results);
    }

    private static InvariantReport.Failure shrink(EligibilityEngine engine, Arbitrary<ProfileCase> generator, long seed, int index,
                                                  ProfileCase input, Invariant inv, Throwable failure) {
        Predicate<ProfileCase> holds = c -> {
            Throwable t = evaluate(inv, engine, c);
            if (t == null || t instanceof NotApplicable) return true;
            if (t instanceof Failed f) throw f;
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        };
        Property.Shrunk<ProfileCase> s = Property.shrink(input, failure, generator.shrinker(), holds);
        return new InvariantReport.Failure(inv.name(), seed, index, Property.caseSeed(seed, index), input, s.value(),
                describe(failure), describe(s.failure()), s.steps());
    }

    /** @return null when the invariant holds, {@link NotApplicable}, {@link Failed}, or what the check threw */
    private static Throwable evaluate(Invariant inv, EligibilityEngine engine, ProfileCase input) {
        try {
            Verdict v = inv.check(engine, input);
            return switch (v.status()) {
                case PASSED -> null;
                case NOT_APPLICABLE -> NotApplicable.INSTANCE;
                case FAILED -> new Failed(v.message());
            };
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return t;
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof Failed f) return f.getMessage();
        return Property.describe(t);
    }

    /** A failed verdict, as a throwable for the shrinker. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** The invariant does not apply: counts as holding while shrinking. */
    private static final class NotApplicable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotApplicable INSTANCE = new NotApplicable();

        private NotApplicable() {
            super("not applicable", null, false, false);
        }
    }
}
