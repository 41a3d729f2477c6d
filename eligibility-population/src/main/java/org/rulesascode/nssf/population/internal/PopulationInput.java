package org.rulesascode.nssf.population.internal;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.Row;
import org.rulesascode.nssf.population.RowSource;

/**
 * Streams the rows of a population file, one line at a time: a JSONL file gives every line as a row; a CSV file
 * checks its header (line 1) and gives the following lines. Empty lines are rows too (rejected later, never
 * dropped). Lines end at a line feed only ({@code \n}, with the {@code \r} of a {@code \r\n} removed): a carriage
 * return inside a line is JSON whitespace and does not split it. A CSV header may end with the optional
 * {@code weight} column. Not thread-safe: one reader thread.
 */
public final class PopulationInput implements RowSource, Closeable {
    private final Reader reader;
    private final CountingStream counter;
    private final long size;
    private final InputFormat format;
    /** A CSV file whose header has the optional weight column. */
    private final boolean weightColumn;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(1024);
    private int pos;
    private int end;
    private boolean eof;
    private long lineNo;
    private String next;

    /**
     * Opens a population file.
     *
     * @param option the option that named the file, for errors (e.g. {@code --population})
     * @throws InvalidInputException if the file cannot be read or a CSV header is wrong
     */
    public PopulationInput(Path file, InputFormat format, String option) {
        this.format = format;
        String allowed = "a readable JSON Lines (.jsonl) or CSV (.csv) file";
        if (Files.isDirectory(file)) throw new InvalidInputException(option, "'" + file + "' is a directory", allowed);
        try {
            this.size = Files.size(file);
            this.counter = new CountingStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option, "file '" + file + "' does not exist", allowed);
        } catch (IOException e) {
            throw new InvalidInputException(option, "file '" + file + "' cannot be read: " + e.getMessage(), allowed);
        }
        // bytes that are not UTF-8 become U+FFFD: that row is rejected (RowReader), the others are read
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new InputStreamReader(counter, utf8);
        boolean weights = false;
        if (format == InputFormat.csv) {
            String header = read();
            if (header == null) {
                close();
                throw new InvalidInputException(option, "'" + file + "' is empty: a CSV population starts with its header", CsvProfiles.HEADER);
            }
            try {
                weights = CsvProfiles.checkHeader(header);
            } catch (InvalidInputException e) {
                close();
                throw new InvalidInputException(file + ":1 " + e.field(), e.problem(), e.allowed());
            }
        }
        this.weightColumn = weights;
        next = read();
    }

    /** @return the next line without its line feed (and without the carriage return of a CRLF), or null at the end */
    private String read() {
        try {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (pos >= end) {
                    if (eof) break;
                    end = reader.read(buffer, 0, buffer.length);
                    pos = 0;
                    if (end < 0) {
                        end = 0;
                        eof = true;
                        break;
                    }
                    continue;
                }
                any = true;
                int start = pos;
                while (pos < end && buffer[pos] != '\n') pos++;
                line.append(buffer, start, pos - start);
                if (pos < end) { // the line feed
                    pos++;
                    return finish();
                }
            }
            return any ? finish() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String finish() {
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
        lineNo++;
        if (lineNo == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') line.deleteCharAt(0);
        return line.toString();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Row next() {
        if (next == null) throw new NoSuchElementException();
        Row r = Row.text(lineNo, next, format, weightColumn);
        next = read();
        return r;
    }

    /** @return the fraction of the file's bytes read so far, 0 to 1 */
    @Override
    public double fractionRead() {
        return size == 0 ? 1 : Math.min(1, (double) counter.count / size);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
