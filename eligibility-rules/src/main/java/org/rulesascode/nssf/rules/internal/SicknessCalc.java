package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Sickness allowance, the 180-days-in-12-months count, the health-care funeral allowance (amount undetermined) and
 * the voluntary scheme's abandonment count for an event, called from rule conditions and consequences. Every legal
 * number comes from the parameters in force on the event's date; every step of an amount is recorded. Rounding as
 * {@link HealthCareCalc}: the per-day amount to the nearest riel, halves up ({@link Money#ROUNDING}).
 */
public final class SicknessCalc {
    public static final String SIC_RATE = "health_care.sickness.allowance_rate";
    public static final String SIC_MAX_DAYS = "health_care.sickness.max_days";
    public static final String SIC_WINDOW = "health_care.sickness.max_days_window_months";
    /**
     * How far back (in months) the voluntary-scheme history is searched for its first month: a century, more than
     * the whole span the rule base covers (2008-2060). Not a legal number.
     */
    static final int MAX_LOOKBACK_MONTHS = 1200;

    private SicknessCalc() { }

    // ------------------------------------------------------------------ sickness: days in the 12-month period

    /**
     * Days of the profile's other sicknesses, begun strictly before this one, that fall within the period of
     * {@value #SIC_WINDOW} months before its first day (each day counted once, overlapping sicknesses included).
     * The profile does not say which earlier days were paid: every day of sickness is counted, so the result is an
     * upper bound of the allowance days already used. A sickness that starts on the same day is not counted.
     *
     * @param events the event facts of the session (others than sicknesses are ignored)
     */
    public static int daysUsedBefore(EventFact e, Collection<?> events) {
        long window = e.getParams().num(SIC_WINDOW).longValueExact();
        LocalDate end = e.getDate();                 // exclusive
        LocalDate start = end.minusMonths(window);   // inclusive
        BitSet days = new BitSet();
        for (Object o : events) {
            if (!(o instanceof EventFact s) || s == e || s.getKind() != EventKind.SICKNESS) continue;
            if (!s.getDate().isBefore(end)) continue;
            LocalDate from = s.getDate().isBefore(start) ? start : s.getDate();
            LocalDate to = s.getDate().plusDays(s.getSicknessDays()); // exclusive
            if (to.isAfter(end)) to = end;
            if (!from.isBefore(to)) continue;
            days.set((int) ChronoUnit.DAYS.between(start, from), (int) ChronoUnit.DAYS.between(start, to));
        }
        return days.cardinality();
    }

    /** @return allowance days left in the period: the maximum less the days used before, never below zero */
    public static int daysLeft(EventFact e, Collection<?> events) {
        int max = e.getParams().num(SIC_MAX_DAYS).intValueExact();
        return Math.max(0, max - daysUsedBefore(e, events));
    }

    private static final EventRead.Fn HAS_DAYS_LEFT = (e, arg, events) -> {
        return daysLeft(e, events) > 0;
    };

    /** @return true when some allowance day is left in the period (for rule conditions) */
    public static boolean hasDaysLeft(EventFact e, Collection<?> events) {
        return (Boolean) ReadLog.call(HAS_DAYS_LEFT, e, null, events);
    }

    /**
     * The sickness allowance: rate × the daily wage of §12 row 4b ({@link HealthCareCalc#dailyWage}) per day, for
     * the days of sickness up to the days left in the period. Undetermined when no month of the reference period
     * had a health-care contribution due (the daily wage has no wage to average).
     */
    public static BenefitFinding sicknessAllowance(RuleContext k, EventFact e, Collection<?> events) {
        return ReadLog.computed(SICKNESS_ALLOWANCE, Finding.id(k), e, events);
    }

    /** Recomputed with the worker's event facts: the days used count her other sicknesses only, whatever else they hold. */
    private static final ReadLog.Recipe SICKNESS_ALLOWANCE = (rule, e, events) -> sicknessAllowanceOf(rule, e, events);

    private static BenefitFinding sicknessAllowanceOf(String k, EventFact e, Collection<?> events) {
        Params p = e.getParams();
        long months = p.num(HealthCareCalc.DW_MONTHS).longValueExact();
        if (e.averageDeclared(Scheme.HEALTH_CARE, months) == null) {
            return BenefitFinding.undetermined(k, e, AmountPeriod.PER_DAY, Text.of("undetermined.hc.sickness_no_wage", "months", months));
        }
        List<Text> steps = new ArrayList<>();
        BigDecimal daily = HealthCareCalc.dailyWage(e, steps);
        BigDecimal rate = p.num(SIC_RATE);
        long perDay = daily.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
        steps.add(Text.of("step.hc.sickness_per_day", "rate", rate.stripTrailingZeros().toPlainString(), "result", HealthCareCalc.khr(perDay)));
        int max = p.num(SIC_MAX_DAYS).intValueExact();
        long window = p.num(SIC_WINDOW).longValueExact();
        int used = daysUsedBefore(e, events);
        int left = Math.max(0, max - used);
        int days = Math.min(e.getSicknessDays(), left);
        steps.add(Text.of("step.hc.sickness_days_before", "from", e.getDate().minusMonths(window), "date", e.getDate(), "used", used));
        steps.add(Text.of("step.hc.sickness_days_left", "max", max, "window", window, "used", used, "left", left));
        steps.add(Text.of("step.hc.sickness_days_paid", "sick", e.getSicknessDays(), "left", left, "days", days));
        steps.add(Text.of("step.hc.sickness_in_all", "perDay", HealthCareCalc.khr(perDay), "days", days, "result", HealthCareCalc.khr(Math.multiplyExact(perDay, (long) days))));
        return BenefitFinding.amount(k, e, perDay, AmountPeriod.PER_DAY, days, steps);
    }

    // ------------------------------------------------------------------ funeral allowance

    /** The health-care funeral allowance exists, but no source gives its amount. */
    public static BenefitFinding funeralAllowance(RuleContext k, EventFact e) {
        return ReadLog.computed(FUNERAL_ALLOWANCE, Finding.id(k), e, null);
    }

    private static final ReadLog.Recipe FUNERAL_ALLOWANCE = (rule, e, events) -> funeralAllowanceOf(rule, e);

    private static BenefitFinding funeralAllowanceOf(String k, EventFact e) {
        return BenefitFinding.undetermined(k, e, AmountPeriod.ONCE, Text.of("undetermined.hc.funeral_allowance"));
    }

    // ------------------------------------------------------------------ voluntary scheme: abandonment before the event

    /**
     * The longest run of consecutive months without a paid voluntary health-care contribution, between the first and
     * the last month with a voluntary contribution due before the event's month (a gap between them counts as
     * unpaid), as {@link Assessor} counts it on the as-of date for the coverage decision: the month just before the
     * event's month counts as unpaid only once its payment is overdue on the event date (payment due day of the
     * following month, {@code voluntary_health_care.payment_due_day}). Rebuilt from the event's window counts.
     */
    public static int vhcLongestUnpaidRun(EventFact e) {
        Scheme s = Scheme.VOLUNTARY_HEALTH_CARE;
        int total = e.dueIn(s, MAX_LOOKBACK_MONTHS);
        if (total == 0) return 0;
        int lo = 1;
        int hi = MAX_LOOKBACK_MONTHS;
        while (lo < hi) { // the shortest look-back holding every due month: its last month is the first due month
            int mid = (lo + hi) >>> 1;
            if (e.dueIn(s, mid) == total) hi = mid; else lo = mid + 1;
        }
        int span = lo;
        boolean[] due = new boolean[span + 1];  // [j]: the month j months before the event's month
        boolean[] paid = new boolean[span + 1];
        int prevDue = 0;
        int prevPaid = 0;
        for (int j = 1; j <= span; j++) {
            int d = e.dueIn(s, j);
            int pd = e.paidIn(s, j);
            due[j] = d > prevDue;
            paid[j] = pd > prevPaid;
            prevDue = d;
            prevPaid = pd;
        }
        int last = 1;
        while (!due[last]) last++;
        Long dueDay = e.getParams().getVhcPaymentDueDay();
        YearMonth eventMonth = YearMonth.from(e.getDate());
        boolean lastMonthOverdue = dueDay == null
                || e.getDate().isAfter(eventMonth.atDay((int) Math.min(dueDay, eventMonth.lengthOfMonth())));
        int longest = 0;
        int run = 0;
        for (int j = span; j >= last; j--) { // oldest first
            boolean overdue = j > 1 || lastMonthOverdue;
            if (paid[j] || !overdue) {
                run = 0;
            } else {
                run++;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    private static final EventRead.Fn VHC_ABANDONED = (e, arg, events) -> {
        Long limit = e.getParams().getVhcAbandonmentMonths();
        return limit != null && vhcLongestUnpaidRun(e) > limit;
    };

    /** @return true when the member went more than the abandonment months without paying before the event (voluntary abandonment) */
    public static boolean vhcAbandoned(EventFact e) {
        return (Boolean) ReadLog.call(VHC_ABANDONED, e, null, null);
    }
}
