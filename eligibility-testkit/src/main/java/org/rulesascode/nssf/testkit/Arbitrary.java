package org.rulesascode.nssf.testkit;

/**
 * A generator with its shrinker: what {@link Property#forAll} needs.
 *
 * @param gen      draws values
 * @param shrinker proposes smaller values than a failing one
 * @param <T>      the type of value
 */
public record Arbitrary<T>(Gen<T> gen, Shrinker<T> shrinker) {
    /** @return an arbitrary that does not shrink */
    public static <T> Arbitrary<T> of(Gen<T> gen) {
        return new Arbitrary<>(gen, Shrinker.none());
    }
}
