package org.rulesascode.nssf.eligibility.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.Reform;

/**
 * Reads {@link Reform}s from YAML files, strictly.
 *
 * <pre>{@code
 * name: "Pension ceiling of 2,000,000 riel from 2027"
 * description: >
 *   Raises the ceiling of the pension contributable wage from 1,200,000 to 2,000,000 KHR on 2027-01-01.
 * illustrative: false            # optional (default false); true marks every value of the reform as illustrative
 * parameters:
 *   pension.contributable_wage.ceiling:
 *     2027-01-01: 2000000        # short form
 *   health_care.maternity.qualifying_months:
 *     2027-01-01: {value: 6, illustrative: true, note: "why"}   # long form
 *   health_care.assumed_wage:    # a scale
 *     2027-01-01:
 *       brackets:
 *         - {upTo: 200000, value: 200000}
 *         - {value: 1200000}
 * rules:                         # optional: structural reform, DRL files relative to this file (trusted code)
 *   - unemployment_benefit.drl
 * }</pre>
 *
 * <p>Values are typed by their YAML form: a whole number gives {@link Long}, a decimal gives {@link BigDecimal},
 * {@code true}/{@code false} give {@link Boolean}, {@code null} ends the value, an unquoted ISO date gives
 * {@link LocalDate}, {@code brackets:} gives a scale. A quoted number is a string and is refused. Whether the value
 * fits the parameter (its id, unit and range) is checked when the reform is applied to an engine
 * ({@code EligibilityEngine.withReform}), which names the same {@code file:line}.
 *
 * <p>Every error is an {@link InvalidInputException} whose {@link InvalidInputException#field() field} is
 * {@code "<file>:<line> <yaml path>"} (e.g. {@code ceiling.yaml:5 parameters.pension.contributable_wage.ceiling.2027-01-01}),
 * whose problem says what is wrong and whose allowed says what would be accepted. Unknown keys, duplicate keys,
 * dates that are not ISO or not strictly increasing within a parameter, and {@code rules:} without trust are errors.
 *
 * <p>DRL files named under {@code rules:} are code that runs with the caller's rights: they are read only when
 * the caller trusts the reform ({@code allowRules}); parameter reforms are data.
 *
 * <p>All methods are static and thread-safe.
 */
