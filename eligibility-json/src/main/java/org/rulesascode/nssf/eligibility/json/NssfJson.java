package org.rulesascode.nssf.eligibility.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/**
 * JSON for the NSSF eligibility API: strict reading of {@link WorkerProfile}s, writing of any API record
 * (assessments, contribution lines, profiles…), and the JSON Schemas of a profile, an assessment and a reform file.
 *
 * <p>Reading is strict: unknown fields, duplicate keys, wrong types (a string for a number, a decimal for a whole
 * number, a number for a date), impossible dates, unknown enum names (case matters) and content after the profile
 * are errors. Every error is an {@link InvalidInputException} whose {@link InvalidInputException#field() field} is a
 * JSON path such as {@code $.history[1].to}, whose {@link InvalidInputException#problem() problem} says what is
 * wrong and whose {@link InvalidInputException#allowed() allowed} says what would be accepted. Syntax errors have the
 * field {@code $} and name the line and column.
 *
 * <p>Limits ({@link Limits}): a document of at most {@value Limits#MAX_PROFILE_BYTES} bytes (a larger one is refused
 * before it is read), nested at most {@value Limits#MAX_NESTING} levels deep, numbers of at most
 * {@value Limits#MAX_NUMBER_LENGTH} characters; every value within the ranges the API records check (amounts,
 * exchange rates, dates, counts of periods, events and dependants).
 *
 * <p>Writing gives ISO dates ({@code 2025-06-02}), months ({@code 2025-06}), enum names, decimals without exponent,
 * every null, events with their {@code "type"}, map entries and sets in sorted order.
 *
 * <p>Speed: {@link #readProfile(String)} reads a well-formed profile (a line of a population file) with a fast path
 * over Jackson's streaming parser and leaves everything else to the strict data binding, with the same result either
 * way (about 3.5 µs of CPU per population row instead of about 7.5 µs).
 *
 * <p>All methods are static and thread-safe; the Jackson mappers are built once.
 */
public final class NssfJson {
    private static final String SCHEMA_RESOURCE = "worker-profile.schema.json";
    private static final String ASSESSMENT_SCHEMA_RESOURCE = "assessment.schema.json";
    private static final String REFORM_SCHEMA_RESOURCE = "reform.schema.json";

    /** Jackson's own limits, set from {@link Limits}: a document is refused when it trips one, with a clear message. */
    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxDocumentLength(Limits.MAX_PROFILE_BYTES)
            .maxNestingDepth(Limits.MAX_NESTING)
            .maxNumberLength(Limits.MAX_NUMBER_LENGTH)
            .maxStringLength(Limits.MAX_PROFILE_BYTES)
            .maxNameLength(1_000)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
            .addModule(new JavaTimeModule())
            .addModule(Mapping.module())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                    DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS,
                    MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final ObjectReader PROFILE = MAPPER.readerFor(WorkerProfile.class);
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
    private static final String SCHEMA = loadSchema(SCHEMA_RESOURCE);
    private static final String ASSESSMENT_SCHEMA = loadSchema(ASSESSMENT_SCHEMA_RESOURCE);
    private static final String REFORM_SCHEMA = loadSchema(REFORM_SCHEMA_RESOURCE);

    private NssfJson() { }

