package org.rulesascode.nssf.cli.population;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Person {@code index} of a generated population, made when a worker reads it: nothing is held in memory. */
public record GeneratedSource(PopulationGenerator generator, long index) implements Source {
    @Override
    public long line() {
        return index + 1;
    }

    @Override
    public RowReader.Read read() {
        return new RowReader.Read(generator.profile(index), null);
    }

    /** @return the sources of persons {@code from} (inclusive) to {@code to} (exclusive) */
    public static Iterator<GeneratedSource> range(PopulationGenerator generator, long from, long to) {
        return new Iterator<>() {
            long next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public GeneratedSource next() {
                if (next >= to) throw new NoSuchElementException();
                return new GeneratedSource(generator, next++);
            }
        };
    }
}
