package org.rulesascode.nssf.population.internal;

import java.math.BigDecimal;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.Row;
import org.rulesascode.nssf.population.RowError;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one line of text into a profile and its optional weight; a mistake becomes a {@link RowError} with the row's
 * id when known. A JSON line's top-level {@code "weight"} member is the row's weight: it is checked and removed
 * before the profile is read as strictly as anywhere else (a profile has no such member). Thread-safe.
 */
public final class RowReader {
    private RowReader() { }

    private static final ObjectMapper LENIENT = new ObjectMapper();
    /**
     * Reads a line that may carry a weight: duplicate members and trailing content are errors, decimals exact, and the
     * profile reader's limits (nesting, number length): a line beyond them falls back to the strict reading of the
     * text, which says what is wrong.
     */
    private static final ObjectMapper WEIGHTED = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(Limits.MAX_PROFILE_BYTES).maxNestingDepth(Limits.MAX_NESTING).maxNumberLength(Limits.MAX_NUMBER_LENGTH)
            .maxStringLength(Limits.MAX_PROFILE_BYTES).maxNameLength(1_000).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** @return the profile of the line, or its error (never both, never neither); a CSV line of 14 columns */
    public static Row.Read read(long line, String text, InputFormat format) {
        return read(line, text, format, false);
    }

    /**
     * @param weightColumn a CSV line has the optional 15th column {@code weight}
     * @return the profile of the line and its weight, or its error (never both, never neither)
     */
    public static Row.Read read(long line, String text, InputFormat format, boolean weightColumn) {
        if (text.isBlank()) return new Row.Read(null, new RowError(line, "", "$", "is an empty line", "one worker profile per line"));
        if (text.indexOf('\uFFFD') >= 0) {
            return new Row.Read(null, new RowError(line, "", "$", "contains bytes that are not UTF-8 text", "UTF-8 text"));
        }
        try {
            if (format == InputFormat.csv) {
                CsvProfiles.Parsed p = CsvProfiles.parse(text, weightColumn);
                return new Row.Read(p.profile(), null, p.weight());
            }
            if (text.contains("\"weight\"") && text.length() <= Limits.MAX_PROFILE_BYTES) {
                Row.Read r = weighted(text);
                if (r != null) return r;
            }
            return new Row.Read(NssfJson.readProfile(text), null);
        } catch (InvalidInputException e) {
            return new Row.Read(null, new RowError(line, idOf(text, format), e.field(), e.problem(), e.allowed()));
        }
    }

    /** @return the profile and weight of a JSON object with a top-level "weight", or null to read the text as it is */
    private static Row.Read weighted(String text) {
        JsonNode n;
        try {
            n = WEIGHTED.readTree(text);
        } catch (Exception e) { // not one well-formed object: the strict reading of the text says what is wrong
            return null;
        }
        if (!(n instanceof ObjectNode o) || !o.has("weight")) return null;
        JsonNode w = o.remove("weight");
        if (!w.isNumber()) {
            throw new InvalidInputException("$.weight", "is " + (w.isTextual() ? "the text " + w : w.isNull() ? "null" : "not a number"), Weights.ALLOWED);
        }
        BigDecimal weight = w.decimalValue();
        WorkerProfile p = NssfJson.readProfile(o);
        // shown as written in the line, never expanded (1e-999999999 as plain text would be a billion characters)
        return new Row.Read(p, null, Weights.check(weight, "$.weight", shown(w.asText())));
    }

    private static String shown(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
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
