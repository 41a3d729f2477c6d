package org.rulesascode.nssf.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A what-if: a named set of dated parameter overrides (data), optionally with extra or replacement DRL files
 * (code: trusted users only, it runs with the caller's rights). Apply one with
 * {@link EligibilityEngine#withReform(Reform)}; read one from YAML with {@code NssfReforms.read} (eligibility-json).
 *
 * <p>The record checks its own shape (names, dates in order, value types, brackets in order); whether a parameter
 * id exists and whether a value fits the parameter's unit is checked by the engine when the reform is applied.
 * Every check throws {@link InvalidInputException}; a change's field names its {@link Change#location() location}
 * when it has one.
 *
 * <pre>{@code
 * Reform r = new Reform("Ceiling 2,000,000", "", List.of(new Reform.Change("pension.contributable_wage.ceiling",
 *         LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "")), List.of());
 * EligibilityEngine reformed = EligibilityEngine.standard().withReform(r);
 * }</pre>
 *
 * @param name        a short name (1 to 200 characters), shown as the source of every value the reform sets
 * @param description what it changes and why; empty when not given
 * @param changes     the overrides (at most {@value Limits#MAX_REFORM_CHANGES}, dated from 1900-01-01 to 2100-12-31); for
 *                    one parameter their dates must be strictly increasing in list order
 * @param ruleFiles   extra or replacement DRL; empty for a parameter-only reform; names must be distinct
 */
public record Reform(String name, String description, List<Change> changes, List<RuleFile> ruleFiles) {

    private static final Reform NONE = new Reform("none", "No reform: the standard rules and parameters.", List.of(), List.of());

    /**
     * From {@code from} on, parameter {@code parameterId} takes {@code value}, until the next change of the same
     * parameter in this reform or, if none, forever (values of the standard tree after {@code from} are replaced).
     *
     * <p>Value types by unit: {@link Long} for KHR, month, day, week, year and count; {@link BigDecimal} for rates
     * (a fraction: 0.02 for 2%) and USD; {@link Boolean} for flags (a benefit in force or not); {@link LocalDate}
     * for dates; a non-empty {@code List<}{@link Bracket}{@code >} for scales; {@code null} ends the value from
     * {@code from} on. {@link Integer} is accepted and widened to {@link Long}.
     *
     * @param parameterId  dotted id of the parameter, e.g. {@code pension.contributable_wage.ceiling}
     * @param from         first day of the new value
     * @param value        the value (see above), or null
     * @param illustrative true when the value is an assumption for illustration, not a proposal's figure: every
     *                     decision that uses it then says provisional
     * @param note         why, or where the figure comes from; empty when not given
     * @param location     where the change was written, {@code file:line}; empty for a reform built in code
     */
    public record Change(String parameterId, LocalDate from, Object value, boolean illustrative, String note, String location) {
        public Change {
            location = location == null ? "" : location;
            note = note == null ? "" : note;
            String at = location.isEmpty() ? "change" : location;
            if (parameterId == null || parameterId.isBlank()) {
                throw new InvalidInputException(at + " parameterId", "is missing", "a dotted parameter id such as pension.contributable_wage.ceiling");
            }
            if (!parameterId.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) {
                throw new InvalidInputException(at + " " + parameterId, "is not a parameter id",
                        "a dotted id of lower-case letters, digits and underscores, such as pension.contributable_wage.ceiling");
            }
            if (from == null) throw new InvalidInputException(at + " " + parameterId, "has no date", "an ISO date YYYY-MM-DD");
            if (!Limits.inDateRange(from)) {
                throw new InvalidInputException(at + " " + parameterId, "has the date " + from + ", outside the dates accepted",
                        "a date from " + Limits.MIN_DATE + " to " + Limits.MAX_DATE);
            }
            if (value instanceof LocalDate d && !Limits.inDateRange(d)) {
                throw new InvalidInputException(at + " " + parameterId, "has the value " + d + ", outside the dates accepted",
                        "a date from " + Limits.MIN_DATE + " to " + Limits.MAX_DATE);
            }
            if (value instanceof Integer i) value = i.longValue();
            if (value instanceof List<?> list) {
                value = brackets(list, at + " " + parameterId);
            } else if (value != null && !(value instanceof Long || value instanceof BigDecimal || value instanceof Boolean
                    || value instanceof LocalDate)) {
                throw new InvalidInputException(at + " " + parameterId, "has a value of type " + value.getClass().getSimpleName(),
                        "a whole number, a decimal, true or false, a date, a list of brackets, or null");
            }
        }

        private static List<Bracket> brackets(List<?> list, String field) {
            if (list.isEmpty()) throw new InvalidInputException(field, "is a scale without brackets", "at least one bracket, the last without upTo");
            if (list.size() > Limits.MAX_BRACKETS) {
                throw new InvalidInputException(field, "is a scale of " + list.size() + " brackets, too many", "at most " + Limits.MAX_BRACKETS + " brackets");
            }
            List<Bracket> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Bracket b)) {
                    throw new InvalidInputException(field + " brackets[" + i + "]", "is not a bracket", "Reform.Bracket(upTo, value)");
                }
                boolean last = i == list.size() - 1;
                if (b.upTo() == null && !last) {
                    throw new InvalidInputException(field + " brackets[" + i + "].upTo", "is missing on a bracket that is not the last",
                            "an upper bound on every bracket but the last");
                }
                if (b.upTo() != null && last) {
                    throw new InvalidInputException(field + " brackets[" + i + "].upTo", "is " + b.upTo() + " on the last bracket",
                            "no upTo on the last bracket: it takes every wage above the previous one");
                }
                if (i > 0 && b.upTo() != null && b.upTo() <= out.get(i - 1).upTo()) {
                    throw new InvalidInputException(field + " brackets[" + i + "].upTo", "(" + b.upTo() + ") is not above the previous bracket's ("
                            + out.get(i - 1).upTo() + ")", "upper bounds in strictly increasing order");
                }
                out.add(b);
            }
            return List.copyOf(out);
        }
    }

    /**
     * One bracket of a scale parameter (the assumed-wage tables): wages up to {@code upTo} (inclusive) map to
     * {@code value}; the last bracket has no upper bound.
     *
     * @param upTo  inclusive upper bound in riel (0 to {@value Limits#MAX_RIEL}), or null for the last bracket
     * @param value the value in riel for wages in the bracket (0 to {@value Limits#MAX_RIEL})
     */
    public record Bracket(Long upTo, long value) {
        public Bracket {
            if (upTo != null && (upTo < 0 || upTo > Limits.MAX_RIEL)) {
                throw new InvalidInputException("upTo", upTo < 0 ? "is negative (" + upTo + ")" : "is " + upTo + ", too large",
                        "a whole number of riel from 0 to " + Limits.MAX_RIEL + ", or absent");
            }
            if (value < 0 || value > Limits.MAX_RIEL) {
                throw new InvalidInputException("value", value < 0 ? "is negative (" + value + ")" : "is " + value + ", too large",
                        "a whole number of riel from 0 to " + Limits.MAX_RIEL);
            }
        }
    }

    /**
     * An extra DRL file, or the replacement of a standard one with the same file name. DRL is code: it runs with
     * the caller's rights. Accept rule files only from people you trust.
     *
     * @param name path relative to the reform file, e.g. {@code rules/unemployment_benefit.drl}; its file name
     *             (after the last '/') decides whether it replaces a standard file
     * @param drl  the DRL text
     */
    public record RuleFile(String name, String drl) {
        public RuleFile {
            if (name == null || name.isBlank()) throw new InvalidInputException("rules", "has a file without a name", "a path ending in .drl");
            if (!name.endsWith(".drl")) throw new InvalidInputException("rules " + name, "is not a .drl file", "a path ending in .drl");
            Objects.requireNonNull(drl, "drl");
        }

        /** @return the file name after the last '/' or '\' */
        public String fileName() {
            return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        }
    }

    public Reform {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", name == null ? "is missing" : "is blank or too long", "1 to 200 characters");
        }
        description = description == null ? "" : description;
        if (changes != null && changes.size() > Limits.MAX_REFORM_CHANGES) {
            throw new InvalidInputException("parameters", "has " + changes.size() + " dated values, too many",
                    "at most " + Limits.MAX_REFORM_CHANGES + " dated values in one reform");
        }
        changes = changes == null ? List.of() : List.copyOf(changes);
        ruleFiles = ruleFiles == null ? List.of() : List.copyOf(ruleFiles);
        Map<String, Change> last = new HashMap<>();
        for (Change c : changes) {
            Change prev = last.put(c.parameterId(), c);
            if (prev != null && !c.from().isAfter(prev.from())) {
                throw new InvalidInputException((c.location().isEmpty() ? "change" : c.location()) + " " + c.parameterId(),
                        "has the date " + c.from() + ", not after the previous date " + prev.from()
                                + (prev.location().isEmpty() ? "" : " (" + prev.location() + ")"),
                        "dates in strictly increasing order for each parameter");
            }
        }
        Set<String> names = new HashSet<>();
        for (RuleFile f : ruleFiles) {
            if (!names.add(f.fileName())) {
                throw new InvalidInputException("rules " + f.name(), "names the file " + f.fileName() + " twice", "distinct file names");
            }
        }
    }

    /** @return the empty reform: changes nothing; the reform of every baseline engine */
    public static Reform none() {
        return NONE;
    }

    /** @return true when the reform brings DRL files (code), false for a parameter-only reform (data) */
    public boolean structural() {
        return !ruleFiles.isEmpty();
    }

    /** @return true when the reform changes nothing (no change, no rule file) */
    public boolean isEmpty() {
        return changes.isEmpty() && ruleFiles.isEmpty();
    }
}
