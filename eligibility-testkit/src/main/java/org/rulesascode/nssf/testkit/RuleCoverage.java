package org.rulesascode.nssf.testkit;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Reason;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts, per rule, in how many assessments it <em>applied</em> and in how many it was <em>judged but did not
 * apply</em>: the lint "every rule exercised both ways". A rule applied in an assessment when its id is among the
 * reasons of a decision, the rule id of a contribution line or of a compliance finding. Its scheme and benefit were
 * judged when the assessment has a decision of that scheme and benefit (for a coverage or contribution rule: a
 * coverage decision of the scheme); a rule of scheme {@code ALL} (shared criteria, compliance) is judged in every
 * assessment. Works from the public {@link Assessment} only, for any engine whose rules the caller describes.
 * Thread-safe.
 */
public final class RuleCoverage {

    /**
     * A rule as its metadata describes it.
     *
     * @param id      the rule id, as reasons, lines and findings name it
     * @param scheme  a {@link org.rulesascode.nssf.eligibility.Scheme} name, or {@code ALL}
     * @param benefit a {@link org.rulesascode.nssf.eligibility.Benefit} name ({@code COVERAGE} for coverage and contributions)
     */
    public record Rule(String id, String scheme, String benefit) {
        public Rule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(benefit, "benefit");
        }
    }

    /**
     * The counts of one rule.
     *
     * @param rule       the rule
     * @param applied    assessments in which it applied
     * @param notApplied assessments in which its scheme and benefit were judged and it did not apply
     */
    public record Count(Rule rule, int applied, int notApplied) {
        /** @return true when the rule both applied and did not apply at least once */
        public boolean bothWays() {
            return applied > 0 && notApplied > 0;
        }
    }

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private int assessments;

    /** @param rules the rules to count, in the order the table lists them */
    public RuleCoverage(Collection<Rule> rules) {
        for (Rule r : rules) {
            if (this.rules.put(r.id(), r) != null) throw new IllegalArgumentException("rule " + r.id() + " given twice");
            counts.put(r.id(), new int[2]);
        }
    }

    /** Counts one assessment. */
    public synchronized void add(Assessment a) {
        assessments++;
        Set<String> applied = new HashSet<>();
        Set<String> judged = new HashSet<>();
        for (Decision d : a.decisions()) {
            judged.add(d.scheme() + "|" + d.benefit());
            for (Reason r : d.reasons()) applied.add(r.ruleId());
        }
        for (ContributionLine l : a.contributions()) applied.add(l.ruleId());
        for (ComplianceFinding f : a.compliance()) applied.add(f.ruleId());
        for (Rule r : rules.values()) {
            int[] c = counts.get(r.id());
            if (applied.contains(r.id())) c[0]++;
            else if ("ALL".equals(r.scheme()) || judged.contains(r.scheme() + "|" + r.benefit())) c[1]++;
        }
    }

    /** @return the assessments counted */
    public synchronized int assessments() {
        return assessments;
    }

    /** @return the counts, in the order of the rules given */
    public synchronized List<Count> counts() {
        List<Count> out = new ArrayList<>(rules.size());
        for (Rule r : rules.values()) {
            int[] c = counts.get(r.id());
            out.add(new Count(r, c[0], c[1]));
        }
        return out;
    }

    /** @return the counts of the rules that did not apply both ways and are not excused by {@code excused} */
    public List<Count> notBothWays(Predicate<String> excused) {
        return counts().stream().filter(c -> !c.bothWays() && !excused.test(c.rule().id())).toList();
    }

    /** @return a readable table: one line per rule, with its counts and a mark where one of them is zero */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %-22s %-31s %9s %12s%n", "rule", "scheme", "benefit", "applied", "not applied"));
        for (Count c : counts()) {
            sb.append(String.format(Locale.ROOT, "%-12s %-22s %-31s %9d %12d%s%n", c.rule().id(), c.rule().scheme(), c.rule().benefit(),
                    c.applied(), c.notApplied(), c.applied() == 0 ? "  never applied" : c.notApplied() == 0 ? "  never not applied" : ""));
        }
        return sb.toString();
    }
}
