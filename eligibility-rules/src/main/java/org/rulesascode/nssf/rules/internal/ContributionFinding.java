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
 * @param basis        how the base follows from the span's wage (to compute it again for another span)
 */
public record ContributionFinding(String ruleId, SpanFact span, long base, BigDecimal employerRate,
                                  BigDecimal workerRate, Long flatAmount, Basis basis) {

    /** How a contribution's base follows from the declared wage. */
    public sealed interface Basis permits Banded, Clamped, Flat {
        /** @return the base of a month declared at {@code wage} riel */
        long base(long wage);
    }

    /** The assumed wage of the bracket the wage falls in. */
    public record Banded(Scale table) implements Basis {
        @Override public long base(long wage) { return table.apply(wage); }
    }

    /** The wage clamped between a floor and a ceiling. */
    public record Clamped(long floor, long ceiling) implements Basis {
        @Override public long base(long wage) { return Math.min(Math.max(wage, floor), ceiling); }
    }

    /** No base: a flat amount. */
    public record Flat() implements Basis {
        @Override public long base(long wage) { return 0; }
    }

    /** @return the same contribution for another span, its base computed from that span's wage (the memo's replay) */
    ContributionFinding about(SpanFact s) {
        return new ContributionFinding(ruleId, s, basis.base(s.getWage()), employerRate, workerRate, flatAmount, basis);
    }

    /** A contribution on the assumed wage of a bracket table. */
    public static ContributionFinding banded(RuleContext k, SpanFact s, Scale table, BigDecimal employerRate, BigDecimal workerRate) {
        Basis b = new Banded(table);
        return new ContributionFinding(Finding.id(k), s, b.base(s.getWage()), employerRate, workerRate, null, b);
    }

    /** A contribution on the wage clamped between a floor and a ceiling. */
    public static ContributionFinding clamped(RuleContext k, SpanFact s, long floor, long ceiling, BigDecimal employerRate, BigDecimal workerRate) {
        Basis b = new Clamped(floor, ceiling);
        return new ContributionFinding(Finding.id(k), s, b.base(s.getWage()), employerRate, workerRate, null, b);
    }

    /** A flat monthly amount paid by the member. */
    public static ContributionFinding flat(RuleContext k, SpanFact s, long amount) {
        return new ContributionFinding(Finding.id(k), s, 0, null, null, amount, new Flat());
    }
}
