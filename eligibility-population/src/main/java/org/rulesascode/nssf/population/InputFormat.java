package org.rulesascode.nssf.population;

import java.nio.file.Path;
import java.util.Locale;

/** The formats of a population file. */
public enum InputFormat {
    /** JSON Lines: one worker profile (the JSON of {@code nssf schema}) per line. */
    jsonl,
    /** Flat CSV with a header: one history period per row, no events (columns: {@link Population#CSV_HEADER}). */
    csv;

    /** @return {@code csv} for a file name ending in {@code .csv} (any case), otherwise {@code jsonl} */
    public static InputFormat of(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? csv : jsonl;
    }
}