    /**
     * Reads a profile from a UTF-8 file (a leading byte-order mark is ignored).
     *
     * @param file the JSON file
     * @return the validated profile
     * @throws InvalidInputException naming the JSON path of the first mistake; field {@code $} with problem
     *                               "cannot read FILE: REASON" when the file cannot be read
     */
    public static WorkerProfile readProfile(Path file) {
        String text = readText(file, Limits.MAX_PROFILE_BYTES, "$", "cannot read " + file + ": ", "a readable UTF-8 JSON file");
        return readProfile(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /**
     * Reads a UTF-8 text file of at most {@code maxBytes} bytes, reading no more than that whatever the file (a device
     * such as /dev/zero, a pipe, a huge file): a larger one is refused at once, with the limit in the message.
     * {@code cannot} starts every problem, e.g. "cannot read FILE: ".
     */
    static String readText(Path file, int maxBytes, String field, String cannot, String allowed) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(field, cannot + "no such file", allowed);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(field, cannot + "permission denied", allowed);
        } catch (IOException e) {
            throw new InvalidInputException(field, cannot + (e.getMessage() == null ? "input/output error" : e.getMessage()), allowed);
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(field, cannot + "it is larger than " + maxBytes + " bytes",
                    "a file of at most " + maxBytes + " bytes (" + (maxBytes >> 20) + " MiB)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, cannot + "the file is not UTF-8 text", allowed);
        }
    }

    /**
     * Reads a profile from JSON text: exactly one JSON object, nothing after it but white space.
     *
     * <p>A well-formed profile (such as a line that {@link #writeCompact} wrote) is read by a fast path over Jackson's
     * streaming parser, without data binding; whatever that path is not certain to read exactly as the strict data
     * binding does (an unknown or repeated member, a value of another type, a number out of range, an event whose
     * {@code "type"} is not its first member, any mistake…) is read again by the strict reader. The result is the
     * same either way: the same profile, or the same error with the same JSON path and message.
     *
     * @param json the JSON text
     * @return the validated profile
     * @throws InvalidInputException naming the JSON path of the first mistake
     */
    public static WorkerProfile readProfile(String json) {
        checkLength(json);
        WorkerProfile fast = FastProfileReader.read(json);
        return fast != null ? fast : strict(json);
    }

    /**
     * The strict reader alone (Jackson data binding with the {@link Mapping} deserializers and the {@link Errors}
     * translation): the reference the fast path of {@link #readProfile(String)} is tested against.
     */
    static WorkerProfile readProfileStrict(String json) {
        checkLength(json);
        return strict(json);
    }

    private static void checkLength(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > Limits.MAX_PROFILE_BYTES) {
            throw new InvalidInputException("$", "is " + json.length() + " characters long, too long",
                    "a profile of at most " + Limits.MAX_PROFILE_BYTES + " bytes");
        }
    }

    private static WorkerProfile strict(String json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() == null) throw new InvalidInputException("$", "is empty", Errors.allowed(WorkerProfile.class));
            WorkerProfile profile = checkNotNull(PROFILE.readValue(p));
            if (p.nextToken() != null) {
                throw new InvalidInputException("$", "has more content after the profile, at line " + p.currentTokenLocation().getLineNr()
                        + ", column " + p.currentTokenLocation().getColumnNr(), "exactly one JSON object");
            }
            return profile;
        } catch (JacksonException e) {
            throw Errors.translate(e, () -> {
                try {
                    return MAPPER.readTree(json);
                } catch (JacksonException notJson) {
                    return null;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a profile from a parsed JSON tree (for instance one line of a JSONL file), as strictly as from text.
     *
     * @param node the JSON object
     * @return the validated profile
     * @throws InvalidInputException naming the JSON path of the first mistake
     */
    public static WorkerProfile readProfile(JsonNode node) {
        Objects.requireNonNull(node, "node");
        try {
            return checkNotNull(PROFILE.readValue(node));
        } catch (JacksonException e) {
            throw Errors.translate(e, () -> node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes any API record (an {@code Assessment}, a {@code WorkerProfile}, a list of {@code ContributionLine}s, a
     * map of them…) as indented JSON.
     *
     * @param value the value to write
     * @return the JSON text, ending with a newline
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    public static String write(Object value) {
        return write(PRETTY, value) + "\n";
    }

    /**
     * Writes any API record as JSON on one line, for JSON Lines.
     *
     * @param value the value to write
     * @return the JSON text, without line break
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    public static String writeCompact(Object value) {
        return write(COMPACT, value);
    }

    /**
     * The JSON Schema (draft 2020-12) of a worker profile, as {@link #readProfile(String)} accepts it.
     *
     * @return the schema text
     */
    public static String profileSchema() {
        return SCHEMA;
    }

    /**
     * The JSON Schema (draft 2020-12) of an assessment as {@link #write(Object)} writes it. It refers to the
     * profile schema ({@code $id} {@code urn:rulesascode:nssf:worker-profile:0.1}) for dates, months and life
     * events: give a validator both.
     *
     * @return the schema text
     */
    public static String assessmentSchema() {
        return ASSESSMENT_SCHEMA;
    }

    /**
     * The JSON Schema (draft 2020-12) of a reform file (YAML, read by {@link NssfReforms}): its form only; whether
     * the parameter ids exist and the values fit them is checked when the reform is applied to an engine.
     *
     * @return the schema text
     */
    public static String reformSchema() {
        return REFORM_SCHEMA;
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getSimpleName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static WorkerProfile checkNotNull(WorkerProfile profile) {
        if (profile == null) throw new InvalidInputException("$", "is null", Errors.allowed(WorkerProfile.class));
        return profile;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }

    private static String loadSchema(String resource) {
        try (InputStream in = NssfJson.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
