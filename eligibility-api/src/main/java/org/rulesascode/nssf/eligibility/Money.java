package org.rulesascode.nssf.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money as declared, in riel or in US dollars with the exchange rate used (riel per dollar).
 * Immutable and thread-safe. {@link #toRiel()} converts with the rounding rule {@link #ROUNDING}: to the
 * nearest whole riel, halves away from zero.
 *
 * <p>Ranges ({@link Limits}): an amount from 0 to {@value Limits#MAX_RIEL} riel, or to 1,000,000 US dollars (at most
 * {@value Limits#MAX_RIEL} riel at any accepted rate); at most {@value Limits#MAX_AMOUNT_DECIMALS} decimal places; an
 * exchange rate from 100 to 100,000 riel per dollar. They are checked before any arithmetic, so a huge or tiny
 * number (such as {@code 1e100000000}) is refused at once.
 *
 * @param amount       the amount, never negative, never null
 * @param currency     KHR or USD, never null
 * @param exchangeRate riel per US dollar; required for USD (100 to 100,000), must be null for KHR
 */
public record Money(BigDecimal amount, Currency currency, BigDecimal exchangeRate) {
    /** Rounding used when converting to whole riel. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        InvalidInputException.require(amount, "amount", "a number >= 0");
        InvalidInputException.require(currency, "currency", "KHR or USD");
        if (amount.signum() < 0) {
            throw new InvalidInputException("amount", "is negative (" + show(amount) + ")", "a number >= 0");
        }
        BigDecimal max = currency == Currency.USD ? Limits.MAX_USD : Limits.MAX_RIEL_DECIMAL;
        String allowed = currency == Currency.USD ? "an amount from 0 to " + Limits.MAX_USD.toPlainString() + " US dollars"
                : "an amount from 0 to " + Limits.MAX_RIEL + " riel";
        if (amount.compareTo(max) > 0) throw new InvalidInputException("amount", "is " + show(amount) + ", too large", allowed);
        if (Limits.decimals(amount) > Limits.MAX_AMOUNT_DECIMALS) {
            throw new InvalidInputException("amount", "is " + show(amount) + ", with too many decimal places",
                    allowed + ", with at most " + Limits.MAX_AMOUNT_DECIMALS + " decimal places");
        }
        if (currency == Currency.USD) {
            if (exchangeRate == null) {
                throw new InvalidInputException("exchangeRate", "is missing for a USD amount",
                        "the riel-per-dollar rate NSSF used for the month, e.g. 4100");
            }
            String rates = "a number of riel per US dollar from " + Limits.MIN_EXCHANGE_RATE + " to " + Limits.MAX_EXCHANGE_RATE
                    + ", with at most " + Limits.MAX_AMOUNT_DECIMALS + " decimal places";
            if (exchangeRate.signum() <= 0) {
                throw new InvalidInputException("exchangeRate", "must be positive (" + show(exchangeRate) + ")", rates);
            }
            if (exchangeRate.compareTo(Limits.MIN_EXCHANGE_RATE) < 0 || exchangeRate.compareTo(Limits.MAX_EXCHANGE_RATE) > 0) {
                throw new InvalidInputException("exchangeRate", "is " + show(exchangeRate) + ", outside the accepted range", rates);
            }
            if (Limits.decimals(exchangeRate) > Limits.MAX_AMOUNT_DECIMALS) {
                throw new InvalidInputException("exchangeRate", "is " + show(exchangeRate) + ", with too many decimal places", rates);
            }
            if (amount.multiply(exchangeRate).compareTo(Limits.MAX_RIEL_DECIMAL) > 0) {
                throw new InvalidInputException("amount", "is " + show(amount) + " US dollars at " + show(exchangeRate)
                        + " riel per dollar, more than " + Limits.MAX_RIEL + " riel", "an amount worth at most " + Limits.MAX_RIEL + " riel");
            }
        } else if (exchangeRate != null) {
            throw new InvalidInputException("exchangeRate", "is given for a KHR amount", "no exchange rate with KHR");
        }
    }

    /**
     * Shows a number that may be huge or tiny without expanding it: plain when short, else in scientific notation,
     * and never more than 40 characters.
     */
    static String show(BigDecimal d) {
        if (d.scale() > -30 && d.scale() < 30 && d.precision() <= 30) return d.toPlainString();
        return Limits.shorten(d.toString(), 40);
    }

    /** @return an amount in riel */
    public static Money khr(long riel) {
        return new Money(BigDecimal.valueOf(riel), Currency.KHR, null);
    }

    /** @return an amount in US dollars converted at {@code rielPerDollar} */
    public static Money usd(BigDecimal dollars, BigDecimal rielPerDollar) {
        return new Money(dollars, Currency.USD, rielPerDollar);
    }

    /** @return the amount in whole riel (USD × exchange rate, rounded half up) */
    public long toRiel() {
        BigDecimal khr = currency == Currency.KHR ? amount : amount.multiply(exchangeRate);
        return khr.setScale(0, ROUNDING).longValueExact();
    }
}
