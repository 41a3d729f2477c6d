package org.rulesascode.nssf.eligibility.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/** Turns Jackson's exceptions into {@link InvalidInputException}s with a JSON path, in plain words. */
final class Errors {
    private Errors() { }

    static final String EVENT_TYPES = "one of CHILDBIRTH, WORK_INJURY, SICKNESS, DEATH, RETIREMENT_CLAIM";

    static InvalidInputException translate(JacksonException e) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "$";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException iie) return at(path, iie);
            if (t instanceof InputCoercionException ice) {
                return new InvalidInputException(path, "is out of range (" + text(ice.getProcessor()) + ")", allowed(ice.getTargetType()) + " in range");
            }
            if (t instanceof StreamReadException sre) return syntax(sre);
            if (t == t.getCause()) break;
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (LifeEvent.class.isAssignableFrom(u.getReferringClass())) known.add("type");
            u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return new InvalidInputException(path, "is not a known field", "the fields " + String.join(", ", known));
        }
        if (e instanceof InvalidTypeIdException t) {
            return new InvalidInputException(path + ".type", t.getTypeId() == null ? "is missing: every event needs a type"
                    : "is \"" + t.getTypeId() + "\", not a known event type", EVENT_TYPES);
        }
        if (e instanceof InvalidNullException n) return new InvalidInputException(path, "is null", allowed(n.getTargetType()));
        if (e instanceof InvalidFormatException f) {
            Object v = f.getValue();
            String shown = v instanceof String s ? "\"" + shorten(s) + "\"" : String.valueOf(v);
            return new InvalidInputException(path, "is " + shown + (f.getTargetType().isEnum() ? ", not an accepted value" : ""),
                    allowed(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException mi) {
            String msg = String.valueOf(mi.getOriginalMessage());
            if (msg.startsWith("Missing required")) return new InvalidInputException(path, "is missing", allowed(mi.getTargetType()));
            if (msg.startsWith("No content")) return new InvalidInputException("$", "is empty", allowed(WorkerProfile.class));
            Class<?> target = mi.getTargetType();
            return new InvalidInputException(path, mi.getProcessor() instanceof JsonParser p ? describe(p) : "has the wrong type",
                    target == null ? "another value" : allowed(target));
        }
        return new InvalidInputException(path, "is invalid", "");
    }

    /** The record constructor's own field path, below the Jackson path of the record. */
    static InvalidInputException at(String path, InvalidInputException e) {
        String f = e.field();
        String field = f.isEmpty() ? path : path + (f.startsWith("[") ? "" : ".") + f;
        return new InvalidInputException(field, e.problem(), e.allowed());
    }

    private static InvalidInputException syntax(StreamReadException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        if (msg.startsWith("Duplicate field") && e.getProcessor() != null) {
            return new InvalidInputException(path(e.getProcessor().getParsingContext()), "appears twice in the same object", "each field once");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e instanceof JsonEOFException ? "the text ends before the JSON is complete"
                : msg.replaceAll("\\s*\\(?(start marker at )?\\[Source:[^\\]]*\\]\\)?", "").replaceAll("\\s*\\n.*", "");
        return new InvalidInputException("$", "is not valid JSON" + where + ": " + what, "a well-formed JSON object");
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) b.append('.').append(r.getFieldName());
            else if (r.getIndex() >= 0) b.append('[').append(r.getIndex()).append(']');
        }
        return b.toString();
    }

    private static String path(JsonStreamContext c) {
        List<String> parts = new ArrayList<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return "$" + String.join("", parts);
    }

    /** What the current token is, e.g. {@code is the string "12"}. */
    static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) return "is missing";
        return switch (t) {
            case VALUE_STRING -> "is the string \"" + shorten(text(p)) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "is the number " + text(p);
            case VALUE_TRUE, VALUE_FALSE -> "is " + t.asString();
            case VALUE_NULL -> "is null";
            case START_ARRAY, END_ARRAY -> "is an array";
            default -> "is an object";
        };
    }

    /** What a value of {@code type} looks like in JSON. */
    static String allowed(Class<?> type) {
        if (type == null) return "another value";
        if (type.isEnum()) return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        if (type == String.class) return "a string";
        if (Stream.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class, BigInteger.class).anyMatch(type::equals)) return "a whole number";
        if (type == BigDecimal.class || type == double.class || type == Double.class) return "a number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == LocalDate.class) return Mapping.DATE;
        if (type == YearMonth.class) return Mapping.MONTH;
        if (type == Money.class) return "an object {\"amount\": number >= 0, \"currency\": \"KHR\" or \"USD\", \"exchangeRate\": number (USD only)}, or a whole number of riel";
        if (type == LifeEvent.class) return "an event object whose \"type\" is " + EVENT_TYPES;
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (Map.class.isAssignableFrom(type)) return "an object";
        if (type == WorkerProfile.class) return "a JSON object: a worker profile";
        if (type.isRecord()) return "an object with the fields " + Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.joining(", "));
        return "another value";
    }

    private static String text(Object parser) {
        try {
            return parser instanceof JsonParser p ? p.getText() : "?";
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
