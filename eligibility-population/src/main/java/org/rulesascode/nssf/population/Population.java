package org.rulesascode.nssf.population;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.population.internal.CsvProfiles;
import org.rulesascode.nssf.population.internal.GeneratedRow;
import org.rulesascode.nssf.population.internal.PopulationInput;

/**
 * Where the rows of a population come from: a JSON Lines or CSV file (streamed, one line at a time), any
 * {@code Iterable<WorkerProfile>} a program holds, or a generated population. Each factory returns a
 * {@link RowSource} to hand to {@link PopulationRunner}; close it when done.
 *
 * <pre>{@code
 * try (RowSource rows = Population.open(Path.of("workers.jsonl"))) {
 *     RunSummary s = PopulationRunner.run(engine, rows, LocalDate.of(2028, 6, 30), 2, ResultSink.NONE);
 * }
 * }</pre>
 */
public final class Population {
    private Population() { }

    /** The header line of a CSV population: exactly these 14 columns in this order. */
    public static final String CSV_HEADER = CsvProfiles.HEADER;

    /**
     * Opens a population file, its format by its name ({@link InputFormat#of}).
     *
     * @throws InvalidInputException when the file cannot be read or a CSV header is wrong (field {@code population})
     */
    public static RowSource open(Path file) {
        return open(file, InputFormat.of(file), "population");
    }

    /**
     * Opens a population file.
     *
     * @param option the name of the option or field that named the file, used in errors (e.g. {@code --population})
     * @throws InvalidInputException when the file cannot be read or a CSV header is wrong
     */
    public static RowSource open(Path file, InputFormat format, String option) {
        return new PopulationInput(file, format, option);
    }

    /** @return the profiles as rows, numbered 1, 2, 3… in iteration order */
    public static RowSource of(Iterable<WorkerProfile> profiles) {
        Iterator<WorkerProfile> it = profiles.iterator();
        return new RowSource() {
            long line;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                return Row.of(++line, Objects.requireNonNull(it.next(), "a null profile"));
            }
        };
    }

    /** @return rows as they are (e.g. one partition of a file's lines, made with {@link Row#text}) */
    public static RowSource rows(Iterator<? extends Row> rows) {
        return new RowSource() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                if (!rows.hasNext()) throw new NoSuchElementException();
                return rows.next();
            }
        };
    }

    /** @return persons {@code from} (inclusive) to {@code to} (exclusive) of a generated population, made as they are read */
    public static RowSource generated(PopulationGenerator generator, long from, long to) {
        if (from < 0 || to < from) throw new IllegalArgumentException("persons " + from + " to " + to);
        return GeneratedRow.range(generator, from, to);
    }
}
