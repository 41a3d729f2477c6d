package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.Reform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a {@link Reform} to a {@link RuleSet}: validates every change against the parameter tree, merges the
 * overrides into a new tree and timeline, and reuses the compiled rules (a parameter-only reform) or compiles the
 * standard DRL with the reform's files (a structural reform).
 *
 * <p>Merging: for a parameter the reform changes from dates d1 &lt; d2 &lt; …, the standard entries before d1 are
 * kept and every standard entry from d1 on is replaced by the reform's values. Each reform entry's source is
 * {@code Citation("reform", "file:line", reform name)}; its confidence is {@link Confidence#PROVISIONAL} when the
 * change is illustrative, {@link Confidence#REFORM} otherwise.
 */
public final class ReformApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ReformApplier.class);
    /** The instrument id of every reform value's citation. */
    public static final String INSTRUMENT = "reform";

    private ReformApplier() { }

    /**
     * Parameters the calculations divide by or use as a day of the month: a reform may not set them below 1 (0 would
     * divide by zero, or name day 0 of a month). Every other whole-number parameter may be 0.
     */
    static final Map<String, Long> AT_LEAST = Map.of(
            "health_care.daily_allowance.days_divisor", 1L,
            "occupational_risk.benefits.daily_average_wage.days_divisor", 1L,
            "pension.benefits.reference_wage_months", 1L,
            "compliance.payment_due_day", 1L,
            "voluntary_health_care.payment_due_day", 1L);

    /**
     * @param base   the rule set to reform (the baseline)
     * @param reform the reform
     * @return a new rule set; {@code base} is untouched. An empty reform gives {@code base} itself.
     * @throws InvalidInputException naming the change's location and parameter, or the DRL file and line
     */
    public static RuleSet apply(RuleSet base, Reform reform) {
        if (reform.isEmpty()) return base;
        ParameterTree tree = merge(base.parameters(), reform);
        RuleBase rules = reform.structural() ? compile(base, reform, tree) : base.rules();
        String version = RuleBase.version(rules.drl(), Map.of(), Map.of(), base.version() + "\n" + canonical(reform, tree));
        LOG.debug("applied reform '{}': {} changes, {} rule files, version {}", reform.name(), reform.changes().size(),
                reform.ruleFiles().size(), version);
        return new RuleSet(base.catalogue(), tree, new ParamTimeline(tree), rules, base.messages(), version);
    }

    // ------------------------------------------------------------------ parameters

    static ParameterTree merge(ParameterTree tree, Reform reform) {
        Map<String, List<Parameter.Entry>> added = new LinkedHashMap<>();
        for (int i = 0; i < reform.changes().size(); i++) {
            Reform.Change c = reform.changes().get(i);
            String field = field(c, i);
            if (!tree.contains(c.parameterId())) {
                throw new InvalidInputException(field, "names no parameter of the rule base",
                        "a parameter id; the closest are " + String.join(", ", closest(c.parameterId(), tree.all().keySet())));
            }
            Parameter p = tree.get(c.parameterId());
            Object value = convert(p, c.value(), field);
            Citation source = new Citation(INSTRUMENT, c.location(), reform.name());
            String note = "Reform \"" + reform.name() + "\"" + (c.location().isEmpty() ? "" : " (" + c.location() + ")")
                    + (c.note().isEmpty() ? "" : ": " + c.note());
            added.computeIfAbsent(p.id(), k -> new ArrayList<>())
                    .add(new Parameter.Entry(c.from(), value, source, c.illustrative() ? Confidence.PROVISIONAL : Confidence.REFORM, note));
        }
        Map<String, Parameter> out = new TreeMap<>(tree.all());
        added.forEach((id, entries) -> {
            Parameter p = tree.get(id);
            entries.sort(Comparator.comparing(Parameter.Entry::from));
            LocalDate first = entries.get(0).from();
            List<Parameter.Entry> merged = new ArrayList<>();
            for (Parameter.Entry e : p.entries()) if (e.from().isBefore(first)) merged.add(e);
            merged.addAll(entries);
            out.put(id, new Parameter(p.id(), p.description(), p.unit(), merged));
        });
        return new ParameterTree(out);
    }

    private static String field(Reform.Change c, int index) {
        return (c.location().isEmpty() ? "changes[" + index + "]" : c.location()) + " parameters." + c.parameterId() + "." + c.from();
    }

    /** The reform value in the tree's representation for the parameter's unit, or an error naming what is allowed. */
    static Object convert(Parameter p, Object v, String field) {
        if (v == null && AT_LEAST.containsKey(p.id())) {
            throw new InvalidInputException(field, "ends " + p.id() + ", which the calculations need", "a whole number from " + AT_LEAST.get(p.id()));
        }
        if (v == null) return null;
        String unit = p.unit();
        String shown = show(v);
        switch (unit) {
            case "boolean":
                if (v instanceof Boolean b) return b;
                throw wrong(field, p, shown, "true or false (unit boolean), or null");
            case "date":
                if (v instanceof LocalDate d) return d;
                throw wrong(field, p, shown, "an ISO date YYYY-MM-DD (unit date), or null");
            case "scale":
                if (v instanceof List<?> list) return scale(list, field, p);
                throw wrong(field, p, shown, "a scale {brackets: [{upTo: riel, value: riel}, ..., {value: riel}]}, or null");
            case "rate": {
                BigDecimal d = v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal b ? b : null;
                String allowed = "a fraction from 0 to 1 (0.02 for 2 %) with at most " + Limits.MAX_RATE_DECIMALS + " decimal places, or null";
                if (d == null) throw wrong(field, p, shown, allowed);
                // compared before any arithmetic: 1.0e+999999999 or 1.0e-999999999 must cost nothing
                if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
                    throw new InvalidInputException(field, "is " + shown + ": " + p.id() + " is a rate, a fraction of the wage", allowed);
                }
                if (Limits.decimals(d) > Limits.MAX_RATE_DECIMALS) {
                    throw new InvalidInputException(field, "is " + shown + ", with too many decimal places", allowed);
                }
                return d;
            }
            case "USD": {
                BigDecimal d = v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal b ? b : null;
                String allowed = "an amount of US dollars from 0 to " + Limits.MAX_USD.toPlainString() + " with at most "
                        + Limits.MAX_AMOUNT_DECIMALS + " decimal places, or null";
                if (d == null || d.signum() < 0 || d.compareTo(Limits.MAX_USD) > 0 || Limits.decimals(d) > Limits.MAX_AMOUNT_DECIMALS) {
                    throw wrong(field, p, shown, allowed);
                }
                return d;
            }
            default: {
                // KHR, month, day, week, year, count: whole numbers from 0 to the unit's maximum
                long max = Limits.maxWhole(unit);
                if (max < 0) throw new InvalidInputException(field, "names " + p.id() + ", whose unit " + unit + " a reform cannot set", "another parameter");
                long min = AT_LEAST.getOrDefault(p.id(), 0L);
                BigDecimal d = v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal b ? b : null;
                String allowed = ("KHR".equals(unit) ? "a whole number of riel" : "a whole number of " + unit + (unit.endsWith("s") ? "" : "s"))
                        + " from " + min + " to " + max + ", or null";
                // compared before any arithmetic: 1.0e+999999999 must be refused at once
                if (d == null || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0 || Limits.decimals(d) > 0) {
                    throw wrong(field, p, shown, allowed);
                }
                return BigDecimal.valueOf(d.longValue());
            }
        }
    }

    private static InvalidInputException wrong(String field, Parameter p, String shown, String allowed) {
        return new InvalidInputException(field, "is " + shown + ", which does not fit " + p.id() + " (unit " + p.unit() + ")", allowed);
    }

    private static String show(Object v) {
        if (v instanceof BigDecimal d) {
            // never expand a huge exponent: 1.0e+999999999 as plain text is a billion characters
            return d.scale() > -30 && d.scale() < 30 && d.precision() <= 30 ? d.toPlainString() : Limits.shorten(d.toString(), 40);
        }
        if (v instanceof List<?> l) return "a scale of " + l.size() + " brackets";
        if (v instanceof LocalDate d) return "the date " + d;
        return String.valueOf(v);
    }

    private static Scale scale(List<?> list, String field, Parameter p) {
        List<Scale.Bracket> out = new ArrayList<>();
        Long previous = null;
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Reform.Bracket b)) throw wrong(field, p, "a list of " + list.get(i).getClass().getSimpleName(), "Reform.Bracket values");
            boolean last = i == list.size() - 1;
            if ((b.upTo() == null) != last || (previous != null && b.upTo() != null && b.upTo() <= previous)) {
                throw new InvalidInputException(field + ".brackets[" + i + "]", "is out of order",
                        "upper bounds strictly increasing, the last bracket without upTo");
            }
            previous = b.upTo();
            out.add(new Scale.Bracket(b.upTo(), b.value()));
        }
        if (out.isEmpty()) throw new InvalidInputException(field, "is a scale without brackets", "at least one bracket");
        return new Scale(out);
    }

    /** @return up to three ids closest to {@code id}: most dotted segments in common, then smallest edit distance */
    static List<String> closest(String id, java.util.Collection<String> ids) {
        List<String> segs = List.of(id.split("\\."));
        record Scored(String id, int shared, int distance) { }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : ids) {
            int shared = 0;
            for (String s : candidate.split("\\.")) if (segs.contains(s)) shared++;
            scored.add(new Scored(candidate, shared, distance(id, candidate)));
        }
        scored.sort(Comparator.comparingInt((Scored s) -> s.distance() - 4 * s.shared()).thenComparing(Scored::id));
        return scored.stream().limit(3).map(Scored::id).toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------ rules

    /** Compiles the standard DRL with the reform's files added, or replacing the standard file they name. */
    private static RuleBase compile(RuleSet base, Reform reform, ParameterTree tree) {
        Map<String, String> drl = new TreeMap<>(base.rules().drl());
        Map<String, Reform.RuleFile> byKey = new LinkedHashMap<>();
        for (Reform.RuleFile f : reform.ruleFiles()) {
            String name = f.name().replace('\\', '/').replaceFirst("^(\\./)+", "");
            List<String> same = new ArrayList<>();
            for (String k : base.rules().drl().keySet()) if (k.equals(name) || k.endsWith("/" + name)) same.add(k);
            if (same.size() > 1) {
                throw new InvalidInputException("rules " + f.name(), "names " + same.size() + " standard files " + same.stream().map(ReformApplier::shortName).toList(),
                        "a path that names one standard file, e.g. " + shortName(same.get(0)) + ", or a new file name");
            }
            String key = same.isEmpty() ? folder(f.drl()) + f.fileName() : same.get(0);
            if (same.isEmpty() && base.rules().drl().containsKey(key)) {
                throw new InvalidInputException("rules " + f.name(), "declares the package of the standard file " + key + " and has its file name",
                        "the path " + shortName(key) + " to replace that file, or another file name to add one");
            }
            if (byKey.containsKey(key)) {
                throw new InvalidInputException("rules " + f.name(), "replaces " + key + " like " + byKey.get(key).name(), "each file once");
            }
            byKey.put(key, f);
            if (!same.isEmpty()) LOG.debug("reform '{}' replaces {} with {}", reform.name(), key, f.name());
            drl.put(key, f.drl());
        }
        try {
            return RuleBase.build(drl, base.catalogue(), tree);
        } catch (RuleBaseException e) {
            throw translate(e, byKey);
        }
    }

    /** @return a standard DRL file's path below the DRL folder (as reform files name it), e.g. "health_care/coverage.drl" */
    private static String shortName(String key) {
        return key.startsWith(RuleBase.DRL_FOLDER) ? key.substring(RuleBase.DRL_FOLDER.length()) : key;
    }

    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    /** @return the folder of an added DRL file: its package as a path (Drools warns when they differ), e.g. "rules/x/" */
    private static String folder(String drl) {
        java.util.regex.Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static InvalidInputException translate(RuleBaseException e, Map<String, Reform.RuleFile> byKey) {
        if (!e.problems().isEmpty()) {
            RuleBaseException.DrlProblem p = e.problems().stream()
                    .filter(x -> byKey.containsKey(x.file())).findFirst().orElse(e.problems().get(0));
            Reform.RuleFile f = byKey.get(p.file());
            String file = f == null ? p.file() : f.name();
            String more = e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more error(s))" : "";
            return new InvalidInputException(file + ":" + p.line(), "does not compile: " + p.text().strip() + more,
                    "DRL that compiles against the rule base's facts (org.rulesascode.nssf.rules.internal)");
        }
        Reform.RuleFile f = e.ruleFile() == null ? null : byKey.get(e.ruleFile());
        String file = f != null ? f.name() : e.ruleFile() != null ? e.ruleFile() : "rules";
        return new InvalidInputException(file, e.getMessage(),
                "rules with @id, @scheme, @benefit, @cites (instruments of legal-sources/) and @params (parameter ids), "
                        + "and rule ids that no other rule has");
    }

    // ------------------------------------------------------------------ version

    /** The reform as text for the version hash: every change as merged (not its location), and every rule file. */
    private static String canonical(Reform reform, ParameterTree tree) {
        StringBuilder sb = new StringBuilder("reform\u0000").append(reform.name()).append('\u0000').append(reform.description()).append('\u0000');
        for (Reform.Change c : reform.changes()) {
            Object v = convert(tree.get(c.parameterId()), c.value(), c.parameterId());
            sb.append(c.parameterId()).append('|').append(c.from()).append('|').append(text(v)).append('|')
                    .append(c.illustrative()).append('|').append(c.note()).append('\u0000');
        }
        for (Reform.RuleFile f : reform.ruleFiles()) sb.append(f.name()).append('\u0000').append(f.drl()).append('\u0000');
        return sb.toString();
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (v instanceof Scale s) {
            StringBuilder sb = new StringBuilder();
            for (Scale.Bracket b : s.brackets()) sb.append(b.upTo()).append(':').append(b.value()).append(';');
            return sb.toString();
        }
        return String.valueOf(v);
    }
}
