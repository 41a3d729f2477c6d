package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Maternity cover of self-employed members of the voluntary health-care scheme, which exists only where a reform
 * switches it on ({@code voluntary_health_care.maternity.covered}, {@code health_care.childbirth_allowance.self_employed}:
 * false in the law read). Called from rule consequences and constraints; every number comes from the parameters in
 * force on the date of delivery. Rounding as {@link HealthCareCalc}: the per-day amount to the nearest riel, halves up.
 */
public final class SelfEmployedMaternityCalc {
    /** The monthly wage the allowance of a self-employed member is computed on (she declares none); no value in the law read. */
    public static final String REFERENCE_WAGE = "voluntary_health_care.maternity.reference_wage";
    static final String WAITING = "voluntary_health_care.waiting_months";

    private SelfEmployedMaternityCalc() { }

    private static final EventRead.Fn VHC_MEMBER_PAST_WAITING = (e, arg, events) -> {
        BigDecimal waiting = e.getParams().num(WAITING);
        return waiting != null && e.paidRun(Scheme.VOLUNTARY_HEALTH_CARE) >= waiting.longValueExact() && !SicknessCalc.vhcAbandoned(e);
    };

    /**
     * @return true when, before the month of the event, the member paid at least the voluntary scheme's waiting period
     *         in consecutive months and never went more than the abandonment period without paying (the conditions of
     *         the voluntary scheme's medical care, rules VHC-MED-01 to 04)
     */
    public static boolean vhcMemberPastWaiting(EventFact e) {
        return (Boolean) ReadLog.call(VHC_MEMBER_PAST_WAITING, e, null, null);
    }

    /**
     * The maternity allowance of a self-employed member: rate × (reference wage ÷ divisor) per day for the maternity
     * days, with the employees' rate, divisor and days; undetermined when no reference wage is in force.
     */
    public static BenefitFinding maternityAllowance(RuleContext k, EventFact e) {
        return ReadLog.computed(MATERNITY_ALLOWANCE, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe MATERNITY_ALLOWANCE = (rule, e, events) -> maternityAllowanceOf(rule, e);

    private static BenefitFinding maternityAllowanceOf(String k, EventFact e) {
        Params p = e.getParams();
        BigDecimal wage = p.num(REFERENCE_WAGE);
        if (wage == null) {
            return BenefitFinding.undetermined(k, e, AmountPeriod.PER_DAY,
                    Text.of("undetermined.vhc.no_reference_wage", "parameter", REFERENCE_WAGE, "date", e.getDate()));
        }
        List<Text> steps = new ArrayList<>();
        steps.add(Text.of("step.vhc.reference_wage", "parameter", REFERENCE_WAGE, "result", HealthCareCalc.khr(wage.longValueExact())));
        BigDecimal divisor = p.num(HealthCareCalc.DW_DIVISOR);
        BigDecimal daily = wage.divide(divisor, 4, RoundingMode.HALF_UP);
        steps.add(Text.of("step.hc.daily_wage", "banded", HealthCareCalc.khr(wage.longValueExact()), "divisor", divisor.toPlainString(),
                "result", HealthCareCalc.khr(daily.setScale(2, RoundingMode.HALF_UP))));
        BigDecimal rate = p.num(HealthCareCalc.MAT_RATE);
        int days = p.num(HealthCareCalc.MAT_DAYS).intValueExact();
        long perDay = daily.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        steps.add(Text.of("step.hc.maternity_per_day", "rate", rate.stripTrailingZeros().toPlainString(), "result", HealthCareCalc.khr(perDay)));
        steps.add(Text.of("step.hc.maternity_in_all", "perDay", HealthCareCalc.khr(perDay), "days", days, "result", HealthCareCalc.khr(Math.multiplyExact(perDay, (long) days))));
        return BenefitFinding.amount(k, e, perDay, AmountPeriod.PER_DAY, days, steps);
    }
}
