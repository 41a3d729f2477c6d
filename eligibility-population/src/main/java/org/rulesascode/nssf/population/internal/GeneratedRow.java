package org.rulesascode.nssf.population.internal;

import java.util.NoSuchElementException;

import org.rulesascode.nssf.population.PopulationGenerator;
import org.rulesascode.nssf.population.Row;
import org.rulesascode.nssf.population.RowSource;

/** Person {@code index} of a generated population, made when a worker reads it: nothing is held in memory. */
public record GeneratedRow(PopulationGenerator generator, long index) implements Row {
    @Override
    public long line() {
        return index + 1;
    }

    @Override
    public Row.Read read() {
        return new Row.Read(generator.profile(index), null);
    }

    /** @return the rows of persons {@code from} (inclusive) to {@code to} (exclusive) */
    public static RowSource range(PopulationGenerator generator, long from, long to) {
        return new RowSource() {
            long next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public Row next() {
                if (next >= to) throw new NoSuchElementException();
                return new GeneratedRow(generator, next++);
            }

            @Override
            public double fractionRead() {
                return to <= from ? 1 : (double) (next - from) / (to - from);
            }
        };
    }
}
