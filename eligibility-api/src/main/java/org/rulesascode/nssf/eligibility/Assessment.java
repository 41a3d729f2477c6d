package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The engine's answer to an {@link AssessmentRequest}. Immutable.
 *
 * @param profileId      the profile's id
 * @param asOf           the as-of date of the request
 * @param ruleSetVersion a hash of the rules and parameters that made this assessment
 * @param decisions      decisions, sorted by scheme then benefit
 * @param contributions  contribution lines for the months of the history up to the as-of date, sorted by month then scheme
 * @param compliance     breaches of the law found in the history up to the as-of date; never null
 * @param ignoredEvents  the profile's life events dated after the as-of date, in the profile's order: no decision
 *                       answers them (facts after the as-of date are ignored); never null
 */
public record Assessment(String profileId, LocalDate asOf, String ruleSetVersion, List<Decision> decisions,
                         List<ContributionLine> contributions, List<ComplianceFinding> compliance,
                         List<LifeEvent> ignoredEvents) {
    public Assessment {
        decisions = List.copyOf(decisions);
        contributions = contributions instanceof ContributionLines ? contributions : List.copyOf(contributions); // immutable already
        compliance = compliance == null ? List.of() : List.copyOf(compliance);
        ignoredEvents = ignoredEvents == null ? List.of() : List.copyOf(ignoredEvents);
    }

    /** An assessment that ignored no life event. */
    public Assessment(String profileId, LocalDate asOf, String ruleSetVersion, List<Decision> decisions,
                      List<ContributionLine> contributions, List<ComplianceFinding> compliance) {
        this(profileId, asOf, ruleSetVersion, decisions, contributions, compliance, List.of());
    }

    /** An assessment without compliance findings. */
    public Assessment(String profileId, LocalDate asOf, String ruleSetVersion, List<Decision> decisions,
                      List<ContributionLine> contributions) {
        this(profileId, asOf, ruleSetVersion, decisions, contributions, List.of());
    }

    /**
     * @param month a contribution month
     * @return the contribution lines of {@code month}, one per scheme, sorted by scheme; empty when the history
     *         has no line for it (a month not declared, or after the as-of date)
     */
    public List<ContributionLine> contributionsFor(YearMonth month) {
        return contributions.stream().filter(l -> l.month().equals(month)).toList();
    }

    /** @return the decisions about {@code scheme} */
    public List<Decision> decisionsFor(Scheme scheme) {
        return decisions.stream().filter(d -> d.scheme() == scheme).toList();
    }

    /** @return the coverage decision for {@code scheme}, or null if the scheme was not asked for */
    public Decision coverage(Scheme scheme) {
        return decisions.stream().filter(d -> d.scheme() == scheme && d.benefit() == Benefit.COVERAGE).findFirst().orElse(null);
    }

    /** @return this assessment as {@link Detail#OUTCOMES} returns it: decisions without reasons and steps, no compliance findings (the contribution lines and the ignored events are kept) */
    public Assessment outcomesOnly() {
        return new Assessment(profileId, asOf, ruleSetVersion, decisions.stream().map(Decision::outcomesOnly).toList(), contributions, List.of(),
                ignoredEvents);
    }

    /** @return this assessment as {@link Detail#DECISIONS} returns it: the same decisions and lines, no compliance findings */
    public Assessment withoutCompliance() {
        return compliance.isEmpty() ? this : new Assessment(profileId, asOf, ruleSetVersion, decisions, contributions, List.of(), ignoredEvents);
    }
}
