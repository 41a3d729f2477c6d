package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;

/**
 * A contribution the law requires for every month of a {@link SpanFact}: the base it is computed on and the
 * employer's and worker's rates, or a flat amount paid by the member. Inserted by rule consequences.
 *
 * @param ruleId       the rule that found it
 * @param span         the months
 * @param base         contributable wage in riel (0 for a flat amount)
 * @param employerRate employer's rate as a fraction, or null for a flat amount
 * @param workerRate   worker's rate as a fraction, or null for a flat amount
 * @param flatAmount   flat amount paid by the member, or null
 */
public record ContributionFinding(String ruleId, SpanFact span, long base, BigDecimal employerRate,
                                  BigDecimal workerRate, Long flatAmount) {

    /** A contribution on the assumed wage of a bracket table. */
    public static ContributionFinding banded(RuleContext k, SpanFact s, Scale table, BigDecimal employerRate, BigDecimal workerRate) {
        return new ContributionFinding(Finding.id(k), s, table.apply(s.getWage()), employerRate, workerRate, null);
    }

    /** A contribution on the wage clamped between a floor and a ceiling. */
    public static ContributionFinding clamped(RuleContext k, SpanFact s, long floor, long ceiling, BigDecimal employerRate, BigDecimal workerRate) {
        return new ContributionFinding(Finding.id(k), s, Math.min(Math.max(s.getWage(), floor), ceiling), employerRate, workerRate, null);
    }

    /** A flat monthly amount paid by the member. */
    public static ContributionFinding flat(RuleContext k, SpanFact s, long amount) {
        return new ContributionFinding(Finding.id(k), s, 0, null, null, amount);
    }
}
