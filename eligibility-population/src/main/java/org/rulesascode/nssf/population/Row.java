package org.rulesascode.nssf.population;

import java.util.Objects;

import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.population.internal.RowReader;

/**
 * One input of a population run: a line of a file, a profile a program already holds, or a generated person.
 * Reading it (parsing the text) may be costly, so the runner's worker threads do it, not the thread that iterates.
 * A row that cannot be read is not dropped: it becomes a {@link RowError} and is counted as rejected.
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
     */
    record Read(WorkerProfile profile, RowError error) {
        public Read {
            if ((profile == null) == (error == null)) throw new IllegalArgumentException("a read row has a profile or an error, not both and not neither");
        }
    }

    /** @return a row holding a profile already read, at {@code line} */
    static Row of(long line, WorkerProfile profile) {
        Objects.requireNonNull(profile, "profile");
        Read read = new Read(profile, null);
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
     * @return a row that parses {@code text} when read
     */
    static Row text(long line, String text, InputFormat format) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        return new Row() {
            @Override
            public long line() {
                return line;
            }

            @Override
            public Read read() {
                return RowReader.read(line, text, format);
            }
        };
    }
}
