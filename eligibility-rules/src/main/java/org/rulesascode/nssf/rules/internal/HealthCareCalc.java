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

    static Riel khr(long v) {
        return new Riel(BigDecimal.valueOf(v), true);
    }

    static Riel khr(BigDecimal v) {
        return new Riel(v, false);
    }

    /** The daily wage of §12 row 4b: average declared wage over up to N months before the event's month, banded, ÷ divisor. */
    static BigDecimal dailyWage(EventFact e, List<Text> steps) {
        Params p = e.getParams();
        long months = p.num(DW_MONTHS).longValueExact();
        BigDecimal avg = e.averageDeclared(Scheme.HEALTH_CARE, months);
        int n = e.dueIn(Scheme.HEALTH_CARE, months);
        steps.add(Text.of("step.hc.average_declared_wage", "n", n, "months", months, "result", khr(avg)));
        long avgRiel = avg.setScale(0, Money.ROUNDING).longValueExact();
        long banded = p.getHcAssumedWage().apply(avgRiel);
        steps.add(Text.of("step.hc.banded_wage", "rank", p.getHcAssumedWage().rank(avgRiel), "average", khr(avgRiel), "result", khr(banded)));
        BigDecimal divisor = p.num(DW_DIVISOR);
        BigDecimal daily = BigDecimal.valueOf(banded).divide(divisor, 4, RoundingMode.HALF_UP);
        steps.add(Text.of("step.hc.daily_wage", "banded", khr(banded), "divisor", divisor.toPlainString(),
                "result", khr(daily.setScale(2, RoundingMode.HALF_UP))));
        return daily;
    }

    /** NSSF maternity allowance: rate × daily wage per day, for the allowance days. */
    public static BenefitFinding maternityAllowance(RuleContext k, EventFact e) {
        return ReadLog.computed(MATERNITY_ALLOWANCE, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe MATERNITY_ALLOWANCE = (rule, e, events) -> maternityAllowanceOf(rule, e);

    private static BenefitFinding maternityAllowanceOf(String k, EventFact e) {
        long months = e.getParams().num(DW_MONTHS).longValueExact();
        if (e.averageDeclared(Scheme.HEALTH_CARE, months) == null) {
            // the law's qualifying periods (9 months) always leave a wage to average; a shorter one (a reform) may not
            return BenefitFinding.undetermined(k, e, AmountPeriod.PER_DAY, Text.of("undetermined.hc.maternity_no_wage", "months", months));
        }
        List<Text> steps = new ArrayList<>();
        BigDecimal daily = dailyWage(e, steps);
        BigDecimal rate = e.getParams().num(MAT_RATE);
        int days = e.getParams().num(MAT_DAYS).intValueExact();
        long perDay = daily.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        steps.add(Text.of("step.hc.maternity_per_day", "rate", rate.stripTrailingZeros().toPlainString(), "result", khr(perDay)));
        steps.add(Text.of("step.hc.maternity_in_all", "perDay", khr(perDay), "days", days, "result", khr(Math.multiplyExact(perDay, (long) days))));
        return BenefitFinding.amount(k, e, perDay, AmountPeriod.PER_DAY, days, steps);
    }

    /** Employer's maternity pay under the Labour Law: rate × average monthly wage of the reference months, per month of leave. */
    public static BenefitFinding employerMaternityPay(RuleContext k, EventFact e) {
        return ReadLog.computed(EMPLOYER_MATERNITY_PAY, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe EMPLOYER_MATERNITY_PAY = (rule, e, events) -> employerMaternityPayOf(rule, e);

    private static BenefitFinding employerMaternityPayOf(String k, EventFact e) {
        List<Text> steps = new ArrayList<>();
        Params p = e.getParams();
        long months = p.num(EMP_MONTHS).longValueExact();
        BigDecimal avg = e.averageDeclared(Scheme.HEALTH_CARE, months);
        if (avg == null) avg = e.averageDeclared(Scheme.OCCUPATIONAL_RISK, months);
        if (avg == null) {
            return BenefitFinding.undetermined(k, e, AmountPeriod.PER_MONTH, Text.of("undetermined.hc.employer_pay_no_wage", "months", months));
        }
        steps.add(Text.of("step.hc.employer_average_wage", "months", months, "result", khr(avg)));
        BigDecimal rate = p.num(EMP_RATE);
        long perMonth = avg.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        int days = p.num(EMP_DAYS).intValueExact();
        steps.add(Text.of("step.hc.employer_pay_per_month", "rate", rate.stripTrailingZeros().toPlainString(), "average", khr(avg),
                "result", khr(perMonth)));
        steps.add(Text.of("step.hc.employer_leave", "days", days));
        return BenefitFinding.amount(k, e, perMonth, AmountPeriod.PER_MONTH, days, steps);
    }

    /** The State childbirth allowance for the number of babies, from the scale in force on the birth date. */
    public static BenefitFinding childbirthAllowance(RuleContext k, EventFact e) {
        return ReadLog.computed(CHILDBIRTH_ALLOWANCE, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe CHILDBIRTH_ALLOWANCE = (rule, e, events) -> childbirthAllowanceOf(rule, e);

    private static BenefitFinding childbirthAllowanceOf(String k, EventFact e) {
        Scale scale = e.getParams().scale(CBA_AMOUNT);
        long amount = scale.apply(e.getBabies());
        List<Text> steps = new ArrayList<>();
        steps.add(Text.of("step.hc.childbirth_allowance", "babies", e.getBabies(), "date", e.getDate(), "scale", scale(scale),
                "result", khr(amount)));
        BigDecimal visit = e.getParams().num(CBA_VISIT);
        if (visit != null) {
            // paid per visit as the visits happen; the profile does not record them, so they are not in the amount
            long perVisit = visit.longValueExact();
            int pre = e.getParams().num(CBA_PRENATAL).intValueExact();
            int post = e.getParams().num(CBA_POSTNATAL).intValueExact();
            steps.add(Text.of("step.hc.prenatal_visits", "visits", pre, "perVisit", khr(perVisit), "total", khr(Math.multiplyExact(perVisit, (long) pre))));
            steps.add(Text.of("step.hc.postnatal_visits", "visits", post, "perVisit", khr(perVisit), "total", khr(Math.multiplyExact(perVisit, (long) post))));
        }
        return BenefitFinding.amount(k, e, amount, AmountPeriod.ONCE, null, steps);
    }

    /** @return the scale in words, as {@link Scale#toString()} puts it, as texts to render in the request's language */
    static Object scale(Scale scale) {
        List<Scale.Bracket> brackets = scale.brackets();
        if (brackets.size() <= Scale.LISTED_BRACKETS) {
            List<Text> parts = new ArrayList<>();
            for (Scale.Bracket b : brackets) {
                parts.add(b.upTo() == null ? Text.of("text.scale.above", "value", b.value())
                        : Text.of("text.scale.up_to", "upTo", b.upTo(), "value", b.value()));
            }
            return parts;
        }
        return Text.of("text.scale.brackets", "n", brackets.size(), "first", brackets.get(0).value(), "ceiling", scale.ceiling());
    }
}
