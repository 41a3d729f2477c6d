package org.rulesascode.nssf.eligibility.json;

import java.nio.file.Path;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;

/**
 * Reads {@link Reform}s from YAML files (skeleton: the reader is being written).
 */
public final class NssfReforms {
    private NssfReforms() { }

    /** Reads a parameter-only reform; a {@code rules:} key is refused (structural reforms need trust). */
    public static Reform read(Path file) {
        return read(file, false);
    }

    /** Reads a reform; {@code rules:} files are read relative to {@code file} when {@code allowRules}. */
    public static Reform read(Path file, boolean allowRules) {
        throw new InvalidInputException(String.valueOf(file), "cannot be read yet", "NssfReforms is a skeleton");
    }

    /** Parses reform YAML; {@code sourceName} names it in errors, {@code baseDir} resolves {@code rules:} files. */
    public static Reform parse(String sourceName, String yaml, Path baseDir, boolean allowRules) {
        throw new InvalidInputException(sourceName, "cannot be parsed yet", "NssfReforms is a skeleton");
    }
}
