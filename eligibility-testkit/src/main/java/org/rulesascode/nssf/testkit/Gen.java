package org.rulesascode.nssf.testkit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A generator of values from a seeded {@link RandomGenerator}. A generator draws everything it needs from the
 * generator it is given, so the same seed always gives the same value. Works with any test framework: draw with
 * {@code gen.next(random)}, or let {@link Property} draw case {@code i} of a seeded run.
 *
 * @param <T> the type of value
 */
@FunctionalInterface
public interface Gen<T> {
    /** @return the next value, drawn from {@code random} */
    T next(RandomGenerator random);

    /** @return a generator of {@code f} applied to this generator's values */
    default <U> Gen<U> map(Function<? super T, ? extends U> f) {
        return r -> f.apply(next(r));
    }

    /** @return a generator that gives null with probability {@code p}, otherwise this generator's value */
    default Gen<T> orNull(double p) {
        return r -> r.nextDouble() < p ? null : next(r);
    }

    /** @return a generator that always gives {@code value} */
    static <T> Gen<T> constant(T value) {
        return r -> value;
    }

    /** @return a generator of one of {@code values}, uniformly */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T v : values) list.add(v);
        return r -> list.get(r.nextInt(list.size()));
    }

    /** @return a generator of a whole number in [lo, hi] */
    static Gen<Long> between(long lo, long hi) {
        return r -> r.nextLong(lo, hi + 1);
    }

    /** @return a generator of a day from {@code from} to {@code to}, both inclusive, uniformly */
    static Gen<LocalDate> dates(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("empty date range " + from + " to " + to);
        long span = ChronoUnit.DAYS.between(from, to);
        return r -> from.plusDays(r.nextLong(span + 1));
    }

    /**
     * A weighted choice among generators.
     *
     * @param weights one weight per generator, positive
     */
    @SafeVarargs
    static <T> Gen<T> frequency(int[] weights, Gen<? extends T>... gens) {
        if (weights.length != gens.length) throw new IllegalArgumentException("one weight per generator");
        int total = 0;
        for (int w : weights) total += w;
        int sum = total;
        return r -> {
            int pick = r.nextInt(sum);
            for (int i = 0; i < gens.length; i++) {
                pick -= weights[i];
                if (pick < 0) return gens[i].next(r);
            }
            throw new AssertionError("unreachable");
        };
    }
}
