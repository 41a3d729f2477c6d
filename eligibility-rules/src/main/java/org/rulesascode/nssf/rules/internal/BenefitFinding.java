package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.TraceStep;

import java.util.List;

/**
 * The amount of a benefit for an event, as a rule computed it, with the calculation steps; or "undetermined" with
 * the reason. Inserted by rule consequences through the calculation classes.
 *
 * @param ruleId       the rule
 * @param subject      the event
 * @param amount       whole riel per period, or null when undetermined
 * @param period       per day, per month or once
 * @param durationDays days paid, or null
 * @param estimate     true when computed from a provisional formula: never the legal amount
 * @param undetermined why the amount is null, or null
 * @param steps        calculation steps in order
 */
public record BenefitFinding(String ruleId, EventFact subject, Long amount, AmountPeriod period, Integer durationDays,
                             boolean estimate, String undetermined, List<TraceStep> steps) {

    public static BenefitFinding amount(RuleContext k, EventFact e, long amount, AmountPeriod period, Integer days, List<TraceStep> steps) {
        return new BenefitFinding(Finding.id(k), e, amount, period, days, false, null, List.copyOf(steps));
    }

    public static BenefitFinding estimate(RuleContext k, EventFact e, long amount, AmountPeriod period, List<TraceStep> steps) {
        return new BenefitFinding(Finding.id(k), e, amount, period, null, true, null, List.copyOf(steps));
    }

    public static BenefitFinding undetermined(RuleContext k, EventFact e, AmountPeriod period, String why) {
        return new BenefitFinding(Finding.id(k), e, null, period, null, false, why, List.of());
    }
}
