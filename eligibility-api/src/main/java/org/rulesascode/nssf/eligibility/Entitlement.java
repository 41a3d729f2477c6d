package org.rulesascode.nssf.eligibility;

import java.math.BigDecimal;

/**
 * What an eligible person gets.
 *
 * <p>{@link #value()} adds the amount up over its period, by the rules README states ("How amounts add up"): a
 * {@link AmountPeriod#ONCE} amount once; a {@link AmountPeriod#PER_DAY} amount × its days; a
 * {@link AmountPeriod#PER_MONTH} amount × its days / {@value #DAYS_PER_MONTH} when it is paid for a number of days
 * (the employer's maternity pay for the days of maternity leave), otherwise × {@value #MONTHS_VALUED} (a pension:
 * its first year). The only division is rounded to the nearest riel, halves up ({@link Money#ROUNDING}); products
 * are exact and fail rather than overflow.
 *
 * @param amount              whole riel per period, or null when the law's amount is not known (see {@code undeterminedReason})
 * @param period              per day, per month or once
 * @param durationDays        number of days paid, or null when not limited or not relevant
 * @param estimate            true when the amount is an estimate from a provisional formula, never a legal amount
 * @param undeterminedReason  why the amount is null, otherwise null
 */
public record Entitlement(Long amount, AmountPeriod period, Integer durationDays, boolean estimate, String undeterminedReason) {
    /** Days of the month a {@link AmountPeriod#PER_MONTH} amount paid for a number of days is divided by (the 30-day month of a daily wage). */
    public static final int DAYS_PER_MONTH = 30;
    /** Months a {@link AmountPeriod#PER_MONTH} amount with no number of days is counted for in {@link #value()}: its first year. */
    public static final int MONTHS_VALUED = 12;

    /**
     * The amount added up over its period (see the class comment), in whole riel.
     *
     * @return the value, or null when it cannot be computed: the amount or the period is unknown, or a
     *         {@link AmountPeriod#PER_DAY} amount has no number of days
     * @throws ArithmeticException if the value does not fit in a {@code long}
     */
    public Long value() {
        if (amount == null || period == null) return null;
        long a = amount;
        return switch (period) {
            case ONCE -> a;
            case PER_DAY -> durationDays == null ? null : Math.multiplyExact(a, (long) durationDays);
            case PER_MONTH -> durationDays == null ? Math.multiplyExact(a, (long) MONTHS_VALUED)
                    : BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(durationDays))
                            .divide(BigDecimal.valueOf(DAYS_PER_MONTH), 0, Money.ROUNDING).longValueExact();
        };
    }
}
