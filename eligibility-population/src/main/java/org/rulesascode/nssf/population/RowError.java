package org.rulesascode.nssf.population;

import org.rulesascode.nssf.population.internal.Csv;

/**
 * Why one input row was rejected.
 *
 * @param line    the line number in the input file (1-based; a CSV header is line 1)
 * @param id      the row's id when it could be read, otherwise empty
 * @param field   the JSON path ({@code $.history[0].to}) or CSV column of the mistake, or {@code $} for the whole row
 * @param problem what is wrong
 * @param allowed what would be accepted; may be empty
 */
public record RowError(long line, String id, String field, String problem, String allowed) implements java.io.Serializable {
    public RowError {
        id = id == null ? "" : id;
        field = field == null || field.isEmpty() ? "$" : field;
        problem = problem == null ? "" : problem;
        allowed = allowed == null ? "" : allowed;
    }

    /** Header of {@code errors.csv}. */
    public static final String CSV_HEADER = "line,id,field,problem,allowed";

    /** @return this error as one CSV record (RFC 4180 quoting), without line break */
    public String toCsv() {
        return line + "," + Csv.quote(id) + "," + Csv.quote(field) + "," + Csv.quote(problem) + "," + Csv.quote(allowed);
    }

    /** @return the field with array indices removed ({@code $.history[3].to} → {@code $.history[].to}), to count errors by kind */
    public String fieldKind() {
        return field.replaceAll("\\[\\d+]", "[]");
    }
}
