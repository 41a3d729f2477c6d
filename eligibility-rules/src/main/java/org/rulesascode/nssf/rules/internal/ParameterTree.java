package org.rulesascode.nssf.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ParameterUse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every parameter of the rule base by id ({@code parameters/**.yaml}). Immutable; loading fails fast. */
public final class ParameterTree {
    static final Set<String> UNITS = Set.of("KHR", "USD", "rate", "month", "day", "year", "count", "week", "date", "boolean", "scale");
    private static final Set<String> ENTRY_KEYS = Set.of("value", "brackets", "source", "confidence", "note", "citation_after_date_reason");
    private final Map<String, Parameter> byId;
    private final Map<Parameter.Entry, ParameterUse> uses = new IdentityHashMap<>();

    public ParameterTree(Map<String, Parameter> byId) {
        this.byId = Collections.unmodifiableMap(new TreeMap<>(byId));
        for (Parameter p : this.byId.values()) for (Parameter.Entry e : p.entries()) uses.put(e, p.use(e));
    }

    /** @return the explanation record of an entry of one of this tree's parameters (built once, shared) */
    public ParameterUse use(Parameter.Entry e) {
        ParameterUse u = uses.get(e);
        if (u == null) throw new IllegalArgumentException("entry not in this tree: " + e);
        return u;
    }

    public static ParameterTree load(LegalCatalogue catalogue) {
        return parse(ResourceFiles.read("parameters", ".yaml"), catalogue);
    }

    public static ParameterTree parse(Map<String, String> files, LegalCatalogue catalogue) {
        Map<String, Parameter> out = new TreeMap<>();
        files.forEach((path, text) -> {
            String id = path.replaceFirst("\\.yaml$", "").replace('/', '.');
            out.put(id, parseOne(id, "parameters/" + path, text, catalogue));
        });
        return new ParameterTree(out);
    }

    static Parameter parseOne(String id, String file, String text, LegalCatalogue catalogue) {
        JsonNode n = Yaml.tree(file, text);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("description", "unit", "values").contains(k)) {
                throw new RuleBaseException(file, k, "unknown key (allowed: description, unit, values)");
            }
        }
        String description = Yaml.text(file, n, "description", true);
        String unit = Yaml.text(file, n, "unit", true);
        if (!UNITS.contains(unit)) throw new RuleBaseException(file, "unit", "'" + unit + "' is not one of " + new TreeSet<>(UNITS));
        JsonNode values = n.get("values");
        if (values == null || !values.isObject()) throw new RuleBaseException(file, "values", "is missing or not a mapping of dates");
        List<Parameter.Entry> entries = new ArrayList<>();
        LocalDate previous = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = "values." + f.getKey();
            LocalDate from;
            try {
                from = LocalDate.parse(f.getKey());
            } catch (DateTimeParseException e) {
                throw new RuleBaseException(file, key, "is not an ISO date YYYY-MM-DD");
            }
            if (previous != null && !from.isAfter(previous)) {
                throw new RuleBaseException(file, key, "is not after the previous date " + previous + " (dates must increase)");
            }
            previous = from;
            entries.add(parseEntry(file, key, from, unit, f.getValue(), catalogue));
        }
        return new Parameter(id, description, unit, entries);
    }

    private static Parameter.Entry parseEntry(String file, String key, LocalDate from, String unit, JsonNode e, LegalCatalogue catalogue) {
        if (!e.isObject()) throw new RuleBaseException(file, key, "must be a mapping with value, source, confidence, note");
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ENTRY_KEYS.contains(k)) throw new RuleBaseException(file, key + "." + k, "unknown key (allowed: " + new TreeSet<>(ENTRY_KEYS) + ")");
        }
        JsonNode src = e.get("source");
        if (src == null || !src.isObject()) throw new RuleBaseException(file, key + ".source", "is missing (every value needs {instrument, article})");
        String instrument = Yaml.text(file, src, "instrument", true);
        String article = Yaml.text(file, src, "article", false);
        Citation citation = catalogue.cite(instrument, article, file + " [" + key + ".source]");
        String conf = Yaml.text(file, e, "confidence", true);
        Confidence confidence;
        try {
            confidence = Confidence.valueOf(conf.toUpperCase(Locale.ROOT));
            if (confidence == Confidence.REFORM) throw new IllegalArgumentException("only reforms set reform values");
        } catch (IllegalArgumentException ex) {
            throw new RuleBaseException(file, key + ".confidence", "'" + conf + "' is not one of confirmed, secondary, provisional");
        }
        String note = Yaml.text(file, e, "note", false);
        String afterDate = Yaml.text(file, e, "citation_after_date_reason", false);
        Object value = "scale".equals(unit) ? scale(file, key, e) : value(file, key + ".value", unit, e);
        return new Parameter.Entry(from, value, citation, confidence, note, afterDate);
    }

    private static Object value(String file, String key, String unit, JsonNode e) {
        if (!e.has("value")) throw new RuleBaseException(file, key, "is missing (write null to end the parameter)");
        JsonNode v = e.get("value");
        if (v.isNull()) return null;
        switch (unit) {
            case "boolean":
                if (!v.isBoolean()) throw new RuleBaseException(file, key, "must be true or false for unit boolean");
                return v.booleanValue();
            case "date":
                try {
                    return LocalDate.parse(v.asText());
                } catch (DateTimeParseException ex) {
                    throw new RuleBaseException(file, key, "must be an ISO date for unit date");
                }
            default:
                if (!v.isNumber()) throw new RuleBaseException(file, key, "must be a number for unit " + unit);
                BigDecimal d = v.decimalValue();
                if (d.signum() < 0) throw new RuleBaseException(file, key, "must not be negative");
                if ("rate".equals(unit) && d.compareTo(BigDecimal.ONE) > 0) {
                    throw new RuleBaseException(file, key, "is " + d.toPlainString() + ": a rate is a fraction (0.008 for 0.8 %), at most 1");
                }
                if (!"rate".equals(unit) && !"USD".equals(unit) && d.stripTrailingZeros().scale() > 0) {
                    throw new RuleBaseException(file, key, "must be a whole number for unit " + unit);
                }
                return d;
        }
    }

    private static Scale scale(String file, String key, JsonNode e) {
        JsonNode b = e.get("brackets");
        if (b == null || !b.isArray() || b.isEmpty()) throw new RuleBaseException(file, key + ".brackets", "is missing or empty (unit scale)");
        List<Scale.Bracket> out = new ArrayList<>();
        Long last = null;
        for (int i = 0; i < b.size(); i++) {
            JsonNode r = b.get(i);
            String rk = key + ".brackets[" + i + "]";
            JsonNode value = r.get("value");
            if (value == null || !value.canConvertToExactIntegral() || value.asLong() < 0) {
                throw new RuleBaseException(file, rk + ".value", "must be a whole number >= 0");
            }
            JsonNode upTo = r.get("upTo");
            boolean open = upTo == null || upTo.isNull();
            if (open != (i == b.size() - 1)) {
                throw new RuleBaseException(file, rk + ".upTo", open ? "missing: only the last bracket is open" : "the last bracket must have no upTo");
            }
            Long bound = open ? null : upTo.asLong();
            if (bound != null && last != null && bound <= last) {
                throw new RuleBaseException(file, rk + ".upTo", "(" + bound + ") must be above the previous bracket's (" + last + ")");
            }
            last = bound;
            out.add(new Scale.Bracket(bound, value.asLong()));
        }
        return new Scale(out);
    }

    /** @return the parameter, or throws naming the id */
    public Parameter get(String id) {
        Parameter p = byId.get(id);
        if (p == null) throw new RuleBaseException("parameters/" + id.replace('.', '/') + ".yaml", null, "parameter '" + id + "' does not exist");
        return p;
    }

    public boolean contains(String id) { return byId.containsKey(id); }

    public Map<String, Parameter> all() { return byId; }

    /** @return every date on which some parameter changes */
    public Set<LocalDate> changeDates() {
        Set<LocalDate> out = new TreeSet<>();
        for (Parameter p : byId.values()) for (Parameter.Entry e : p.entries()) out.add(e.from());
        return out;
    }
}
