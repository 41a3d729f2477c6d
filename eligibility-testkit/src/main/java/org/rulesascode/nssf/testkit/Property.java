package org.rulesascode.nssf.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A tiny property runner on seeded {@code java.util.random} generators, usable from any test framework.
 *
 * <p>{@link #forAll} draws {@code count} cases, case {@code i} from its own generator seeded with
 * {@link #caseSeed(long, int) caseSeed(seed, i)}, so one case can be replayed alone ({@link #draw}). The first
 * failing case (the predicate returns false or throws) is shrunk with the arbitrary's {@link Shrinker}, and the
 * run fails with an {@link AssertionError} reading {@code seed=…, case #…, shrunk: …} and, for a {@link ProfileCase},
 * the shrunk profile as JSON ({@link ProfileCase#toJson()}). The library never prints: the message is all there is.
 * Pass a fixed seed so CI is deterministic; {@link #seed()} reads {@code -Dnssf.seed=N} to explore other cases.
 */
public final class Property {
    /** The seed used when {@code nssf.seed} is not set. */
    public static final long DEFAULT_SEED = 20_250_630L;
    /** Most predicate evaluations spent on shrinking one failure. */
    public static final int MAX_SHRINK_EVALUATIONS = 2_000;
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

    private Property() { }

    /** @return the seed of this run: {@code -Dnssf.seed}, or {@link #DEFAULT_SEED} */
    public static long seed() {
        String s = System.getProperty("nssf.seed");
        if (s == null || s.isBlank()) return DEFAULT_SEED;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dnssf.seed must be a whole number, not '" + s + "'", e);
        }
    }

    /** @return a fresh generator for {@code seed} */
    public static RandomGenerator random(long seed) {
        return FACTORY.create(seed);
    }

    /** @return the seed of case {@code index} of a run with {@code seed} (SplitMix64 of seed and index) */
    public static long caseSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return case {@code index} of a run with {@code seed}, as {@link #forAll} draws it */
    public static <T> T draw(long seed, int index, Gen<T> gen) {
        return gen.next(random(caseSeed(seed, index)));
    }

    /** @return the first {@code count} cases of a run with {@code seed} */
    public static <T> List<T> sample(long seed, int count, Gen<T> gen) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(draw(seed, i, gen));
        return out;
    }

    /** Runs {@code property} on {@code count} cases; see the class comment. */
    public static <T> void forAll(long seed, int count, Arbitrary<T> arbitrary, Predicate<? super T> property) {
        forAll("property", seed, count, arbitrary, property);
    }

    /**
     * Runs {@code property} on {@code count} cases drawn from {@code arbitrary}; on the first failure shrinks it and
     * throws an {@link AssertionError} naming the seed, the case number, the shrunk case and the failure.
     *
     * @param name      the property's name, for the message
     * @param property  returns true when the case passes; a thrown exception or assertion error is a failure too
     */
    public static <T> void forAll(String name, long seed, int count, Arbitrary<T> arbitrary, Predicate<? super T> property) {
        Objects.requireNonNull(arbitrary, "arbitrary");
        for (int i = 0; i < count; i++) {
            T value = draw(seed, i, arbitrary.gen());
            Throwable failure = evaluate(property, value);
            if (failure == null) continue;
            Shrunk<T> shrunk = shrink(value, failure, arbitrary.shrinker(), property);
            String message = name + " failed: seed=" + seed + " (rerun with -Dnssf.seed=" + seed + "), case #" + i
                    + " of " + count + " (case seed " + caseSeed(seed, i) + "), shrunk in " + shrunk.steps() + " steps ("
                    + shrunk.evaluations() + " evaluations)"
                    + "\n  shrunk:   " + shrunk.value()
                    + json(shrunk.value())
                    + "\n  failure:  " + describe(shrunk.failure())
                    + "\n  original: " + value
                    + (shrunk.steps() == 0 ? "" : "\n  original failure: " + describe(failure));
            throw new AssertionError(message, shrunk.failure() instanceof Falsified ? null : shrunk.failure());
        }
    }

    /** @return a line with the value as JSON when it is a {@link ProfileCase}, otherwise nothing */
    static String json(Object value) {
        return value instanceof ProfileCase c ? "\n  json:     " + c.toJson() : "";
    }

    /**
     * A shrunk failure: the smallest failing value found, its failure, and the work spent.
     *
     * @param value       the smallest failing value found
     * @param failure     its failure (an {@link AssertionError} or exception; "the predicate returned false" otherwise)
     * @param steps       how many times a smaller failing value was found
     * @param evaluations how many candidates were tried
     * @param <T>         the type of value
     */
    public record Shrunk<T>(T value, Throwable failure, int steps, int evaluations) { }

    /**
     * Greedy shrinking: take the first candidate that still fails, repeat until none does or
     * {@link #MAX_SHRINK_EVALUATIONS} candidates were tried.
     *
     * @param value    a failing value
     * @param failure  its failure
     * @param property returns true when a value passes; an exception or assertion error is a failure
     */
    public static <T> Shrunk<T> shrink(T value, Throwable failure, Shrinker<T> shrinker, Predicate<? super T> property) {
        T current = value;
        Throwable currentFailure = failure;
        int steps = 0;
        int evaluations = 0;
        boolean improved = true;
        while (improved && evaluations < MAX_SHRINK_EVALUATIONS) {
            improved = false;
            for (T candidate : shrinker.candidates(current)) {
                if (evaluations++ >= MAX_SHRINK_EVALUATIONS) break;
                Throwable f = evaluate(property, candidate);
                if (f != null) {
                    current = candidate;
                    currentFailure = f;
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        return new Shrunk<>(current, currentFailure, steps, evaluations);
    }

    private static <T> Throwable evaluate(Predicate<? super T> property, T value) {
        try {
            return property.test(value) ? null : new Falsified();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return t;
        }
    }

    /** @return a one-paragraph description of a failure: the exception's class and message */
    public static String describe(Throwable t) {
        if (t instanceof Falsified) return "the predicate returned false";
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip().replace("\n", "\n            "));
    }

    /** The predicate returned false. */
    private static final class Falsified extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Falsified() {
            super("the predicate returned false", null, false, false);
        }
    }
}
