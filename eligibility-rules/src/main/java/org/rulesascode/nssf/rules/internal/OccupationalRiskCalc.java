package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Occupational-risk (employment-injury) benefits: the named tests the rules use
 * on an injury or a death (so that the DRL holds no literal), and the amounts, called from rule consequences. Every
 * number comes from the parameters in force on the date of the accident or death; every step is recorded.
 * Rounding: each per-day amount to the nearest riel, halves up ({@link Money#ROUNDING}).
 */
public final class OccupationalRiskCalc {
    public static final String DAW_MONTHS = "occupational_risk.benefits.daily_average_wage.reference_months";
    public static final String DAW_DIVISOR = "occupational_risk.benefits.daily_average_wage.days_divisor";
    public static final String TD_RATE = "occupational_risk.benefits.temporary_disability.rate";
    public static final String TD_WAITING_DAYS = "occupational_risk.benefits.temporary_disability.waiting_days";
    public static final String TD_MAX_DAYS = "occupational_risk.benefits.temporary_disability.max_days";
    public static final String PD_PENSION_THRESHOLD = "occupational_risk.benefits.permanent_disability.pension_threshold";
    public static final String CA_RATE = "occupational_risk.benefits.constant_attendance.rate";
    public static final String CA_MIN_DEGREE = "occupational_risk.benefits.constant_attendance.min_degree";
    public static final String SUR_SINGLE_GROUP_RATE = "occupational_risk.benefits.survivors.single_group_rate";
    public static final String SUR_PARENT_MIN_AGE = "occupational_risk.benefits.survivors.parent_min_age";
    public static final String FUNERAL_AMOUNT = "occupational_risk.benefits.funeral_grant.amount";

    /** A degree of incapacity is given in percent; parameters hold it as a fraction. */
    private static final int PERCENT = 100;

    private OccupationalRiskCalc() { }

    // ------------------------------------------------------------------ named tests for the rules

    private static final EventRead.Fn INCAPACITY_KNOWN = (e, arg, events) -> {
        return e.getIncapacityDays() >= 0;
    };

    /** @return true when the injury gives its days of temporary incapacity */
    public static boolean incapacityKnown(EventFact e) {
        return (Boolean) ReadLog.call(INCAPACITY_KNOWN, e, null, null);
    }

    private static final EventRead.Fn DEGREE_KNOWN = (e, arg, events) -> {
        return e.getPermanentDegree() >= 0;
    };

    /** @return true when the injury gives a degree of permanent incapacity (0 included) */
    public static boolean degreeKnown(EventFact e) {
        return (Boolean) ReadLog.call(DEGREE_KNOWN, e, null, null);
    }

    private static final EventRead.Fn PERMANENT_INCAPACITY = (e, arg, events) -> {
        return e.getPermanentDegree() > 0;
    };

    /** @return true when the injury left a permanent incapacity: a degree above 0 % */
    public static boolean permanentIncapacity(EventFact e) {
        return (Boolean) ReadLog.call(PERMANENT_INCAPACITY, e, null, null);
    }

    private static final EventRead.Fn DEGREE_AT_LEAST = (e, arg, events) -> {
        BigDecimal fraction = (BigDecimal) arg;
        return degreeKnown(e) && fraction != null
                && BigDecimal.valueOf(e.getPermanentDegree()).compareTo(fraction.multiply(BigDecimal.valueOf(PERCENT))) >= 0;
    };

    /** @return true when the degree of permanent incapacity is known and at least {@code fraction} (0.20 = 20 %) */
    public static boolean degreeAtLeast(EventFact e, BigDecimal fraction) {
        return (Boolean) ReadLog.call(DEGREE_AT_LEAST, e, fraction, null);
    }

    /** Who survives the worker, as the occupational-risk survivors' pension sees them. */
    enum Family {
        /** no survivor is named in the profile */
        NONE_NAMED,
        /** survivors are named, but no spouse, no child and no parent old enough */
        NONE_QUALIFIES,
        /** no one qualifies for sure, and a parent's birth date is missing */
        PARENT_AGE_UNKNOWN,
        SPOUSE_ONLY,
        CHILDREN_ONLY,
        PARENTS_ONLY,
        /** more than one group (spouse, children, parents) */
        SEVERAL_GROUPS,
        /** someone qualifies, but a parent's birth date is missing, so the family case is not known */
        CASE_UNKNOWN
    }

    private static List<Person> survivors(EventFact e) {
        return e.getEvent() instanceof Death d ? d.survivors() : List.of();
    }

    static Family family(EventFact e, BigDecimal parentMinAge) {
        List<Person> all = survivors(e);
        if (all.isEmpty()) return Family.NONE_NAMED;
        int spouses = 0;
        int children = 0;
        int parents = 0;
        int parentsUnknown = 0;
        for (Person p : all) {
            switch (p.relation()) {
                case SPOUSE -> spouses++;
                case CHILD -> children++;
                case PARENT -> {
                    if (p.birthDate() == null || parentMinAge == null) parentsUnknown++;
                    else if (Period.between(p.birthDate(), e.getDate()).getYears() >= parentMinAge.longValue()) parents++;
                }
                default -> { } // other relatives are not survivors in the reference
            }
        }
        int groups = (spouses > 0 ? 1 : 0) + (children > 0 ? 1 : 0) + (parents > 0 ? 1 : 0);
        if (groups == 0) return parentsUnknown > 0 ? Family.PARENT_AGE_UNKNOWN : Family.NONE_QUALIFIES;
        if (parentsUnknown > 0) return Family.CASE_UNKNOWN;
        if (groups > 1) return Family.SEVERAL_GROUPS;
        if (spouses > 0) return Family.SPOUSE_ONLY;
        return children > 0 ? Family.CHILDREN_ONLY : Family.PARENTS_ONLY;
    }

    private static final EventRead.Fn SURVIVOR_QUALIFIES = (e, arg, events) -> {
        BigDecimal parentMinAge = (BigDecimal) arg;
        return switch (family(e, parentMinAge)) {
            case NONE_NAMED, NONE_QUALIFIES, PARENT_AGE_UNKNOWN -> false;
            default -> true;
        };
    };

    /** @return true when at least one survivor qualifies: a spouse, a child, or a parent of at least {@code parentMinAge} */
    public static boolean survivorQualifies(EventFact e, BigDecimal parentMinAge) {
        return (Boolean) ReadLog.call(SURVIVOR_QUALIFIES, e, parentMinAge, null);
    }

    private static final EventRead.Fn NO_SURVIVOR_QUALIFIES = (e, arg, events) -> {
        BigDecimal parentMinAge = (BigDecimal) arg;
        return family(e, parentMinAge) == Family.NONE_QUALIFIES;
    };

    /** @return true when survivors are named and none of them qualifies, with no birth date missing that could change it */
    public static boolean noSurvivorQualifies(EventFact e, BigDecimal parentMinAge) {
        return (Boolean) ReadLog.call(NO_SURVIVOR_QUALIFIES, e, parentMinAge, null);
    }

    private static final EventRead.Fn SURVIVORS_UNKNOWN = (e, arg, events) -> {
        BigDecimal parentMinAge = (BigDecimal) arg;
        Family f = family(e, parentMinAge);
        return f == Family.NONE_NAMED || f == Family.PARENT_AGE_UNKNOWN;
    };

    /** @return true when no survivor qualifies for sure, because none is named or a parent's birth date is missing */
    public static boolean survivorsUnknown(EventFact e, BigDecimal parentMinAge) {
        return (Boolean) ReadLog.call(SURVIVORS_UNKNOWN, e, parentMinAge, null);
    }

    private static final EventRead.Fn SPOUSE_ONLY_OR_CHILDREN_ONLY = (e, arg, events) -> {
        BigDecimal parentMinAge = (BigDecimal) arg;
        Family f = family(e, parentMinAge);
        return f == Family.SPOUSE_ONLY || f == Family.CHILDREN_ONLY;
    };

    /** @return true when the survivors are the spouse only or the children only: the one case with a known rate */
    public static boolean spouseOnlyOrChildrenOnly(EventFact e, BigDecimal parentMinAge) {
        return (Boolean) ReadLog.call(SPOUSE_ONLY_OR_CHILDREN_ONLY, e, parentMinAge, null);
    }

    // ------------------------------------------------------------------ amounts

    private static Riel khr(long v) {
        return new Riel(BigDecimal.valueOf(v), true);
    }

    private static Riel khr(BigDecimal v) {
        return new Riel(v, false);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    /**
     * The daily average wage of §12 row 3d: average assumed wage over up to N months before the month of the event
     * (the actual period if shorter) ÷ the divisor; null when the history has no such month.
     */
    static BigDecimal dailyAverageWage(EventFact e, List<Text> steps) {
        Params p = e.getParams();
        long months = p.num(DAW_MONTHS).longValueExact();
        BigDecimal avg = e.averageBase(Scheme.OCCUPATIONAL_RISK, months);
        if (avg == null) return null;
        int n = e.dueIn(Scheme.OCCUPATIONAL_RISK, months);
        steps.add(Text.of("step.or.average_assumed_wage", "n", n, "months", months, "result", khr(avg)));
        BigDecimal divisor = p.num(DAW_DIVISOR);
        BigDecimal daily = avg.divide(divisor, 4, RoundingMode.HALF_UP);
        steps.add(Text.of("step.or.daily_average_wage", "average", khr(avg), "divisor", divisor.toPlainString(),
                "result", khr(daily.setScale(2, RoundingMode.HALF_UP))));
        return daily;
    }

    private static Text noWage(EventFact e) {
        return Text.of("undetermined.or.no_wage", "months", e.getParams().num(DAW_MONTHS).toPlainString());
    }

    /** Temporary-disability allowance: rate × DAW a day, from the day after the employer's waiting day(s), up to the maximum. */
    public static BenefitFinding temporaryDisability(RuleContext k, EventFact e) {
        return ReadLog.computed(TEMPORARY_DISABILITY, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe TEMPORARY_DISABILITY = (rule, e, events) -> temporaryDisabilityOf(rule, e);

    private static BenefitFinding temporaryDisabilityOf(String k, EventFact e) {
        Params p = e.getParams();
        int waiting = p.num(TD_WAITING_DAYS).intValueExact();
        int max = p.num(TD_MAX_DAYS).intValueExact();
        int days = Math.min(e.getIncapacityDays() - waiting, max);
        List<Text> steps = new ArrayList<>();
        steps.add(Text.of("step.or.td_days", "incapacity", e.getIncapacityDays(), "waiting", waiting, "max", max, "days", days));
        BigDecimal daily = dailyAverageWage(e, steps);
        if (daily == null) {
            return BenefitFinding.undetermined(k, e, AmountPeriod.PER_DAY, days, noWage(e), steps);
        }
        BigDecimal rate = p.num(TD_RATE);
        long perDay = daily.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        steps.add(Text.of("step.or.td_per_day", "rate", percent(rate), "result", khr(perDay)));
        steps.add(Text.of("step.or.td_in_all", "perDay", khr(perDay), "days", days, "result", khr(Math.multiplyExact(perDay, (long) days))));
        return BenefitFinding.amount(k, e, perDay, AmountPeriod.PER_DAY, days, steps);
    }

    /** Permanent disability: the form (lump sum or pension) is known, the amount is not (actuarial factor unknown). */
    public static BenefitFinding permanentDisability(RuleContext k, EventFact e, boolean pension) {
        return ReadLog.computed(pension ? PERMANENT_DISABILITY_PENSION : PERMANENT_DISABILITY_LUMP_SUM, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe PERMANENT_DISABILITY_PENSION = (rule, e, events) -> permanentDisabilityOf(rule, e, true);
    private static final ReadLog.Recipe PERMANENT_DISABILITY_LUMP_SUM = (rule, e, events) -> permanentDisabilityOf(rule, e, false);

    private static BenefitFinding permanentDisabilityOf(String k, EventFact e, boolean pension) {
        BigDecimal threshold = e.getParams().num(PD_PENSION_THRESHOLD);
        List<Text> steps = List.of(
                Text.of(pension ? "step.or.pd_form_pension" : "step.or.pd_form_lump_sum", "degree", e.getPermanentDegree(), "threshold", percent(threshold)),
                Text.of("step.or.pd_amount"));
        Text why = Text.of(pension ? "undetermined.or.pd_pension" : "undetermined.or.pd_lump_sum");
        return BenefitFinding.undetermined(k, e, pension ? AmountPeriod.PER_MONTH : AmountPeriod.ONCE, null, why, steps);
    }

    /** Constant attendance: a share of the permanent-disability pension, whose amount is undetermined. */
    public static BenefitFinding constantAttendance(RuleContext k, EventFact e) {
        return ReadLog.computed(CONSTANT_ATTENDANCE, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe CONSTANT_ATTENDANCE = (rule, e, events) -> constantAttendanceOf(rule, e);

    private static BenefitFinding constantAttendanceOf(String k, EventFact e) {
        String rate = percent(e.getParams().num(CA_RATE));
        List<Text> steps = List.of(Text.of("step.or.constant_attendance", "rate", rate));
        return BenefitFinding.undetermined(k, e, AmountPeriod.PER_MONTH, null, Text.of("undetermined.or.constant_attendance", "rate", rate), steps);
    }

    /** Survivors' pension, spouse only or children only: rate × DAW, applied as a daily rate (the unit is unclear). */
    public static BenefitFinding survivorsSingleGroup(RuleContext k, EventFact e) {
        return ReadLog.computed(SURVIVORS_SINGLE_GROUP, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe SURVIVORS_SINGLE_GROUP = (rule, e, events) -> survivorsSingleGroupOf(rule, e);

    private static BenefitFinding survivorsSingleGroupOf(String k, EventFact e) {
        Params p = e.getParams();
        Family f = family(e, p.num(SUR_PARENT_MIN_AGE));
        List<Text> steps = new ArrayList<>();
        steps.add(Text.of(f == Family.SPOUSE_ONLY ? "step.or.family_spouse_only" : "step.or.family_children_only"));
        BigDecimal daily = dailyAverageWage(e, steps);
        if (daily == null) {
            return new BenefitFinding(k, e, null, AmountPeriod.PER_DAY, null, true, noWage(e), steps);
        }
        BigDecimal rate = p.num(SUR_SINGLE_GROUP_RATE);
        long perDay = daily.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        steps.add(Text.of("step.or.survivors_per_day", "rate", percent(rate), "result", khr(perDay)));
        return BenefitFinding.estimate(k, e, perDay, AmountPeriod.PER_DAY, steps);
    }

    /** Survivors' pension in the family cases whose rate the reference does not know. */
    public static BenefitFinding survivorsOtherCase(RuleContext k, EventFact e) {
        return ReadLog.computed(SURVIVORS_OTHER_CASE, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe SURVIVORS_OTHER_CASE = (rule, e, events) -> survivorsOtherCaseOf(rule, e);

    private static BenefitFinding survivorsOtherCaseOf(String k, EventFact e) {
        Family f = family(e, e.getParams().num(SUR_PARENT_MIN_AGE));
        String which = switch (f) {
            case PARENTS_ONLY -> "parents_only";
            case SEVERAL_GROUPS -> "several_groups";
            default -> "unknown";
        };
        List<Text> steps = List.of(Text.of("step.or.family_" + which));
        return BenefitFinding.undetermined(k, e, AmountPeriod.PER_DAY, null, Text.of("undetermined.or.survivors_" + which), steps);
    }

    /** Funeral grant: the flat amount in force on the date of death. */
    public static BenefitFinding funeralGrant(RuleContext k, EventFact e) {
        return ReadLog.computed(FUNERAL_GRANT, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe FUNERAL_GRANT = (rule, e, events) -> funeralGrantOf(rule, e);

    private static BenefitFinding funeralGrantOf(String k, EventFact e) {
        long amount = e.getParams().num(FUNERAL_AMOUNT).longValueExact();
        List<Text> steps = List.of(Text.of("step.or.funeral_grant", "date", e.getDate(), "result", khr(amount)));
        return BenefitFinding.amount(k, e, amount, AmountPeriod.ONCE, null, steps);
    }
}
