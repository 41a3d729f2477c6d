package org.rulesascode.nssf.population.internal;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.Row;
import org.rulesascode.nssf.population.RowError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one line of text into a profile; a mistake becomes a {@link RowError} with the row's id when known. Thread-safe. */
public final class RowReader {
    private RowReader() { }

    private static final ObjectMapper LENIENT = new ObjectMapper();

    /** @return the profile of the line, or its error (never both, never neither) */
    public static Row.Read read(long line, String text, InputFormat format) {
        if (text.isBlank()) return new Row.Read(null, new RowError(line, "", "$", "is an empty line", "one worker profile per line"));
        if (text.indexOf('\uFFFD') >= 0) {
            return new Row.Read(null, new RowError(line, "", "$", "contains bytes that are not UTF-8 text", "UTF-8 text"));
        }
        try {
            WorkerProfile p = format == InputFormat.csv ? CsvProfiles.parse(text) : NssfJson.readProfile(text);
            return new Row.Read(p, null);
        } catch (InvalidInputException e) {
            return new Row.Read(null, new RowError(line, idOf(text, format), e.field(), e.problem(), e.allowed()));
        }
    }

    /** @return the line's id when it can be found (a JSON object with a text "id", or the first CSV field), otherwise empty */
    public static String idOf(String text, InputFormat format) {
        if (format == InputFormat.csv) return CsvProfiles.idOf(text);
        try {
            JsonNode n = LENIENT.readTree(text);
            JsonNode id = n == null ? null : n.get("id");
            return id != null && id.isTextual() ? id.textValue() : "";
        } catch (Exception e) { // not JSON at all: no id to report
            return "";
        }
    }
}
