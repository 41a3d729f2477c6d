package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.TraceStep;

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

    /**
     * @return true when, before the month of the event, the member paid at least the voluntary scheme's waiting period
     *         in consecutive months and never went more than the abandonment period without paying (the conditions of
     *         the voluntary scheme's medical care, rules VHC-MED-01 to 04)
     */
    public static boolean vhcMemberPastWaiting(EventFact e) {
        BigDecimal waiting = e.getParams().num(WAITING);
        return waiting != null && e.paidRun(Scheme.VOLUNTARY_HEALTH_CARE) >= waiting.longValueExact() && !SicknessCalc.vhcAbandoned(e);
    }

    /**
     * The maternity allowance of a self-employed member: rate × (reference wage ÷ divisor) per day for the maternity
     * days, with the employees' rate, divisor and days; undetermined when no reference wage is in force.
     */
    public static BenefitFinding maternityAllowance(RuleContext k, EventFact e) {
        Params p = e.getParams();
        BigDecimal wage = p.num(REFERENCE_WAGE);
        if (wage == null) {
            return BenefitFinding.undetermined(k, e, AmountPeriod.PER_DAY, "a self-employed member declares no wage, and no wage basis for her"
                    + " maternity allowance is set (parameter " + REFERENCE_WAGE + " has no value on " + e.getDate() + ")");
        }
        List<TraceStep> steps = new ArrayList<>();
        steps.add(new TraceStep("reference monthly wage", "the wage basis set for self-employed members (" + REFERENCE_WAGE + ")",
                HealthCareCalc.khr(wage.longValueExact())));
        BigDecimal divisor = p.num(HealthCareCalc.DW_DIVISOR);
        BigDecimal daily = wage.divide(divisor, 4, RoundingMode.HALF_UP);
        steps.add(new TraceStep("daily wage", HealthCareCalc.khr(wage.longValueExact()) + " ÷ " + divisor.toPlainString(),
                HealthCareCalc.khr(daily.setScale(2, RoundingMode.HALF_UP))));
        BigDecimal rate = p.num(HealthCareCalc.MAT_RATE);
        int days = p.num(HealthCareCalc.MAT_DAYS).intValueExact();
        long perDay = daily.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        steps.add(new TraceStep("maternity allowance per day", rate.stripTrailingZeros().toPlainString() + " × daily wage, rounded to the riel",
                HealthCareCalc.khr(perDay)));
        steps.add(new TraceStep("maternity allowance in all", HealthCareCalc.khr(perDay) + " × " + days + " days", HealthCareCalc.khr(perDay * days)));
        return BenefitFinding.amount(k, e, perDay, AmountPeriod.PER_DAY, days, steps);
    }
}
