package org.rulesascode.nssf.population.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rulesascode.nssf.eligibility.InvalidInputException;

/**
 * The output files of one run, written whole or not at all. Each file is written as {@code NAME.partial} in the
 * output directory; {@link #commit} renames them into place only when the run is complete: first the old summary
 * is removed, then every file is renamed, the summary last, and the outputs of the other command (a compare's
 * report beside a new run's results) are removed. At every moment the directory holds the previous complete
 * outputs, or files named {@code .partial}, or outputs without a summary: never a summary beside results it does not
 * describe. A run that fails removes its partial files; a killed run leaves them, named as incomplete.
 *
 * <p>Text is UTF-8. A string holding an unpaired surrogate (legal in JSON text, {@code "\ud800"}, but not a
 * character) is written with U+FFFD REPLACEMENT CHARACTER in its place: no run stops on it.
 */
public final class OutputFiles implements Closeable {
    /** Every file name a run or a comparison writes. */
    public static final List<String> ALL = List.of("results.jsonl", "results.csv", "errors.csv", "flips.csv", "compliance.csv", "report.html", "summary.json");
    /** The suffix of a file being written. */
    public static final String PARTIAL = ".partial";

    private final Path dir;
    private final String summary;
    private final Map<String, Utf8Writer> writers = new LinkedHashMap<>();
    private boolean committed;

    /**
     * Creates the directory if needed and opens {@code NAME.partial} for each name.
     *
     * @param summary the name written last (its presence marks a complete run)
     * @throws InvalidInputException ({@code --out}) when the directory cannot be created or written
     */
    public OutputFiles(Path dir, List<String> names, String summary) {
        this.dir = dir;
        this.summary = summary;
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new InvalidInputException("--out", "'" + dir + "' is a file", "a directory (created if missing)");
        try {
            Files.createDirectories(dir);
            for (String n : names) writers.put(n, writer(dir.resolve(n + PARTIAL)));
        } catch (IOException e) {
            abandon();
            throw new InvalidInputException("--out", "'" + dir + "' cannot be written (" + reason(e) + ")", "a directory you can write to (created if missing)");
        }
    }

    /**
     * Checks, before a run starts, that {@code dir} is or can be made a directory we can write in (creating it).
     *
     * @throws InvalidInputException ({@code --out}) when it cannot
     */
    public static void check(Path dir) {
        new OutputFiles(dir, List.of(), "").close();
        try {
            Files.deleteIfExists(Files.createTempFile(dir, ".nssf-check-", PARTIAL));
        } catch (IOException e) {
            throw new InvalidInputException("--out", "'" + dir + "' cannot be written (" + reason(e) + ")", "a directory you can write to (created if missing)");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * @return a buffered UTF-8 writer in which unpaired surrogates become U+FFFD, that also takes lines already
     *         encoded ({@link Utf8Writer#writeUtf8})
     */
    public static Utf8Writer writer(Path file) throws IOException {
        return new Utf8Writer(Files.newOutputStream(file), 1 << 16);
    }

    /** @return the writer of {@code name} */
    public Utf8Writer get(String name) {
        Utf8Writer w = writers.get(name);
        if (w == null) throw new IllegalArgumentException(name);
        return w;
    }

    /** Writes {@code text} as the whole of {@code name} (a file opened by the constructor). */
    public void write(String name, String text) {
        try {
            get(name).write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every file and renames each into place, the summary last (see the class comment). */
    public void commit() throws IOException {
        for (Writer w : writers.values()) w.close();
        Files.deleteIfExists(dir.resolve(summary));
        for (String n : writers.keySet()) if (!n.equals(summary)) move(n);
        for (String n : ALL) if (!writers.containsKey(n)) Files.deleteIfExists(dir.resolve(n));
        if (writers.containsKey(summary)) move(summary);
        committed = true;
    }

    private void move(String name) throws IOException {
        Path from = dir.resolve(name + PARTIAL);
        Path to = dir.resolve(name);
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void abandon() {
        for (Writer w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) { // already failing: the partial file is removed below
            }
        }
        for (String n : writers.keySet()) {
            try {
                Files.deleteIfExists(dir.resolve(n + PARTIAL));
            } catch (IOException e) { // left behind, named as incomplete
            }
        }
    }

    /** Without {@link #commit}: closes and removes the partial files; the previous outputs stay as they were. */
    @Override
    public void close() {
        if (!committed) abandon();
    }
}
