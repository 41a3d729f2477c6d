package org.rulesascode.nssf.cli.population;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one row into a profile; a mistake becomes an {@link InvalidInputException} with the row's id when known. Thread-safe. */
public final class RowReader {
    private RowReader() { }

    private static final ObjectMapper LENIENT = new ObjectMapper();

    /** A row read: its profile, or why not. */
    public record Read(WorkerProfile profile, RowError error) {
    }

    /** @return the profile of the row, or its error (never both, never neither) */
    public static Read read(Row row) {
        String text = row.text();
        if (text.isBlank()) return new Read(null, new RowError(row.line(), "", "$", "is an empty line", "one worker profile per line"));
        if (text.indexOf('\uFFFD') >= 0) {
            return new Read(null, new RowError(row.line(), "", "$", "contains bytes that are not UTF-8 text", "UTF-8 text"));
        }
        try {
            WorkerProfile p = row.format() == InputFormat.csv ? CsvProfiles.parse(text) : NssfJson.readProfile(text);
            return new Read(p, null);
        } catch (InvalidInputException e) {
            return new Read(null, new RowError(row.line(), idOf(row), e.field(), e.problem(), e.allowed()));
        }
    }

    /** @return the row's id when it can be found (a JSON object with a text "id", or the first CSV field), otherwise empty */
    public static String idOf(Row row) {
        if (row.format() == InputFormat.csv) return CsvProfiles.idOf(row.text());
        try {
            JsonNode n = LENIENT.readTree(row.text());
            JsonNode id = n == null ? null : n.get("id");
            return id != null && id.isTextual() ? id.textValue() : "";
        } catch (Exception e) { // not JSON at all: no id to report
            return "";
        }
    }
}
