package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.ComplianceIssue;
import org.rulesascode.nssf.eligibility.CriterionStatus;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a compliance rule found about a run of months: a breach, or a check that could not be made. Inserted by the
 * consequences of rules/compliance/*.drl; {@link ComplianceCheck} merges the notes of one rule into one
 * {@link org.rulesascode.nssf.eligibility.ComplianceFinding}. Immutable.
 *
 * @param ruleId       the rule
 * @param issue        what kind of breach
 * @param status       MET when the breach is found; UNKNOWN when the profile lacks what the check needs (the finding
 *                     then says so, with no amount)
 * @param subject      the run of months judged: a {@link SpanFact} or an {@link EmploymentGapFact}
 * @param from         the first month concerned
 * @param to           the last month concerned (for unpaid contributions, the last month overdue on the as-of date)
 * @param contribution for an unpaid month, the contribution that was due (its scheme is its rule's); otherwise null
 * @param minimumUsd   for the minimum wage, the sector minimum in US dollars in force for the months; otherwise null
 * @param rate         for the minimum wage, the riel-per-dollar rate used; otherwise null
 * @param minimumRiel  for the minimum wage, the minimum in whole riel; otherwise null
 * @param rateOrigin   for the minimum wage, where the rate comes from ("declared wage", "profile wage"); otherwise null
 */
public record ComplianceNote(String ruleId, ComplianceIssue issue, CriterionStatus status, Subject subject, YearMonth from, YearMonth to, ContributionFinding contribution,
                             BigDecimal minimumUsd, BigDecimal rate, Long minimumRiel, String rateOrigin) {

    /** The declared wage of the span is below the sector minimum wage converted at the span's rate. */
    public static ComplianceNote wageBelowMinimum(RuleContext k, ComplianceFact c, SpanFact s) {
        return new ComplianceNote(Finding.id(k), ComplianceIssue.WAGE_BELOW_MINIMUM, CriterionStatus.MET, s, s.getFrom(), s.getTo(), null,
                s.getParams().num(ComplianceFact.MINIMUM_WAGE), c.rateFor(s), c.minimumRiel(s), c.rateOrigin(s));
    }

    /** The sector has a minimum wage for the span's months, but no exchange rate is known to convert it. */
    public static ComplianceNote minimumNotChecked(RuleContext k, SpanFact s) {
        return new ComplianceNote(Finding.id(k), ComplianceIssue.WAGE_BELOW_MINIMUM, CriterionStatus.UNKNOWN, s, s.getFrom(), s.getTo(), null,
                s.getParams().num(ComplianceFact.MINIMUM_WAGE), null, null, null);
    }

    /** A contribution was due for the span's months and not paid: the months up to the last one overdue on the as-of date. */
    public static ComplianceNote unpaid(RuleContext k, ComplianceFact c, SpanFact s, ContributionFinding due) {
        return new ComplianceNote(Finding.id(k), ComplianceIssue.UNPAID_CONTRIBUTIONS, CriterionStatus.MET, s, s.getFrom(), c.lastOverdue(s), due, null, null, null, null);
    }

    /**
     * Months of employment not declared although the employer had to register the worker ({@code registration} MET),
     * or may have had to ({@code registration} UNKNOWN).
     */
    public static ComplianceNote unregistered(RuleContext k, EmploymentGapFact g, Finding registration) {
        return new ComplianceNote(Finding.id(k), ComplianceIssue.LATE_REGISTRATION, registration.getStatus(), g, g.getFrom(), g.getTo(), null, null, null, null, null);
    }

}
