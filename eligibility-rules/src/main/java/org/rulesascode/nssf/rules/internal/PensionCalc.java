package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.Scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pension benefits, called from the rules of
 * {@code rules/pension/benefits_*.drl}. Every number comes from the parameters in force on the event's date.
 *
 * <p>The old-age pension formula is known only from secondary sources: every amount built on it is an
 * <b>estimate</b>, never the legal amount ({@link BenefitFinding#estimate}), and every output says so. Amounts
 * are whole riel, rounded once at the end, halves up ({@link Money#ROUNDING}); a contribution share is rounded per
 * month, as on the contribution lines.
 *
 * <p><b>Why the outcome findings carry a {@link Record}.</b> {@link EventFact#facts()} has no pension facts yet
 * (paid months, shortfall, the date the pensionable age is reached, the estimate). {@link #outcome} therefore gives
 * the outcome finding a support that is the same finding (same rule, same outcome) about a {@link Record}, a view
 * of the event that adds those facts. The Assessor renders an outcome's support first and keeps one reason per
 * rule id, so the reason shown is the record's, with its facts and its distance. Once {@code EventFact.facts()}
 * carries these facts for retirement claims and deaths, {@link #outcome} can return {@code Finding.outcome(k, e, o)}.
 */
public final class PensionCalc {
    public static final String PENSIONABLE_AGE = "pension.benefits.pensionable_age";
    public static final String MIN_MONTHS = "pension.benefits.min_contribution_months";
    public static final String REFERENCE_MONTHS = "pension.benefits.reference_wage_months";
    public static final String FIRST_RATE = "pension.benefits.accrual.first_rate";
    public static final String FIRST_YEARS = "pension.benefits.accrual.first_years";
    public static final String LATER_RATE = "pension.benefits.accrual.later_rate";
    public static final String EMPLOYER_SHARE_REFUNDED = "pension.benefits.old_age_allowance.employer_share_refunded";
    public static final String SURVIVORS_MIN_MONTHS = "pension.benefits.survivors.min_contribution_months";
    public static final String SURVIVORS_MIN_RATE = "pension.benefits.survivors.minimum_rate";
    public static final String SPOUSE_SHARE = "pension.benefits.survivors.spouse_share";
    public static final String CHILDREN_SHARE = "pension.benefits.survivors.children_share";
    public static final String SOLE_GROUP_SHARE = "pension.benefits.survivors.sole_group_share";
    public static final String FUNERARY_MULTIPLIER = "pension.benefits.funerary.multiplier";
    public static final String FUNERARY_MINIMUM = "pension.benefits.funerary.minimum";
    public static final String INVALIDITY_MIN_MONTHS = "pension.benefits.invalidity.min_contribution_months";
    public static final String TC_MIN_AGE = "pension.benefits.transitional.min_age";
    public static final String TC_MIN_PAID = "pension.benefits.transitional.min_paid_months";
    public static final String TC_WINDOW_START = "pension.benefits.transitional.window_start";
    public static final String TC_WINDOW_MONTHS = "pension.benefits.transitional.window_months";

    /** Id prefix of the rules that compute pension contributions (rules/pension/contributions.drl). */
    static final String CONTRIBUTION_RULES = "PEN-CON-";
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private PensionCalc() { }

    // ------------------------------------------------------------------ predicates for the rules

    /** @return true when the contribution finding is a pension contribution */
    public static boolean isPension(ContributionFinding c) {
        return c.ruleId().startsWith(CONTRIBUTION_RULES);
    }

    /** @return true when at least one pension contribution month before the event's month was paid */
    public static boolean hasPaidContributions(EventFact e) {
        return (Boolean) ReadLog.call(HAS_PAID, e, null, null);
    }

    // the calculations of rule conditions, each read by the event memo as one value (ReadLog#call)
    private static final EventRead.Fn HAS_PAID = (e, arg, events) -> e.paidBefore(Scheme.PENSION) > 0;
    private static final EventRead.Fn TRANSITIONAL_PAID = (e, arg, events) -> transitionalPaidMonthsOf(e);
    private static final EventRead.Fn INVALIDITY_AGE = (e, arg, events) -> invalidityAgeMetOf(e);
    private static final EventRead.Fn INVALIDITY_MONTHS = (e, arg, events) -> invalidityMonthsMetOf(e);
    private static final EventRead.Fn INVALIDITY_CLAIMED = (e, arg, events) -> invalidityClaimedByOf(e, events);
    private static final EventRead.Fn INVALIDITY_PENSIONER = (e, arg, events) -> invalidityPensionerOf(e, events);
    private static final EventRead.Fn FUNERARY_ABOVE_MINIMUM = (e, arg, contributions) -> funeraryAboveMinimumOf(e, contributions);

    /**
     * @return paid pension months in the transitional window (from {@value #TC_WINDOW_START}, for
     *         {@value #TC_WINDOW_MONTHS} months) that lie before the event's month; 0 when the window is not in force
     */
    public static int transitionalPaidMonths(EventFact e) {
        return (Integer) ReadLog.call(TRANSITIONAL_PAID, e, null, null);
    }

    private static int transitionalPaidMonthsOf(EventFact e) {
        Parameter.Entry start = e.getParams().entry(TC_WINDOW_START);
        BigDecimal length = e.getParams().num(TC_WINDOW_MONTHS);
        if (start == null || !(start.value() instanceof LocalDate from) || length == null) return 0;
        int first = ParamTimeline.index(YearMonth.from(from));
        int event = ParamTimeline.index(YearMonth.from(e.getDate()));
        int end = Math.min(event, first + length.intValueExact()); // exclusive
        if (end <= first) return 0;
        return e.paidIn(Scheme.PENSION, event - first) - e.paidIn(Scheme.PENSION, event - end);
    }

    /**
     * The age condition of the invalidity pension (§6.2, §12 row 2a: "before age 60"): under the pensionable age on the
     * date the invalidity is recognised or claimed. False when the parameter is not in force.
     */
    public static boolean invalidityAgeMet(EventFact e) {
        return (Boolean) ReadLog.call(INVALIDITY_AGE, e, null, null);
    }

    private static boolean invalidityAgeMetOf(EventFact e) {
        BigDecimal age = e.getParams().num(PENSIONABLE_AGE);
        return age != null && e.getAge() < age.longValueExact();
    }

    /**
     * The contribution condition of the invalidity pension (§6.2, §12 row 2a: "60 months of contributions"): at least
     * {@value #INVALIDITY_MIN_MONTHS} paid pension months before the month of the claim. False when not in force.
     */
    public static boolean invalidityMonthsMet(EventFact e) {
        return (Boolean) ReadLog.call(INVALIDITY_MONTHS, e, null, null);
    }

    private static boolean invalidityMonthsMetOf(EventFact e) {
        BigDecimal min = e.getParams().num(INVALIDITY_MIN_MONTHS);
        return min != null && e.paidBefore(Scheme.PENSION) >= min.longValueExact();
    }

    /** @return true when the profile has an invalidity claim dated on or before the death (whatever its outcome) */
    public static boolean invalidityClaimedBy(EventFact death, Collection<?> claims) {
        return (Boolean) ReadLog.call(INVALIDITY_CLAIMED, death, null, claims);
    }

    private static boolean invalidityClaimedByOf(EventFact death, Collection<?> claims) {
        for (Object o : claims) {
            if (o instanceof EventFact c && c.getKind() == EventKind.INVALIDITY && !c.getDate().isAfter(death.getDate())) return true;
        }
        return false;
    }

    /**
     * Whether the deceased was an invalidity pensioner: an invalidity claim of the profile dated on or before the death
     * met the known conditions of the invalidity pension under the law of its own date (the scheme in force,
     * {@link #invalidityAgeMet}, {@link #invalidityMonthsMet}), the same the rules of
     * {@code rules/pension/benefits_invalidity.drl} judge. Computed from the event facts, which are all in the session
     * before the rules fire, so that the death rules never see a half-judged claim.
     *
     * @param claims the invalidity-claim event facts of the session (other facts are ignored)
     */
    public static boolean invalidityPensioner(EventFact death, Collection<?> claims) {
        return (Boolean) ReadLog.call(INVALIDITY_PENSIONER, death, null, claims);
    }

    private static boolean invalidityPensionerOf(EventFact death, Collection<?> claims) {
        for (Object o : claims) {
            if (!(o instanceof EventFact c) || c.getKind() != EventKind.INVALIDITY || c.getDate().isAfter(death.getDate())) continue;
            if (c.getParams().isPensionInForce() && invalidityAgeMetOf(c) && invalidityMonthsMetOf(c)) return true;
        }
        return false;
    }

    /** @return true when the multiplier times the estimated pension exceeds the funerary minimum (then the amount is an estimate) */
    public static boolean funeraryAboveMinimum(EventFact e, Collection<?> contributions) {
        return (Boolean) ReadLog.callOnPension(FUNERARY_ABOVE_MINIMUM, e, contributions);
    }

    private static boolean funeraryAboveMinimumOf(EventFact e, Collection<?> contributions) {
        Estimate est = estimate(e, months(e, contributions));
        Params p = e.getParams();
        return est != null && p.num(FUNERARY_MULTIPLIER) != null && p.num(FUNERARY_MINIMUM) != null
                && p.num(FUNERARY_MULTIPLIER).multiply(BigDecimal.valueOf(est.pension())).compareTo(p.num(FUNERARY_MINIMUM)) > 0;
    }

    /**
     * The outcome finding of a pension benefit rule, supported by the same finding about a {@link Record} so that
     * its reason shows the pension facts (see the class comment).
     */
    public static Finding outcome(RuleContext k, EventFact e, Collection<?> contributions, Outcome outcome) {
        // the record copies the event's properties: not reads the rules decide on (the event memo makes the record
        // again from the new event and her own pension contributions)
        ReadLog.pause();
        try {
            return Finding.outcome(k, e, outcome, Finding.outcome(k, new Record(e, contributions), outcome));
        } finally {
            ReadLog.resume();
        }
    }

    // ------------------------------------------------------------------ amounts

    /** The old-age pension: an ESTIMATE per month from the provisional accrual formula (§6.3, §12 row 1). */
    public static BenefitFinding oldAgePension(RuleContext k, EventFact e, Collection<?> contributions) {
        return ReadLog.computedOnPension(OLD_AGE_PENSION, Finding.id(k), e, contributions);
    }

    private static final ReadLog.Recipe OLD_AGE_PENSION = PensionCalc::oldAgePensionOf;

    private static BenefitFinding oldAgePensionOf(String rule, EventFact e, Collection<?> contributions) {
        Estimate est = estimate(e, months(e, contributions));
        if (est == null) {
            return BenefitFinding.undetermined(rule, e, AmountPeriod.PER_MONTH, Text.of("undetermined.pen.no_reference_wage"));
        }
        List<Text> steps = new ArrayList<>(est.steps());
        steps.add(Text.of("step.pen.old_age_estimate", "pension", HealthCareCalc.khr(est.pension())));
        return BenefitFinding.estimate(rule, e, est.pension(), AmountPeriod.PER_MONTH, steps);
    }

    /**
     * The old-age allowance: the paid contributions as a lump sum. The worker's own share is certainly included;
     * whether the employer's share is too is unknown (§11 #10), and {@value #EMPLOYER_SHARE_REFUNDED} (provisional)
     * says whether it is counted. Either way the amount is marked an estimate.
     */
    public static BenefitFinding oldAgeAllowance(RuleContext k, EventFact e, Collection<?> contributions) {
        return ReadLog.computedOnPension(OLD_AGE_ALLOWANCE, Finding.id(k), e, contributions);
    }

    private static final ReadLog.Recipe OLD_AGE_ALLOWANCE = PensionCalc::oldAgeAllowanceOf;

    private static BenefitFinding oldAgeAllowanceOf(String rule, EventFact e, Collection<?> contributions) {
        List<Month> months = months(e, contributions);
        long worker = 0;
        long employer = 0;
        int paid = 0;
        for (Month m : months) {
            if (!m.paid()) continue;
            paid++;
            worker = Math.addExact(worker, share(m.base(), m.workerRate()));
            employer = Math.addExact(employer, share(m.base(), m.employerRate()));
        }
        boolean refunded = e.getParams().flag(EMPLOYER_SHARE_REFUNDED);
        List<Text> steps = new ArrayList<>();
        steps.add(Text.of("step.pen.paid_months", "month", YearMonth.from(e.getDate()), "result", paid));
        steps.add(Text.of("step.pen.worker_contributions", "result", HealthCareCalc.khr(worker)));
        steps.add(Text.of("step.pen.employer_contributions", "result", HealthCareCalc.khr(employer)));
        long amount = refunded ? Math.addExact(worker, employer) : worker;
        Riel total = HealthCareCalc.khr(amount);
        if (refunded) {
            steps.add(Text.of("step.pen.allowance_both_shares", "param", EMPLOYER_SHARE_REFUNDED, "result", total));
            steps.add(Text.of("step.pen.allowance_both_shares_estimate", "amount", total));
        } else {
            steps.add(Text.of("step.pen.allowance_worker_share", "param", EMPLOYER_SHARE_REFUNDED, "result", total));
            steps.add(Text.of("step.pen.allowance_worker_share_estimate", "employer", HealthCareCalc.khr(employer), "amount", total));
        }
        return BenefitFinding.estimate(rule, e, amount, AmountPeriod.ONCE, steps);
    }

    /** The survivors' pension: the amount is undetermined; the steps show its elements for information (§12 row 2b). */
    public static BenefitFinding survivorsPension(RuleContext k, EventFact e, Collection<?> contributions) {
        return ReadLog.computedOnPension(SURVIVORS_PENSION, Finding.id(k), e, contributions);
    }

    private static final ReadLog.Recipe SURVIVORS_PENSION = PensionCalc::survivorsPensionOf;

    private static BenefitFinding survivorsPensionOf(String rule, EventFact e, Collection<?> contributions) {
        Params p = e.getParams();
        Estimate est = estimate(e, months(e, contributions));
        List<Text> steps = new ArrayList<>();
        if (est != null) {
            steps.addAll(est.steps());
            long minimum = BigDecimal.valueOf(est.pension()).multiply(p.num(SURVIVORS_MIN_RATE)).setScale(0, Money.ROUNDING).longValueExact();
            steps.add(Text.of("step.pen.survivors_minimum", "rate", pct(p.num(SURVIVORS_MIN_RATE)), "pension", HealthCareCalc.khr(est.pension()),
                    "minimum", HealthCareCalc.khr(minimum)));
        }
        steps.add(shares(e));
        Text why = Text.of("undetermined.pen.survivors_pension", "minimumRate", pct(p.num(SURVIVORS_MIN_RATE)), "spouseShare", pct(p.num(SPOUSE_SHARE)),
                "childrenShare", pct(p.num(CHILDREN_SHARE)), "soleShare", pct(p.num(SOLE_GROUP_SHARE)));
        return BenefitFinding.undetermined(rule, e, AmountPeriod.PER_MONTH, null, why, steps);
    }

    /** The survivors' allowance: a lump sum of at least one month of the deceased's pension; undetermined (§6.2). */
    public static BenefitFinding survivorsAllowance(RuleContext k, EventFact e, Collection<?> contributions) {
        return ReadLog.computedOnPension(SURVIVORS_ALLOWANCE, Finding.id(k), e, contributions);
    }

    private static final ReadLog.Recipe SURVIVORS_ALLOWANCE = PensionCalc::survivorsAllowanceOf;

    private static BenefitFinding survivorsAllowanceOf(String rule, EventFact e, Collection<?> contributions) {
        Estimate est = estimate(e, months(e, contributions));
        List<Text> steps = new ArrayList<>();
        if (est != null) {
            steps.addAll(est.steps());
            steps.add(Text.of("step.pen.survivors_allowance_bound", "pension", HealthCareCalc.khr(est.pension())));
        }
        return BenefitFinding.undetermined(rule, e, AmountPeriod.ONCE, null, Text.of("undetermined.pen.survivors_allowance"), steps);
    }

    /**
     * The funerary allowance: max(multiplier × last monthly pension, minimum) (§12 row 2c). With the pension an
     * estimate, the amount is an estimate when the multiple exceeds the minimum, otherwise exactly the minimum.
     */
    public static BenefitFinding funeraryAllowance(RuleContext k, EventFact e, Collection<?> contributions) {
        return ReadLog.computedOnPension(FUNERARY_ALLOWANCE, Finding.id(k), e, contributions);
    }

    private static final ReadLog.Recipe FUNERARY_ALLOWANCE = PensionCalc::funeraryAllowanceOf;

    private static BenefitFinding funeraryAllowanceOf(String rule, EventFact e, Collection<?> contributions) {
        Params p = e.getParams();
        Estimate est = estimate(e, months(e, contributions));
        long minimum = p.num(FUNERARY_MINIMUM).longValueExact();
        BigDecimal multiplier = p.num(FUNERARY_MULTIPLIER);
        if (est == null) {
            List<Text> steps = List.of(Text.of("step.pen.funerary_no_estimate", "result", HealthCareCalc.khr(minimum)));
            return BenefitFinding.amount(rule, e, minimum, AmountPeriod.ONCE, null, steps);
        }
        List<Text> steps = new ArrayList<>(est.steps());
        long multiple = multiplier.multiply(BigDecimal.valueOf(est.pension())).setScale(0, Money.ROUNDING).longValueExact();
        Object[] formula = {"multiplier", multiplier.stripTrailingZeros().toPlainString(), "pension", HealthCareCalc.khr(est.pension()),
                "minimum", HealthCareCalc.khr(minimum)};
        if (multiple > minimum) {
            steps.add(Text.of("step.pen.funerary_multiple", append(formula, "result", HealthCareCalc.khr(multiple))));
            steps.add(Text.of("step.pen.funerary_estimate", "minimum", HealthCareCalc.khr(minimum), "amount", HealthCareCalc.khr(multiple)));
            return BenefitFinding.estimate(rule, e, multiple, AmountPeriod.ONCE, steps);
        }
        steps.add(Text.of("step.pen.funerary_minimum", append(formula, "result", HealthCareCalc.khr(minimum))));
        return BenefitFinding.amount(rule, e, minimum, AmountPeriod.ONCE, null, steps);
    }

    /** The invalidity pension: no formula in the rules reference, so the amount is undetermined (§11 #2, §12 row 2a). */
    public static BenefitFinding invalidityPension(RuleContext k, EventFact e) {
        return ReadLog.computed(INVALIDITY_PENSION, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe INVALIDITY_PENSION = (rule, e, events) -> invalidityPensionOf(rule, e);

    private static BenefitFinding invalidityPensionOf(String rule, EventFact e) {
        List<Text> steps = List.of(
                Text.of("step.pen.paid_months", "month", YearMonth.from(e.getDate()), "result", e.paidBefore(Scheme.PENSION)),
                Text.of("step.pen.invalidity_amount"));
        return BenefitFinding.undetermined(rule, e, AmountPeriod.PER_MONTH, null, Text.of("undetermined.pen.invalidity"), steps);
    }

    /**
     * The funerary allowance on the death of an invalidity pensioner: max(multiplier × last monthly pension, minimum)
     * (§12 row 2c), with the last monthly invalidity pension unknown (§12 row 2a): undetermined, at least the minimum.
     */
    public static BenefitFinding invalidityFuneraryAllowance(RuleContext k, EventFact e) {
        return ReadLog.computed(INVALIDITY_FUNERARY_ALLOWANCE, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe INVALIDITY_FUNERARY_ALLOWANCE = (rule, e, events) -> invalidityFuneraryAllowanceOf(rule, e);

    private static BenefitFinding invalidityFuneraryAllowanceOf(String rule, EventFact e) {
        Params p = e.getParams();
        Riel minimum = HealthCareCalc.khr(p.num(FUNERARY_MINIMUM).longValueExact());
        String multiplier = p.num(FUNERARY_MULTIPLIER).stripTrailingZeros().toPlainString();
        List<Text> steps = List.of(Text.of("step.pen.funerary_invalidity", "multiplier", multiplier, "minimum", minimum));
        return BenefitFinding.undetermined(rule, e, AmountPeriod.ONCE, null,
                Text.of("undetermined.pen.funerary_invalidity", "multiplier", multiplier, "minimum", minimum), steps);
    }

    private static Object[] append(Object[] a, Object... more) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    // ------------------------------------------------------------------ the estimate

    /** One pension contribution month before the event's month. */
    record Month(int index, long base, boolean paid, BigDecimal employerRate, BigDecimal workerRate) { }

    /** The old-age pension estimate with its steps. */
    record Estimate(int paidMonths, long pension, List<Text> steps) { }

    /** @return the pension contribution months before the event's month, ascending */
    static List<Month> months(EventFact e, Collection<?> contributions) {
        int event = ParamTimeline.index(YearMonth.from(e.getDate()));
        TreeMap<Integer, Month> byMonth = new TreeMap<>();
        if (contributions != null) {
            for (Object o : contributions) {
                if (!(o instanceof ContributionFinding c) || !isPension(c) || c.employerRate() == null) continue;
                int to = Math.min(ParamTimeline.index(c.span().getTo()), event - 1);
                for (int m = ParamTimeline.index(c.span().getFrom()); m <= to; m++) {
                    byMonth.put(m, new Month(m, c.base(), c.span().isPaid(), c.employerRate(), c.workerRate()));
                }
            }
        }
        return new ArrayList<>(byMonth.values());
    }

    /**
     * The estimate of the old-age pension on the event's date: accrual rate(n) × reference wage, with n = paid
     * months ÷ 12 (fractional years count), rate(n) = first rate × min(n, first years) + later rate × max(n − first
     * years, 0), and the reference wage the average contributable wage of the last {@value #REFERENCE_MONTHS} months
     * with a contribution due. Rounded once, to the riel, halves up.
     *
     * @return the estimate, or null when no month has a contribution due or a parameter is missing
     */
    static Estimate estimate(EventFact e, List<Month> months) {
        Params p = e.getParams();
        BigDecimal r1 = p.num(FIRST_RATE);
        BigDecimal r2 = p.num(LATER_RATE);
        BigDecimal y1 = p.num(FIRST_YEARS);
        BigDecimal window = p.num(REFERENCE_MONTHS);
        if (months.isEmpty() || r1 == null || r2 == null || y1 == null || window == null) return null;
        int paid = e.paidBefore(Scheme.PENSION);
        List<Month> ref = months.subList(Math.max(0, months.size() - window.intValueExact()), months.size());
        long sum = 0;
        for (Month m : ref) sum = Math.addExact(sum, m.base());
        BigDecimal count = BigDecimal.valueOf(ref.size());
        BigDecimal firstMonths = y1.multiply(MONTHS_PER_YEAR);
        BigDecimal paidMonths = BigDecimal.valueOf(paid);
        BigDecimal early = paidMonths.min(firstMonths);
        BigDecimal late = paidMonths.subtract(firstMonths).max(BigDecimal.ZERO);
        BigDecimal rateTimesTwelve = r1.multiply(early).add(r2.multiply(late)); // rate(n) × 12
        long pension = rateTimesTwelve.multiply(BigDecimal.valueOf(sum)).divide(MONTHS_PER_YEAR.multiply(count), 0, Money.ROUNDING).longValueExact();

        List<Text> steps = new ArrayList<>();
        BigDecimal years = paidMonths.divide(MONTHS_PER_YEAR, 4, RoundingMode.HALF_UP).stripTrailingZeros();
        steps.add(Text.of("step.pen.paid_months", "month", YearMonth.from(e.getDate()), "result", paid));
        steps.add(Text.of("step.pen.years", "paid", paid, "result", years.toPlainString()));
        BigDecimal rate = rateTimesTwelve.divide(MONTHS_PER_YEAR, 8, RoundingMode.HALF_UP);
        BigDecimal lateYears = late.divide(MONTHS_PER_YEAR, 4, RoundingMode.HALF_UP).stripTrailingZeros();
        steps.add(Text.of("step.pen.accrual_rate", "firstRate", pct(r1), "years", years.toPlainString(), "firstYears", y1.stripTrailingZeros().toPlainString(),
                "laterRate", pct(r2), "lateYears", lateYears.toPlainString(), "result", pct(rate)));
        BigDecimal average = BigDecimal.valueOf(sum).divide(count, 2, RoundingMode.HALF_UP);
        Object span = ref.size() > 1
                ? Text.of("text.month_range", "from", ParamTimeline.month(ref.get(0).index()), "to", ParamTimeline.month(ref.get(ref.size() - 1).index()))
                : ParamTimeline.month(ref.get(0).index()).toString();
        steps.add(Text.of("step.pen.reference_wage", "n", ref.size(), "span", span, "window", window.stripTrailingZeros().toPlainString(),
                "result", HealthCareCalc.khr(average.stripTrailingZeros())));
        steps.add(Text.of("step.pen.estimated_pension", "rate", pct(rate), "average", HealthCareCalc.khr(average.stripTrailingZeros()),
                "result", HealthCareCalc.khr(pension)));
        return new Estimate(paid, pension, List.copyOf(steps));
    }

    // ------------------------------------------------------------------ helpers

    /** @return base × rate in whole riel, rounded half up, as on a contribution line */
    private static long share(long base, BigDecimal rate) {
        return rate == null ? 0 : BigDecimal.valueOf(base).multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
    }

    /** @return "1.75 %" */
    static String pct(BigDecimal rate) {
        return rate == null ? "?" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    /** @return the step saying who among the survivors named in the profile would share the survivors' pension, and how */
    private static Text shares(EventFact e) {
        Params p = e.getParams();
        int spouses = e.survivors(Relation.SPOUSE);
        int children = e.survivors(Relation.CHILD);
        Object[] named = {"spouses", spouses, "children", children};
        if (spouses > 0 && children > 0) {
            return Text.of("step.pen.survivors_shares_both", append(named, "spouseShare", pct(p.num(SPOUSE_SHARE)), "childrenShare", pct(p.num(CHILDREN_SHARE))));
        }
        if (spouses > 0) return Text.of("step.pen.survivors_shares_spouse", append(named, "soleShare", pct(p.num(SOLE_GROUP_SHARE))));
        if (children > 0) return Text.of("step.pen.survivors_shares_children", append(named, "soleShare", pct(p.num(SOLE_GROUP_SHARE))));
        return Text.of("step.pen.survivors_shares_none", named);
    }

    // ------------------------------------------------------------------ the record

    /**
     * A pension view of a retirement claim or a death: the event's facts plus the pension facts its messages need.
     * Only ever the subject of the support of an outcome finding (see the class comment); never inserted.
     */
    public static final class Record extends Subject {
        private final EventFact event;
        private final List<Object> contributions;
        /** The facts of the explanation, computed when first shown (the outcome fast path never shows them). */
        private volatile Map<String, String> facts;

        Record(EventFact e, Collection<?> contributions) {
            super(e.getStatus(), e.getEnterpriseWorkers(), e.getAge(), e.getParams());
            this.event = e;
            this.contributions = List.copyOf(contributions);
        }

        private Map<String, String> computeFacts() {
            EventFact e = event;
            Map<String, String> m = e.facts();
            Params p = e.getParams();
            int paid = e.paidBefore(Scheme.PENSION);
            m.put("penPaidMonths", Integer.toString(paid));
            BigDecimal min = p.num(MIN_MONTHS);
            if (min != null) m.put("penMonthsShortfall", Long.toString(Math.max(0, min.longValueExact() - paid)));
            BigDecimal survivorsMin = p.num(SURVIVORS_MIN_MONTHS);
            if (survivorsMin != null) m.put("penSurvivorMonthsShortfall", Long.toString(Math.max(0, survivorsMin.longValueExact() - paid)));
            BigDecimal age = p.num(PENSIONABLE_AGE);
            if (age != null) {
                // the rule sees the age in whole years on the event date, not the birth date: the pensionable age is
                // reached after the event date + (age limit − age − 1) years and at the latest on the event date + (age limit − age) years
                long years = Math.max(0, age.longValueExact() - e.getAge());
                m.put("penAgeReachedBy", e.getDate().plusYears(years).toString());
                m.put("penAgeReachedAfter", e.getDate().plusYears(Math.max(0, years - 1)).toString());
            }
            m.put("penTransitionalPaidMonths", Integer.toString(transitionalPaidMonths(e)));
            BigDecimal invalidityMin = p.num(INVALIDITY_MIN_MONTHS);
            if (event.getKind() == EventKind.INVALIDITY && invalidityMin != null) {
                m.put("penInvalidityMonthsShortfall", Long.toString(Math.max(0, invalidityMin.longValueExact() - paid)));
            }
            Estimate est = estimate(e, months(e, contributions));
            m.put("penEstimate", est == null ? "not computable" : HealthCareCalc.khr(est.pension()).toString());
            if (event.getKind() == EventKind.DEATH) {
                m.put("spouses", Integer.toString(e.survivors(Relation.SPOUSE)));
                m.put("children", Integer.toString(e.survivors(Relation.CHILD)));
            }
            return Map.copyOf(m);
        }

        /** @return the event this record is a view of */
        public EventFact getEvent() { return event; }


        @Override public LocalDate getDate() { return event.getDate(); }

        @Override
        public Map<String, String> facts() {
            Map<String, String> f = facts;
            if (f == null) facts = f = computeFacts();
            Map<String, String> m = new java.util.LinkedHashMap<>(event.facts());
            for (Map.Entry<String, String> en : new TreeMap<>(f).entrySet()) m.putIfAbsent(en.getKey(), en.getValue());
            return m;
        }
    }
}
