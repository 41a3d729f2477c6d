package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;

import java.util.List;

/**
 * The amount of a benefit, as a rule computed it, with the calculation steps; or "undetermined" with the reason.
 * Inserted by rule consequences through the calculation classes. The steps and the reason are {@link Text}s: the
 * Assessor renders them in the request's language.
 *
 * @param ruleId       the rule
 * @param subject      what the benefit is decided on: the event ({@link EventFact}), or the person on the as-of date
 *                     ({@link CoverageFact}) for a decision with no event
 * @param amount       whole riel per period, or null when undetermined
 * @param period       per day, per month or once
 * @param durationDays days paid, or null
 * @param estimate     true when computed from a provisional formula: never the legal amount
 * @param undetermined why the amount is null (an {@code undetermined.*} text), or null
 * @param steps        calculation steps in order ({@code step.*} texts)
 */
public record BenefitFinding(String ruleId, Subject subject, Long amount, AmountPeriod period, Integer durationDays,
                             boolean estimate, Text undetermined, List<Text> steps) {

    public BenefitFinding {
        steps = List.copyOf(steps);
    }

    /** @return the same amount about another subject (the memo's replay: first-phase amounts read no property the key leaves out) */
    BenefitFinding about(Subject s) {
        return new BenefitFinding(ruleId, s, amount, period, durationDays, estimate, undetermined, steps);
    }

    public static BenefitFinding amount(RuleContext k, Subject e, long amount, AmountPeriod period, Integer days, List<Text> steps) {
        return amount(Finding.id(k), e, amount, period, days, steps);
    }

    /** As above, for a calculation given the rule id (the event memo computes amounts again). */
    public static BenefitFinding amount(String rule, Subject e, long amount, AmountPeriod period, Integer days, List<Text> steps) {
        return new BenefitFinding(rule, e, amount, period, days, false, null, steps);
    }

    public static BenefitFinding estimate(RuleContext k, Subject e, long amount, AmountPeriod period, List<Text> steps) {
        return estimate(Finding.id(k), e, amount, period, steps);
    }

    /** As above, for a calculation given the rule id (the event memo computes amounts again). */
    public static BenefitFinding estimate(String rule, Subject e, long amount, AmountPeriod period, List<Text> steps) {
        return new BenefitFinding(rule, e, amount, period, null, true, null, steps);
    }

    public static BenefitFinding undetermined(RuleContext k, Subject e, AmountPeriod period, Text why) {
        return undetermined(Finding.id(k), e, period, why);
    }

    /** As above, for a calculation given the rule id (the event memo computes amounts again). */
    public static BenefitFinding undetermined(String rule, Subject e, AmountPeriod period, Text why) {
        return new BenefitFinding(rule, e, null, period, null, false, why, List.of());
    }

    /** An undetermined amount whose steps show what is known (e.g. a lower bound, the form of the benefit). */
    public static BenefitFinding undetermined(RuleContext k, Subject e, AmountPeriod period, Integer days, Text why, List<Text> steps) {
        return undetermined(Finding.id(k), e, period, days, why, steps);
    }

    /** As above, for a calculation given the rule id (the event memo computes amounts again). */
    public static BenefitFinding undetermined(String rule, Subject e, AmountPeriod period, Integer days, Text why, List<Text> steps) {
        return new BenefitFinding(rule, e, null, period, days, false, why, steps);
    }
}