public final class NssfReforms {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(Limits.MAX_REFORM_BYTES)
                    .maxNestingDepth(Limits.MAX_NESTING)
                    .maxNumberLength(Limits.MAX_NUMBER_LENGTH)
                    .maxStringLength(Limits.MAX_REFORM_BYTES)
                    .maxNameLength(1_000)
                    .build())
            .build();
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "illustrative", "parameters", "rules");
    private static final String TOP_ALLOWED = "the keys name, description, illustrative, parameters, rules";
    private static final String ENTRY_ALLOWED = "the keys value or brackets, and optionally illustrative, note";
    private static final String VALUE_ALLOWED = "a whole number, a decimal, true or false, null, an ISO date YYYY-MM-DD, "
            + "or {brackets: [...]}, or the long form {value: ..., illustrative: ..., note: ...}";
    private static final String TRUST = "a reform without rules:, or, for a reform from an author you trust, allowRules = true "
            + "(command line: --trust-reform-rules); DRL is code that runs with your rights";

    private NssfReforms() { }

    /** SnakeYAML's own limits, set from {@link Limits}; aliases are few in a reform. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(Limits.MAX_REFORM_BYTES);
        o.setNestingDepthLimit(Limits.MAX_NESTING);
        o.setMaxAliasesForCollections(20);
        o.setAllowRecursiveKeys(false);
        return o;
    }

    /**
     * Reads a parameter-only reform from a UTF-8 file; a {@code rules:} key with files is refused (structural
     * reforms bring code and need trust: {@link #read(Path, boolean)}).
     *
     * @param file the YAML file
     * @return the reform, its changes located at {@code file:line}
     * @throws InvalidInputException naming {@code file:line} and the YAML path of the first mistake
     */
    public static Reform read(Path file) {
        return read(file, false);
    }

    /**
     * Reads a reform from a UTF-8 file.
     *
     * @param file       the YAML file; errors and locations name it as given
     * @param allowRules true to read the DRL files listed under {@code rules:} (relative to the file's folder):
     *                   only for a reform from a trusted author, since DRL is code
     * @return the reform
     * @throws InvalidInputException naming {@code file:line} and the YAML path of the first mistake
     */
    public static Reform read(Path file, boolean allowRules) {
        Objects.requireNonNull(file, "file");
        String text = readText(file, file.toString(), "a readable reform YAML file");
        Path dir = file.toAbsolutePath().getParent();
        return parse(file.toString(), text, dir, allowRules);
    }

    /**
     * Parses reform YAML.
     *
     * @param sourceName names the text in errors and locations, e.g. the file name
     * @param yaml       the YAML text
     * @param baseDir    folder against which {@code rules:} files are resolved; may be null when there are none
     * @param allowRules true to read the DRL files listed under {@code rules:} (trusted authors only)
     * @return the reform
     * @throws InvalidInputException naming {@code sourceName:line} and the YAML path of the first mistake
     */
    public static Reform parse(String sourceName, String yaml, Path baseDir, boolean allowRules) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(yaml, "yaml");
        if (yaml.length() > Limits.MAX_REFORM_BYTES) {
            throw new InvalidInputException(sourceName, "is " + yaml.length() + " characters long, too long",
                    "a reform of at most " + Limits.MAX_REFORM_BYTES + " bytes");
        }
        Node root = tree(sourceName, yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
        return new Reader(sourceName, baseDir, allowRules).reform(root);
    }

    // ------------------------------------------------------------------ tree with line numbers

    /** A YAML node with the line it starts on. */
    private sealed interface Node permits MapNode, ListNode, Scalar {
        int line();
    }

    private record Field(Node value, int keyLine) { }

    private record MapNode(Map<String, Field> fields, int line) implements Node { }

    private record ListNode(List<Node> items, int line) implements Node { }

    /** A scalar: token is its YAML type, value the typed value (Long, BigDecimal, Boolean, String or null). */
    private record Scalar(JsonToken token, Object value, String text, int line) implements Node { }

    private static Node tree(String source, String yaml) {
        try (JsonParser p = YAML.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new InvalidInputException(source + ":1", "is empty", "a YAML mapping with at least the key name");
            Node root = node(source, p, "");
            if (p.nextToken() != null) {
                throw new InvalidInputException(source + ":" + line(p), "has more content after the reform (a second YAML document)",
                        "exactly one YAML document");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = source + ":" + (at == null ? 1 : Math.max(1, at.getLineNr()));
            for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof StreamConstraintsException sce) {
                    InvalidInputException l = Errors.limit(sce, "$", "reform", Limits.MAX_REFORM_BYTES);
                    throw new InvalidInputException(where, l.problem(), l.allowed());
                }
            }
            String msg = String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\n.*", "");
            if (msg.contains("exceeds the limit") || msg.contains("code points")) {
                throw new InvalidInputException(where, "is longer than " + Limits.MAX_REFORM_BYTES + " characters",
                        "a reform of at most " + Limits.MAX_REFORM_BYTES + " bytes");
            }
            if (msg.contains("Nesting Depth") || msg.contains("nesting depth")) {
                throw new InvalidInputException(where, "is nested more than " + Limits.MAX_NESTING + " levels deep",
                        "mappings and lists nested at most " + Limits.MAX_NESTING + " levels deep");
            }
            if (msg.contains("aliases")) {
                throw new InvalidInputException(where, "uses too many YAML aliases", "at most 20 aliases (a reform needs none)");
            }
            throw new InvalidInputException(where, "is not valid YAML: " + Limits.shorten(msg, 200), "well-formed YAML");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    private static Node node(String source, JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p);
        switch (t) {
            case START_OBJECT -> {
                Map<String, Field> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String at = path.isEmpty() ? key : path + "." + key;
                    if (fields.containsKey(key)) {
                        throw new InvalidInputException(source + ":" + keyLine + " " + at, "appears twice (first at line "
                                + fields.get(key).keyLine() + ")", "each key once");
                    }
                    p.nextToken();
                    fields.put(key, new Field(node(source, p, at), keyLine));
                }
                return new MapNode(fields, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(node(source, p, path + "[" + items.size() + "]"));
                return new ListNode(items, line);
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new InvalidInputException(source + ":" + line + " " + path, "is " + shorten(p.getText()) + ", too large",
                            "a whole number within the range of the parameter's unit (README 'Limits of input')");
                }
                return new Scalar(t, p.getLongValue(), p.getText(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal d;
                try {
                    d = p.getDecimalValue();
                } catch (NumberFormatException | JacksonException e) {
                    throw new InvalidInputException(source + ":" + line + " " + path, "is " + shorten(p.getText()) + ", not a finite number", "a decimal such as 0.02");
                }
                return new Scalar(t, d, p.getText(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(t, t == JsonToken.VALUE_TRUE, p.getText(), line);
            }
            case VALUE_NULL -> {
                return new Scalar(t, null, "null", line);
            }
            case VALUE_STRING -> {
                // an empty plain scalar ("key:" with nothing after it) is null in YAML; Jackson gives it as ""
                if (p.getText().isEmpty()) return new Scalar(JsonToken.VALUE_NULL, null, "null", line);
                return new Scalar(t, p.getText(), p.getText(), line);
            }
            default -> throw new InvalidInputException(source + ":" + line + " " + path, "is not a value (" + t + ")", VALUE_ALLOWED);
        }
    }

    // ------------------------------------------------------------------ reform

    private static final class Reader {
        private final String source;
        private final Path baseDir;
        private final boolean allowRules;

        Reader(String source, Path baseDir, boolean allowRules) {
            this.source = source;
            this.baseDir = baseDir;
            this.allowRules = allowRules;
        }

        private InvalidInputException error(int line, String path, String problem, String allowed) {
            return new InvalidInputException(source + ":" + line + (path.isEmpty() ? "" : " " + path), problem, allowed);
        }

        Reform reform(Node root) {
            if (!(root instanceof MapNode top)) {
                throw error(root.line(), "", "is " + describe(root) + ", not a mapping", "a YAML mapping with " + TOP_ALLOWED);
            }
            for (Map.Entry<String, Field> f : top.fields().entrySet()) {
                if (!TOP_KEYS.contains(f.getKey())) {
                    throw error(f.getValue().keyLine(), f.getKey(), "is not a known key", TOP_ALLOWED);
                }
            }
            Field nameField = top.fields().get("name");
            if (nameField == null) throw error(top.line(), "name", "is missing", "a name of 1 to 200 characters, e.g. name: \"Pension ceiling 2,000,000\"");
            String name = text(nameField, "name", "a name of 1 to 200 characters");
            if (name.isBlank() || name.length() > 200) throw error(nameField.value().line(), "name", "is blank or too long", "1 to 200 characters");
            Field descField = top.fields().get("description");
            String description = descField == null || isNull(descField.value()) ? "" : text(descField, "description", "a text");
            boolean illustrative = false;
            Field ill = top.fields().get("illustrative");
            if (ill != null) illustrative = bool(ill.value(), "illustrative");
            List<Reform.Change> changes = new ArrayList<>();
            Field params = top.fields().get("parameters");
            if (params != null && !isNull(params.value())) {
                if (!(params.value() instanceof MapNode pm)) {
                    throw error(params.value().line(), "parameters", "is " + describe(params.value()) + ", not a mapping",
                            "a mapping of parameter ids to mappings of dates to values");
                }
                for (Map.Entry<String, Field> p : pm.fields().entrySet()) {
                    changes.addAll(parameter(p.getKey(), p.getValue(), illustrative));
                    if (changes.size() > Limits.MAX_REFORM_CHANGES) {
                        throw error(p.getValue().keyLine(), "parameters." + p.getKey(), "brings the reform to more than "
                                + Limits.MAX_REFORM_CHANGES + " dated values", "at most " + Limits.MAX_REFORM_CHANGES + " dated values in one reform");
                    }
                }
            }
            List<Reform.RuleFile> ruleFiles = new ArrayList<>();
            Field rules = top.fields().get("rules");
            if (rules != null && !isNull(rules.value())) ruleFiles = rules(rules);
            try {
                return new Reform(name, description, changes, ruleFiles);
            } catch (InvalidInputException e) {
                throw e.field().startsWith(source + ":") ? e : error(top.line(), e.field(), e.problem(), e.allowed());
            }
        }

        private List<Reform.Change> parameter(String id, Field f, boolean illustrative) {
            String path = "parameters." + id;
            if (!id.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) {
                throw error(f.keyLine(), path, "is not a parameter id", "a dotted id of lower-case letters, digits and underscores, "
                        + "such as pension.contributable_wage.ceiling");
            }
            if (!(f.value() instanceof MapNode dates) || dates.fields().isEmpty()) {
                throw error(f.value() instanceof MapNode ? f.keyLine() : f.value().line(), path,
                        f.value() instanceof MapNode ? "has no dated value" : "is " + describe(f.value()) + ", not a mapping of dates to values",
                        "a mapping of ISO dates to values, e.g. 2027-01-01: 2000000");
            }
            List<Reform.Change> out = new ArrayList<>();
            LocalDate previous = null;
            int previousLine = 0;
            for (Map.Entry<String, Field> d : dates.fields().entrySet()) {
                String at = path + "." + d.getKey();
                int line = d.getValue().keyLine();
                LocalDate from;
                try {
                    from = LocalDate.parse(d.getKey());
                } catch (DateTimeParseException e) {
                    throw error(line, at, "'" + shorten(d.getKey()) + "' is not a date", "an ISO date YYYY-MM-DD that exists, e.g. 2027-01-01");
                }
                if (!Limits.inDateRange(from)) {
                    throw error(line, at, "is the date " + from + ", outside the dates accepted",
                            "a date from " + Limits.MIN_DATE + " to " + Limits.MAX_DATE);
                }
                if (previous != null && !from.isAfter(previous)) {
                    throw error(line, at, "is not after the previous date " + previous + " (line " + previousLine + ")",
                            "dates in strictly increasing order within a parameter");
                }
                previous = from;
                previousLine = line;
                out.add(change(id, from, d.getValue().value(), at, line, illustrative));
            }
            return out;
        }

        private Reform.Change change(String id, LocalDate from, Node n, String path, int line, boolean illustrative) {
            Object value;
            boolean ill = illustrative;
            String note = "";
            if (n instanceof MapNode m) {
                for (Map.Entry<String, Field> f : m.fields().entrySet()) {
                    if (!Set.of("value", "brackets", "illustrative", "note").contains(f.getKey())) {
                        throw error(f.getValue().keyLine(), path + "." + f.getKey(), "is not a known key", ENTRY_ALLOWED);
                    }
                }
                Field v = m.fields().get("value");
                Field b = m.fields().get("brackets");
                if (v != null && b != null) throw error(b.keyLine(), path, "has both value and brackets", "one of value or brackets");
                if (v == null && b == null) throw error(line, path, "has neither value nor brackets", ENTRY_ALLOWED);
                value = v != null ? scalar(v.value(), path + ".value") : brackets(b.value(), path + ".brackets");
                Field i = m.fields().get("illustrative");
                if (i != null) ill |= bool(i.value(), path + ".illustrative");
                Field nf = m.fields().get("note");
                if (nf != null && !isNull(nf.value())) note = text(nf, path + ".note", "a text");
            } else {
                value = scalar(n, path);
            }
            try {
                return new Reform.Change(id, from, value, ill, note, source + ":" + line);
            } catch (InvalidInputException e) {
                throw error(line, path, e.problem(), e.allowed());
            }
        }

        private Object scalar(Node n, String path) {
            if (!(n instanceof Scalar s)) {
                throw error(n.line(), path, "is " + describe(n), n instanceof ListNode
                        ? "a single value; write a scale as {brackets: [{upTo: ..., value: ...}, ..., {value: ...}]}" : VALUE_ALLOWED);
            }
            if (s.token() == JsonToken.VALUE_STRING) {
                try {
                    return LocalDate.parse(s.text());
                } catch (DateTimeParseException e) {
                    throw error(s.line(), path, "is the string \"" + shorten(s.text()) + "\"", VALUE_ALLOWED + " (numbers unquoted)");
                }
            }
            return s.value();
        }

        private List<Reform.Bracket> brackets(Node n, String path) {
            if (!(n instanceof ListNode list) || list.items().isEmpty()) {
                throw error(n.line(), path, n instanceof ListNode ? "is empty" : "is " + describe(n) + ", not a list",
                        "a list of brackets [{upTo: whole riel, value: whole riel}, ..., {value: whole riel}] (the last without upTo)");
            }
            List<Reform.Bracket> out = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                String at = path + "[" + i + "]";
                if (!(item instanceof MapNode m)) throw error(item.line(), at, "is " + describe(item) + ", not a bracket", "{upTo: whole riel, value: whole riel}");
                for (Map.Entry<String, Field> f : m.fields().entrySet()) {
                    if (!Set.of("upTo", "value").contains(f.getKey())) throw error(f.getValue().keyLine(), at + "." + f.getKey(), "is not a known key", "upTo, value");
                }
                Field up = m.fields().get("upTo");
                Field v = m.fields().get("value");
                if (v == null) throw error(item.line(), at + ".value", "is missing", "a whole number of riel >= 0");
                Long upTo = up == null || isNull(up.value()) ? null : whole(up.value(), at + ".upTo");
                long value = whole(v.value(), at + ".value");
                try {
                    out.add(new Reform.Bracket(upTo, value));
                } catch (InvalidInputException e) {
                    throw error(item.line(), at + "." + e.field(), e.problem(), e.allowed());
                }
            }
            for (int i = 0; i < out.size(); i++) {
                int line = list.items().get(i).line();
                String at = path + "[" + i + "].upTo";
                boolean last = i == out.size() - 1;
                Long upTo = out.get(i).upTo();
                if (upTo == null && !last) throw error(line, at, "is missing on a bracket that is not the last", "an upTo on every bracket but the last");
                if (upTo != null && last) throw error(line, at, "is " + upTo + " on the last bracket", "no upTo on the last bracket: it takes every wage above the previous one");
                if (i > 0 && upTo != null && upTo <= out.get(i - 1).upTo()) {
                    throw error(line, at, "(" + upTo + ") is not above the previous bracket's (" + out.get(i - 1).upTo() + ")",
                            "upper bounds in strictly increasing order");
                }
            }
            return out;
        }

        private long whole(Node n, String path) {
            if (n instanceof Scalar s && s.value() instanceof Long l) return l;
            throw error(n.line(), path, "is " + describe(n), "a whole number of riel");
        }

        private List<Reform.RuleFile> rules(Field rules) {
            if (!(rules.value() instanceof ListNode list)) {
                throw error(rules.value().line(), "rules", "is " + describe(rules.value()) + ", not a list", "a list of DRL file paths relative to the reform file");
            }
            if (list.items().isEmpty()) return List.of();
            if (!allowRules) {
                throw error(rules.keyLine(), "rules", "lists DRL files: a structural reform brings code, and rule files were not trusted", TRUST);
            }
            List<Reform.RuleFile> out = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                String at = "rules[" + i + "]";
                if (!(item instanceof Scalar s) || s.token() != JsonToken.VALUE_STRING || s.text().isBlank()) {
                    throw error(item.line(), at, "is " + describe(item), "the path of a .drl file relative to the reform file");
                }
                String name = s.text();
                if (!name.endsWith(".drl")) throw error(item.line(), at, "(" + name + ") is not a .drl file", "a path ending in .drl");
                if (baseDir == null) throw error(item.line(), at, "cannot be read: no folder to read it from", "a reform read from a file");
                Path file;
                try {
                    file = baseDir.resolve(name).normalize();
                } catch (InvalidPathException e) {
                    throw error(item.line(), at, "(" + name + ") is not a valid path", "a path relative to the reform file");
                }
                String drl;
                try {
                    drl = readText(file, name, "a readable DRL file relative to the reform file");
                } catch (InvalidInputException e) {
                    throw error(item.line(), at, e.problem(), e.allowed());
                }
                try {
                    out.add(new Reform.RuleFile(name, drl));
                } catch (InvalidInputException e) {
                    throw error(item.line(), at, e.problem(), e.allowed());
                }
            }
            return out;
        }

        private String text(Field f, String path, String allowed) {
            if (f.value() instanceof Scalar s && s.token() == JsonToken.VALUE_STRING) return s.text();
            throw error(f.value().line(), path, "is " + describe(f.value()), allowed + " (quote it if it looks like a number)");
        }

        private boolean bool(Node n, String path) {
            if (n instanceof Scalar s && s.value() instanceof Boolean b) return b;
            throw error(n.line(), path, "is " + describe(n), "true or false");
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof Scalar s && s.token() == JsonToken.VALUE_NULL;
    }

    private static String describe(Node n) {
        if (n instanceof MapNode) return "a mapping";
        if (n instanceof ListNode) return "a list";
        Scalar s = (Scalar) n;
        return switch (s.token()) {
            case VALUE_STRING -> "the string \"" + shorten(s.text()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + s.text();
            case VALUE_TRUE, VALUE_FALSE -> s.text();
            case VALUE_NULL -> "null";
            default -> s.text();
        };
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String readText(Path file, String shown, String allowed) {
        String text = NssfJson.readText(file, Limits.MAX_REFORM_BYTES, shown, "cannot be read: ", allowed);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
