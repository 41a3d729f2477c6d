package org.rulesascode.nssf.testkit.invariants;

import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.testkit.ProfileCase;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * A property every assessment of an engine should have, checked on one generated input at a time. Implementations
 * must be stateless and thread-safe: the runner calls {@link #check} once per input, and again on smaller inputs
 * while it shrinks a failure. An exception thrown by {@code check} (including the engine's) counts as a failure.
 *
 * <p>Write one as a lambda:
 * <pre>{@code
 * Invariant noPensionBefore2022 = Invariant.of("no pension line before 2022-10", "my reading of Sub-decree 32",
 *         (engine, c) -> Verdict.check(engine.assess(c.request()).contributions().stream()
 *                 .noneMatch(l -> l.scheme() == Scheme.PENSION && l.month().isBefore(YearMonth.of(2022, 10))),
 *                 "a pension line before 2022-10"));
 * }</pre>
 * or in assertion style ({@link #ofAssertions}), where an {@link AssertionError} is the failure.
 */
public interface Invariant {
    /** @return a short name, e.g. "conservation" */
    String name();

    /** @return one or two sentences saying what is checked and why it should hold */
    String description();

    /**
     * @param engine the engine under test (a baseline or a reformed one)
     * @param input  a generated question
     * @return whether the invariant holds for this input
     */
    Verdict check(EligibilityEngine engine, ProfileCase input);

    /** @return an invariant from a name, a description and a check function */
    static Invariant of(String name, String description, BiFunction<EligibilityEngine, ProfileCase, Verdict> check) {
        Objects.requireNonNull(check, "check");
        return new Simple(name, description, check);
    }

    /** @return an invariant whose check passes when it returns normally and fails when it throws (e.g. an assertion) */
    static Invariant ofAssertions(String name, String description, BiConsumer<EligibilityEngine, ProfileCase> check) {
        Objects.requireNonNull(check, "check");
        return new Simple(name, description, (engine, c) -> {
            check.accept(engine, c);
            return Verdict.pass();
        });
    }

    /** A named check function. */
    record Simple(String name, String description, BiFunction<EligibilityEngine, ProfileCase, Verdict> fn) implements Invariant {
        public Simple {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("an invariant needs a name");
            description = description == null ? "" : description;
        }

        @Override
        public Verdict check(EligibilityEngine engine, ProfileCase input) {
            Verdict v = fn.apply(engine, input);
            if (v == null) throw new IllegalStateException("invariant '" + name + "' returned no verdict");
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
