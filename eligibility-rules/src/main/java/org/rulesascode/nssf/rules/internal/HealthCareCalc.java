package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.TraceStep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amounts of the health-care benefits, called from rule consequences. Every number comes from the parameters in
 * force on the event's date; every step is recorded. Rounding: each per-day or per-month amount to the nearest
 * riel, halves up ({@link Money#ROUNDING}).
 */
public final class HealthCareCalc {
    public static final String MAT_RATE = "health_care.maternity.allowance_rate";
    public static final String MAT_DAYS = "health_care.maternity.allowance_days";
    public static final String DW_MONTHS = "health_care.daily_allowance.reference_months";
    public static final String DW_DIVISOR = "health_care.daily_allowance.days_divisor";
    public static final String EMP_RATE = "labour_law.maternity.employer_pay_rate";
    public static final String EMP_DAYS = "labour_law.maternity.leave_days";
    public static final String EMP_MONTHS = "labour_law.maternity.reference_months";
    public static final String CBA_AMOUNT = "health_care.childbirth_allowance.amount";
    public static final String CBA_VISIT = "health_care.childbirth_allowance.care_visit_payment";
    public static final String CBA_PRENATAL = "health_care.childbirth_allowance.prenatal_visits";
    public static final String CBA_POSTNATAL = "health_care.childbirth_allowance.postnatal_visits";

    private HealthCareCalc() { }

    static String khr(long v) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(v) + " KHR";
    }

    static String khr(BigDecimal v) {
        return NumberFormat.getNumberInstance(Locale.ROOT).format(v) + " KHR";
    }

    /** The daily wage of §12 row 4b: average declared wage over up to N months before the event's month, banded, ÷ divisor. */
    static BigDecimal dailyWage(EventFact e, List<TraceStep> steps) {
        Params p = e.getParams();
        long months = p.num(DW_MONTHS).longValueExact();
        BigDecimal avg = e.averageDeclared(Scheme.HEALTH_CARE, months);
        int n = e.dueIn(Scheme.HEALTH_CARE, months);
        steps.add(new TraceStep("average declared wage", "average of the " + n + " month(s) with a health-care contribution among the "
                + months + " months before the month of the event", khr(avg)));
        long avgRiel = avg.setScale(0, Money.ROUNDING).longValueExact();
        long banded = p.getHcAssumedWage().apply(avgRiel);
        steps.add(new TraceStep("banded monthly wage", "assumed wage of rank " + p.getHcAssumedWage().rank(avgRiel) + " for " + khr(avgRiel), khr(banded)));
        BigDecimal divisor = p.num(DW_DIVISOR);
        BigDecimal daily = BigDecimal.valueOf(banded).divide(divisor, 4, RoundingMode.HALF_UP);
        steps.add(new TraceStep("daily wage", khr(banded) + " ÷ " + divisor.toPlainString(), khr(daily.setScale(2, RoundingMode.HALF_UP))));
        return daily;
    }

    /** NSSF maternity allowance: rate × daily wage per day, for the allowance days. */
    public static BenefitFinding maternityAllowance(RuleContext k, EventFact e) {
        List<TraceStep> steps = new ArrayList<>();
        BigDecimal daily = dailyWage(e, steps);
        BigDecimal rate = e.getParams().num(MAT_RATE);
        int days = e.getParams().num(MAT_DAYS).intValueExact();
        long perDay = daily.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        steps.add(new TraceStep("maternity allowance per day", rate.stripTrailingZeros().toPlainString() + " × daily wage, rounded to the riel", khr(perDay)));
        steps.add(new TraceStep("maternity allowance in all", khr(perDay) + " × " + days + " days", khr(perDay * days)));
        return BenefitFinding.amount(k, e, perDay, AmountPeriod.PER_DAY, days, steps);
    }

    /** Employer's maternity pay under the Labour Law: rate × average monthly wage of the reference months, per month of leave. */
    public static BenefitFinding employerMaternityPay(RuleContext k, EventFact e) {
        List<TraceStep> steps = new ArrayList<>();
        Params p = e.getParams();
        long months = p.num(EMP_MONTHS).longValueExact();
        BigDecimal avg = e.averageDeclared(Scheme.HEALTH_CARE, months);
        if (avg == null) avg = e.averageDeclared(Scheme.OCCUPATIONAL_RISK, months);
        if (avg == null) {
            return BenefitFinding.undetermined(k, e, AmountPeriod.PER_MONTH, "the history declares no wage in the " + months + " months before the month of delivery");
        }
        steps.add(new TraceStep("average monthly wage", "average declared wage over the " + months + " months before the month of delivery", khr(avg)));
        BigDecimal rate = p.num(EMP_RATE);
        long perMonth = avg.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        int days = p.num(EMP_DAYS).intValueExact();
        steps.add(new TraceStep("employer's maternity pay per month", rate.stripTrailingZeros().toPlainString() + " × " + khr(avg) + ", rounded to the riel", khr(perMonth)));
        steps.add(new TraceStep("leave", days + " days of maternity leave", days + " days"));
        return BenefitFinding.amount(k, e, perMonth, AmountPeriod.PER_MONTH, days, steps);
    }

    /** The State childbirth allowance for the number of babies, from the scale in force on the birth date. */
    public static BenefitFinding childbirthAllowance(RuleContext k, EventFact e) {
        Scale scale = e.getParams().scale(CBA_AMOUNT);
        long amount = scale.apply(e.getBabies());
        List<TraceStep> steps = new ArrayList<>();
        steps.add(new TraceStep("childbirth allowance", e.getBabies() + " baby(ies), scale in force on "
                + e.getDate() + " (" + scale + ")", khr(amount)));
        BigDecimal visit = e.getParams().num(CBA_VISIT);
        if (visit != null) {
            // paid per visit as the visits happen; the profile does not record them, so they are not in the amount
            long perVisit = visit.longValueExact();
            int pre = e.getParams().num(CBA_PRENATAL).intValueExact();
            int post = e.getParams().num(CBA_POSTNATAL).intValueExact();
            steps.add(new TraceStep("also, prenatal check-ups (not in the amount above: paid per visit attended)",
                    "up to " + pre + " × " + khr(perVisit), "up to " + khr(perVisit * pre)));
            steps.add(new TraceStep("also, postnatal checks and vaccinations until the child is 2 (not in the amount above)",
                    "up to " + post + " × " + khr(perVisit), "up to " + khr(perVisit * post)));
        }
        return BenefitFinding.amount(k, e, amount, AmountPeriod.ONCE, null, steps);
    }
}
