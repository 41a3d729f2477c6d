package org.rulesascode.nssf.population;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;

import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.Money;

/**
 * How amounts are added up in population runs (documented in README, "Population runs").
 *
 * <ul>
 *   <li>The <b>value</b> of an eligible decision with a known amount: {@code ONCE} → the amount; {@code PER_DAY} →
 *       amount × durationDays (undetermined when the number of days is not known); {@code PER_MONTH} → amount ×
 *       durationDays / 30 when the decision has a number of days (the employer's maternity pay: 90 days), otherwise
 *       amount × 12 (a pension: its first year). Rounded to the riel, halves up.</li>
 *   <li>A decision counts in the <b>last year</b> when its event date is within the 12 months ending on the as-of
 *       date: after as-of minus one year, on or before as-of. The <b>annual cost</b> is the sum of the values of
 *       those decisions.</li>
 *   <li><b>Contributions of the last 12 months</b>: the contribution lines of the 12 months ending with the month of
 *       the as-of date (lines exist only for months whose first day is on or before it).</li>
 * </ul>
 */
public final class Valuation {
    private Valuation() { }

    /** Days in a month for a PER_MONTH amount paid for a number of days: {@link Entitlement#DAYS_PER_MONTH}. */
    public static final int DAYS_PER_MONTH = Entitlement.DAYS_PER_MONTH;
    /** Rounding of a PER_MONTH amount paid for a number of days: {@link Money#ROUNDING}. */
    public static final RoundingMode ROUNDING = Money.ROUNDING;
    /** Age bands of the breakdowns (age in whole years on the as-of date). */
    public static final List<String> AGE_BANDS = List.of("under 25", "25-34", "35-44", "45-54", "55-59", "60 and over");

    /**
     * Bands of the current monthly wage (riel) for the breakdowns: cut at 400,000 and 1,200,000 (the floor and the
     * ceiling of the pension contributable wage in 2025), 800,000 between them, and 2,000,000 above; "no wage" when
     * the profile gives none. Presentation only: no rule reads them.
     */
    public static final List<String> WAGE_BANDS = List.of("under 400,000", "400,000 to 799,999", "800,000 to 1,199,999", "1,200,000 to 1,999,999",
            "2,000,000 and over", "no wage");

    /** @return the wage band ({@link #WAGE_BANDS}) of a monthly wage in riel, or "no wage" for null */
    public static String wageBand(Long riel) {
        if (riel == null) return WAGE_BANDS.get(5);
        if (riel < 400_000) return WAGE_BANDS.get(0);
        if (riel < 800_000) return WAGE_BANDS.get(1);
        if (riel < 1_200_000) return WAGE_BANDS.get(2);
        if (riel < 2_000_000) return WAGE_BANDS.get(3);
        return WAGE_BANDS.get(4);
    }

    /** @return the value of the decision (see the class comment), or null when it is not eligible or its amount is undetermined */
    public static Long value(Decision d) {
        return d.value();
    }

    /** @return the value of an entitlement, or null when its amount (or its number of days) is not known */
    public static Long value(Entitlement e) {
        return e == null ? null : e.value();
    }

    /** @return true when {@code event} is within the 12 months ending on {@code asOf} */
    public static boolean lastYear(LocalDate event, LocalDate asOf) {
        return event != null && !event.isAfter(asOf) && event.isAfter(asOf.minusYears(1));
    }

    /** @return true when {@code month} is one of the 12 months ending with the month of {@code asOf} */
    public static boolean last12Months(YearMonth month, LocalDate asOf) {
        return last12Months(month, YearMonth.from(asOf));
    }

    /** @return true when {@code month} is one of the 12 months ending with {@code end} (the as-of month) */
    static boolean last12Months(YearMonth month, YearMonth end) {
        return !month.isAfter(end) && month.isAfter(end.minusMonths(12));
    }

    /** @return a month as a number (year × 12 + month − 1): consecutive months are consecutive numbers */
    static int monthNumber(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /**
     * @param from   the first of consecutive months, as a {@link #monthNumber}
     * @param months how many
     * @param asOf   the as-of date
     * @return how many of those months are among the 12 ending with the as-of month ({@link #last12Months})
     */
    static long inLast12Months(int from, long months, LocalDate asOf) {
        int last = asOf.getYear() * 12 + asOf.getMonthValue() - 1;
        return Math.max(0, Math.min(last, from + months - 1) - Math.max(last - 11, from) + 1);
    }

    /** @return the age band of a person born on {@code birth}, on {@code asOf} */
    public static String ageBand(LocalDate birth, LocalDate asOf) {
        int age = Period.between(birth, asOf).getYears();
        if (age < 25) return AGE_BANDS.get(0);
        if (age < 35) return AGE_BANDS.get(1);
        if (age < 45) return AGE_BANDS.get(2);
        if (age < 55) return AGE_BANDS.get(3);
        if (age < 60) return AGE_BANDS.get(4);
        return AGE_BANDS.get(5);
    }
}
