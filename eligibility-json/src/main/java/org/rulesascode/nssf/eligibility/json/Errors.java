package org.rulesascode.nssf.eligibility.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/** Turns Jackson's exceptions into {@link InvalidInputException}s with a JSON path, in plain words. */
final class Errors {
    private Errors() { }

    /** Event classes by their "type" name, as the mix-in declares them. */
    static final Map<String, Class<?>> EVENTS = Arrays.stream(Mapping.LifeEventMixin.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value, (a, b) -> a, LinkedHashMap::new));
    static final String EVENT_TYPES = "one of " + String.join(", ", EVENTS.keySet());

    /**
     * @param e    what Jackson threw
     * @param tree gives the input as a tree (or null): an unknown field in it is reported first, since Jackson
     *             reports unknown fields only after the record was built, and a misspelt required field makes that fail
     */
    static InvalidInputException translate(JacksonException e, Supplier<JsonNode> tree) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "$";
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamConstraintsException sce) return limit(sce, path);
        }
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamReadException sre && !(t instanceof InputCoercionException)) return syntax(sre);
        }
        JsonNode root = tree.get();
        InvalidInputException unknown = unknownField(root, WorkerProfile.class, "$");
        if (unknown != null) return unknown;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InvalidInputException iie) return at(path, iie);
            if (t instanceof InputCoercionException ice) {
                return new InvalidInputException(path, "is out of range (" + text(ice.getProcessor()) + ")", allowed(ice.getTargetType()) + " in range");
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new InvalidInputException(path, "is not a known field", "the fields " + String.join(", ", fields(u.getReferringClass()).keySet()));
        }
        JsonNode at = e instanceof InvalidTypeIdException t && t.getTypeId() == null ? locate(root, t.getPath()) : null;
        if (at != null && !at.isObject()) {
            return new InvalidInputException(path, "is " + (at.isArray() ? "an array" : at.isTextual() ? "the string " + at : at.isNumber() ? "the number " + at : at),
                    allowed(LifeEvent.class));
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

    /** The node at {@code path} in {@code root}, or null. */
    private static JsonNode locate(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode n = root;
        for (JsonMappingException.Reference r : path) {
            if (n == null) return null;
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        }
        return n;
    }

    /** The first field in {@code node} (in document order) that {@code type} does not have, or null. */
    static InvalidInputException unknownField(JsonNode node, Type type, String path) {
        if (node == null) return null;
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c && Collection.class.isAssignableFrom(c)) {
            for (int i = 0; i < node.size() && node.isArray(); i++) {
                InvalidInputException e = unknownField(node.get(i), pt.getActualTypeArguments()[0], path + "[" + i + "]");
                if (e != null) return e;
            }
            return null;
        }
        Class<?> raw = type == LifeEvent.class ? EVENTS.get(node.path("type").asText()) : type instanceof Class<?> c ? c : null;
        if (raw == null || !raw.isRecord() || !node.isObject()) return null;
        Map<String, Type> known = fields(raw);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!known.containsKey(f.getKey())) {
                return new InvalidInputException(path + "." + f.getKey(), "is not a known field", "the fields " + String.join(", ", known.keySet()));
            }
            InvalidInputException e = unknownField(f.getValue(), known.get(f.getKey()), path + "." + f.getKey());
            if (e != null) return e;
        }
        return null;
    }

    /** The JSON fields of a record type, with their types: its components (and "type" for an event). */
    private static Map<String, Type> fields(Class<?> type) {
        Map<String, Type> fields = new LinkedHashMap<>();
        if (LifeEvent.class.isAssignableFrom(type)) fields.put("type", String.class);
        if (type.isRecord()) for (RecordComponent c : type.getRecordComponents()) fields.put(c.getName(), c.getGenericType());
        return fields;
    }

    /** The record constructor's own field path, below the Jackson path of the record. */
    static InvalidInputException at(String path, InvalidInputException e) {
        String f = e.field();
        String field = f.isEmpty() ? path : path + (f.startsWith("[") ? "" : ".") + f;
        return new InvalidInputException(field, e.problem(), e.allowed());
    }

    /** One of Jackson's own limits ({@link NssfJson#CONSTRAINTS}) tripped: says which, in words, with the limit. */
    static InvalidInputException limit(StreamConstraintsException e, String path) {
        return limit(e, path, "profile", Limits.MAX_PROFILE_BYTES);
    }

    /** The same for a document of another kind ("reform") with its own size limit. */
    static InvalidInputException limit(StreamConstraintsException e, String path, String kind, int maxBytes) {
        String msg = String.valueOf(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        if (msg.contains("Number value length") || msg.contains("Number length")) {
            return new InvalidInputException(path, "has a number longer than " + Limits.MAX_NUMBER_LENGTH + " characters" + where,
                    "numbers of at most " + Limits.MAX_NUMBER_LENGTH + " characters, within the ranges of README 'Limits of input'");
        }
        if (msg.contains("nesting depth") || msg.contains("Nesting depth")) {
            return new InvalidInputException(path, "is nested more than " + Limits.MAX_NESTING + " levels deep" + where,
                    "objects and arrays nested at most " + Limits.MAX_NESTING + " levels deep");
        }
        if (msg.contains("Document length") || msg.contains("document length")) {
            return new InvalidInputException("$", "is longer than " + maxBytes + " bytes", "a " + kind + " of at most " + maxBytes + " bytes");
        }
        if (msg.contains("String value length") || msg.contains("String length")) {
            return new InvalidInputException(path, "has a text longer than " + maxBytes + " characters" + where,
                    "texts within the size of a " + kind);
        }
        if (msg.contains("Name length") || msg.contains("name length")) {
            return new InvalidInputException(path, "has a field name longer than 1000 characters" + where, "the field names of a " + kind);
        }
        return new InvalidInputException(path, "exceeds a limit of the reader: " + Limits.shorten(msg.replaceAll("\\s*\\n.*", ""), 120),
                "a " + kind + " within the limits of README 'Limits of input'");
    }

    private static InvalidInputException syntax(StreamReadException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        if (msg.startsWith("Duplicate field") && e.getProcessor() != null) {
            return new InvalidInputException(path(e.getProcessor().getParsingContext()), "appears twice in the same object", "each field once");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e instanceof JsonEOFException || msg.startsWith("Unexpected end-of-input") ? "the text ends before the JSON is complete"
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
