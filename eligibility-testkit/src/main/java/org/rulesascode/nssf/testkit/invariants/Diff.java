package org.rulesascode.nssf.testkit.invariants;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** Comparisons of assessments that say, shortly, where they differ. */
final class Diff {
    private Diff() { }

    /** @return the contribution lines by "month scheme" */
    static Map<String, ContributionLine> lines(Assessment a) {
        Map<String, ContributionLine> out = new TreeMap<>();
        for (ContributionLine l : a.contributions()) {
            ContributionLine previous = out.put(l.month() + " " + l.scheme(), l);
            if (previous != null) throw new AssertionError("two lines for " + l.month() + " " + l.scheme());
        }
        return out;
    }

    /** @return the benefit decisions (not coverage) by scheme, benefit and event date, in their order */
    static Map<String, List<Decision>> benefits(Assessment a) {
        Map<String, List<Decision>> out = new LinkedHashMap<>();
        for (Decision d : a.decisions()) {
            if (d.benefit() == Benefit.COVERAGE) continue;
            out.computeIfAbsent(key(d.scheme(), d.benefit(), d.eventDate()), k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    static String key(Scheme s, Benefit b, LocalDate date) {
        return s + "|" + b + "|" + date;
    }

    /** @return which keys only one side has */
    static String keys(Set<String> before, Set<String> after) {
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        return "gone " + first(gone) + ", added " + first(added);
    }

    private static String first(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        return l.size() <= 5 ? l.toString() : l.subList(0, 5) + " and " + (l.size() - 5) + " more";
    }

    /** @return where two assessments first differ, shortly, or null when they are equal */
    static String assessments(Assessment a, Assessment b) {
        if (a.equals(b)) return null;
        String d = lists("decision", a.decisions(), b.decisions());
        if (d == null) d = lists("contribution line", a.contributions(), b.contributions());
        if (d == null) d = lists("compliance finding", a.compliance(), b.compliance());
        if (d == null && !a.ignoredEvents().equals(b.ignoredEvents())) d = "the ignored events differ: " + a.ignoredEvents() + " / " + b.ignoredEvents();
        if (d == null) d = "the assessments differ outside their decisions, lines, findings and ignored events (" + a.profileId() + "/" + b.profileId()
                + ", " + a.asOf() + "/" + b.asOf() + ", " + a.ruleSetVersion() + "/" + b.ruleSetVersion() + ")";
        return d;
    }

    /** @return where two lists first differ, shortly, or null when they are equal */
    static String lists(String what, List<?> before, List<?> after) {
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (!before.get(i).equals(after.get(i))) {
                return what + " " + i + " differs:\n    first:  " + shortly(before.get(i)) + "\n    second: " + shortly(after.get(i))
                        + "\n    in:     " + where(before.get(i), after.get(i));
            }
        }
        if (before.size() != after.size()) {
            List<?> longer = before.size() > after.size() ? before : after;
            return before.size() + " " + what + "s first, " + after.size() + " then; first extra: "
                    + shortly(longer.get(Math.min(before.size(), after.size())));
        }
        return null;
    }

    private static String shortly(Object o) {
        if (o instanceof Decision d) return Invariants.show(d) + (d.entitlement() == null ? "" : " " + d.entitlement());
        if (o instanceof ContributionLine l) return Invariants.show(l) + (l.paid() ? "" : ", unpaid") + (l.provisional() ? ", provisional" : "");
        if (o instanceof ComplianceFinding f) return f.issue() + " " + f.ruleId() + " [" + f.months() + "] missing " + f.missingContributions();
        return String.valueOf(o);
    }

    // ------------------------------------------------------------------ reforms

    static boolean uses(Decision d, Set<String> ids) {
        for (Reason r : d.reasons()) for (ParameterUse u : r.parameters()) if (ids.contains(u.id())) return true;
        for (String p : d.provisionalParameters()) if (ids.contains(p)) return true;
        return false;
    }

    static boolean uses(List<ParameterUse> uses, Set<String> ids) {
        for (ParameterUse u : uses) if (ids.contains(u.id())) return true;
        return false;
    }

    /**
     * @return the first decision, line or finding that uses none of {@code ids} in either assessment and still differs
     * between them in substance (see {@link #core}), or in being there at all; null when there is none
     */
    static String outsideReform(Assessment baseline, Assessment reformed, Set<String> ids) {
        // benefits and compliance amounts rest on the contribution record: where the reform touches the lines of a
        // scheme, that scheme's benefit decisions (and the findings' missing contributions) may change with them
        Set<Scheme> linesTouched = java.util.EnumSet.noneOf(Scheme.class);
        for (Assessment a : List.of(baseline, reformed)) {
            for (ContributionLine l : a.contributions()) if (uses(l.parameters(), ids)) linesTouched.add(l.scheme());
        }
        String d = grouped("decision", baseline.decisions(), reformed.decisions(),
                x -> x.scheme() + " " + x.benefit() + " " + (x.eventDate() == null ? "" : x.eventDate()),
                x -> uses(x, ids) || x.benefit() != Benefit.COVERAGE && linesTouched.contains(x.scheme()));
        if (d == null) d = grouped("contribution line", baseline.contributions(), reformed.contributions(),
                x -> x.month() + " " + x.scheme(), x -> uses(x.parameters(), ids));
        if (d == null) d = grouped("compliance finding", baseline.compliance(), reformed.compliance(),
                x -> x.issue() + " " + x.ruleId(), x -> uses(x.parameters(), ids) || !linesTouched.isEmpty() && x.missingContributions() != null);
        return d;
    }

    /** The substance of a reason: which rule judged what, on which parameter values and sources. */
    record ReasonCore(String ruleId, Object status, List<ParameterUse> parameters, List<?> citations) { }

    /** The substance of a decision: outcome, entitlement, provisional flags, event date, and its reasons' substance. */
    record DecisionCore(Object outcome, Object entitlement, boolean provisional, List<String> provisionalParameters, LocalDate eventDate,
                        List<ReasonCore> reasons) { }

    /** The substance of a compliance finding: which months, what is missing, on which parameter values. */
    record FindingCore(Object issue, String ruleId, String months, Long missingContributions, List<ParameterUse> parameters) { }

    /**
     * @return what a reform may not change unless it names a parameter used: everything but the explanation texts
     * (messages, the facts quoted, distances, calculation steps and costs), which may quote facts of the event derived
     * under other parameters; a contribution line is compared whole
     */
    static Object core(Object o) {
        if (o instanceof Decision d) {
            List<ReasonCore> rs = new ArrayList<>();
            for (Reason r : d.reasons()) rs.add(new ReasonCore(r.ruleId(), r.status(), r.parameters(), r.citations()));
            return new DecisionCore(d.outcome(), d.entitlement(), d.provisional(), d.provisionalParameters(), d.eventDate(), rs);
        }
        if (o instanceof ComplianceFinding f) return new FindingCore(f.issue(), f.ruleId(), f.months(), f.missingContributions(), f.parameters());
        return o;
    }

    private static boolean same(Object a, Object b) {
        return core(a).equals(core(b));
    }

    private static <T> String grouped(String what, List<T> baseline, List<T> reformed, Function<T, String> key, Predicate<T> touched) {
        Map<String, List<T>> before = group(baseline, key);
        Map<String, List<T>> after = group(reformed, key);
        Set<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String k : all) {
            List<T> b = before.getOrDefault(k, List.of());
            List<T> a = after.getOrDefault(k, List.of());
            if (b.stream().anyMatch(touched) || a.stream().anyMatch(touched)) {
                if (b.size() != a.size()) continue; // the reform changed how many there are, through a parameter it names
                for (int i = 0; i < b.size(); i++) {
                    T x = b.get(i);
                    T y = a.get(i);
                    if (!same(x, y) && !touched.test(x) && !touched.test(y)) return difference(what, k, x, y);
                }
                continue;
            }
            if (b.size() != a.size()) {
                return what + " " + k + ": " + b.size() + " without the reform, " + a.size() + " with it, and none uses a parameter it changes"
                        + (b.isEmpty() ? "" : "\n    without: " + shortly(b.get(0))) + (a.isEmpty() ? "" : "\n    with:    " + shortly(a.get(0)));
            }
            for (int i = 0; i < b.size(); i++) {
                if (!same(b.get(i), a.get(i))) return difference(what, k, b.get(i), a.get(i));
            }
        }
        return null;
    }

    private static String difference(String what, String key, Object without, Object with) {
        return what + " " + key + " uses none of the parameters the reform changes, yet differs:\n    without: " + shortly(without)
                + "\n    with:    " + shortly(with) + "\n    in:      " + where(core(without), core(with));
    }

    /** @return the first field in which two decisions, lines, findings or reasons differ, with both values */
    static String where(Object a, Object b) {
        if (a instanceof Decision x && b instanceof Decision y) {
            String d = field("outcome", x.outcome(), y.outcome());
            if (d == null) d = field("entitlement", x.entitlement(), y.entitlement());
            if (d == null) d = field("provisional", x.provisional() + " " + x.provisionalParameters(), y.provisional() + " " + y.provisionalParameters());
            if (d == null) d = field("event date", x.eventDate(), y.eventDate());
            if (d == null) d = field("number of reasons", x.reasons().size(), y.reasons().size());
            for (int i = 0; d == null && i < x.reasons().size(); i++) {
                String r = where(x.reasons().get(i), y.reasons().get(i));
                if (r != null) d = "reason " + x.reasons().get(i).ruleId() + ": " + r;
            }
            if (d == null) d = field("steps", x.steps(), y.steps());
            return d == null ? "nothing visible" : d;
        }
        if (a instanceof Reason x && b instanceof Reason y) {
            String d = field("rule", x.ruleId(), y.ruleId());
            if (d == null) d = field("status", x.status(), y.status());
            if (d == null) d = field("message", x.message(), y.message());
            if (d == null) d = field("facts", x.facts(), y.facts());
            if (d == null) d = field("distance", x.distance(), y.distance());
            if (d == null) d = field("parameters", x.parameters(), y.parameters());
            if (d == null) d = field("citations", x.citations(), y.citations());
            return d;
        }
        if (a instanceof ComplianceFinding x && b instanceof ComplianceFinding y) {
            String d = field("months", x.months(), y.months());
            if (d == null) d = field("missing contributions", x.missingContributions(), y.missingContributions());
            if (d == null) d = field("message", x.message(), y.message());
            if (d == null) d = field("costs", x.costs(), y.costs());
            if (d == null) d = field("parameters", x.parameters(), y.parameters());
            return d == null ? "nothing visible" : d;
        }
        if (a instanceof DecisionCore x && b instanceof DecisionCore y) {
            String d = field("outcome", x.outcome(), y.outcome());
            if (d == null) d = field("entitlement", x.entitlement(), y.entitlement());
            if (d == null) d = field("provisional", x.provisional() + " " + x.provisionalParameters(), y.provisional() + " " + y.provisionalParameters());
            if (d == null) d = field("reasons", x.reasons().stream().map(r -> r.ruleId() + "=" + r.status()).toList(),
                    y.reasons().stream().map(r -> r.ruleId() + "=" + r.status()).toList());
            for (int i = 0; d == null && i < x.reasons().size(); i++) {
                ReasonCore p = x.reasons().get(i);
                ReasonCore q = y.reasons().get(i);
                d = field("parameters of " + p.ruleId(), p.parameters(), q.parameters());
                if (d == null) d = field("citations of " + p.ruleId(), p.citations(), q.citations());
            }
            return d == null ? "nothing visible" : d;
        }
        if (a instanceof FindingCore x && b instanceof FindingCore y) {
            String d = field("months", x.months(), y.months());
            if (d == null) d = field("missing contributions", x.missingContributions(), y.missingContributions());
            if (d == null) d = field("parameters", x.parameters(), y.parameters());
            return d == null ? "nothing visible" : d;
        }
        if (a instanceof ContributionLine x && b instanceof ContributionLine y) {
            String d = field("amounts", Invariants.show(x), Invariants.show(y));
            if (d == null) d = field("paid", x.paid(), y.paid());
            if (d == null) d = field("provisional", x.provisional(), y.provisional());
            if (d == null) d = field("parameters", x.parameters(), y.parameters());
            if (d == null) d = field("citations", x.citations(), y.citations());
            return d == null ? "nothing visible" : d;
        }
        return String.valueOf(a) + " / " + b;
    }

    private static String field(String name, Object x, Object y) {
        return java.util.Objects.equals(x, y) ? null : name + ": " + x + "  /  " + y;
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T t : items) out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        return out;
    }
}
