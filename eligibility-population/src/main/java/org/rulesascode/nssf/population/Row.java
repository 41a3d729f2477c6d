package org.rulesascode.nssf.population;

import java.util.Objects;

import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.population.internal.RowReader;

/**
 * One input of a population run: a line of a file, a profile a program already holds, or a generated person.
 * Reading it (parsing the text) may be costly, so the runner's worker threads do it, not the thread that iterates.
 * A row that cannot be read is not dropped: it becomes a {@link RowError} and is counted as rejected. A row may
 * carry a weight (how many persons of the population it stands for); summaries then estimate weighted totals beside
 * the sample's counts.
 */
public interface Row {
    /** @return the row's line number in its input (1-based; for a CSV file the header is line 1) */
    long line();

    /** @return the profile, or why it cannot be read (never both, never neither) */
    Read read();

    /**
     * A row read.
     *
     * @param profile the profile, or null when the row is rejected
     * @param error   why the row is rejected, or null when it was read
     * @param weight  how many persons of the population the row stands for (a positive number with at most 6
     *                decimals, at most 1,000,000,000), or null for a row without a weight, which weighs 1
     */
    record Read(WorkerProfile profile, RowError error, java.math.BigDecimal weight) {
        public Read {
            if ((profile == null) == (error == null)) throw new IllegalArgumentException("a read row has a profile or an error, not both and not neither");
            if (weight != null) {
                if (error != null) throw new IllegalArgumentException("a rejected row has no weight");
                weight = org.rulesascode.nssf.population.internal.Weights.check(weight, "weight", weight.toString());
            }
        }

        /** A row read without a weight (it weighs 1), or rejected. */
        public Read(WorkerProfile profile, RowError error) {
            this(profile, error, null);
        }
    }

    /** @return a row holding a profile already read, at {@code line} */
    static Row of(long line, WorkerProfile profile) {
        return of(line, profile, null);
    }

    /**
     * @param weight how many persons the row stands for, or null for 1
     * @return a row holding a profile already read, at {@code line}, with its weight
     * @throws org.rulesascode.nssf.eligibility.InvalidInputException when the weight is not positive, above
     *         1,000,000,000 or has more than 6 decimals
     */
    static Row of(long line, WorkerProfile profile, java.math.BigDecimal weight) {
        Objects.requireNonNull(profile, "profile");
        Read read = new Read(profile, null, weight);
        return new Row() {
            @Override
            public long line() {
                return line;
            }

            @Override
            public Read read() {
                return read;
            }
        };
    }

    /**
     * @param line   the line number of {@code text} in its file (1-based)
     * @param text   one line of a JSON Lines or CSV population file, without its line break
     * @param format the file's format (a CSV row is read by the columns of {@link Population#CSV_HEADER})
     * @return a row that parses {@code text} when read; a JSON line may carry a top-level {@code "weight"} member
     */
    static Row text(long line, String text, InputFormat format) {
        return text(line, text, format, false);
    }

    /**
     * As {@link #text(long, String, InputFormat)}; with {@code weightColumn} a CSV row has one more field, its
     * {@code weight} (the header's optional last column). Ignored for JSON Lines.
     */
    static Row text(long line, String text, InputFormat format, boolean weightColumn) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        return new Row() {
            @Override
            public long line() {
                return line;
            }

            @Override
            public Read read() {
                return RowReader.read(line, text, format, weightColumn);
            }
        };
    }
}
