package org.rulesascode.nssf.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money as declared, in riel or in US dollars with the exchange rate used (riel per dollar).
 * Immutable and thread-safe. {@link #toRiel()} converts with the rounding rule {@link #ROUNDING}: to the
 * nearest whole riel, halves away from zero.
 *
 * @param amount       the amount, never negative, never null
 * @param currency     KHR or USD, never null
 * @param exchangeRate riel per US dollar; required (positive) for USD, must be null for KHR
 */
public record Money(BigDecimal amount, Currency currency, BigDecimal exchangeRate) {
    /** Rounding used when converting to whole riel. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        InvalidInputException.require(amount, "amount", "a number >= 0");
        InvalidInputException.require(currency, "currency", "KHR or USD");
        if (amount.signum() < 0) {
            throw new InvalidInputException("amount", "is negative (" + amount.toPlainString() + ")", "a number >= 0");
        }
        if (currency == Currency.USD) {
            if (exchangeRate == null) {
                throw new InvalidInputException("exchangeRate", "is missing for a USD amount",
                        "the riel-per-dollar rate NSSF used for the month, e.g. 4100");
            }
            if (exchangeRate.signum() <= 0) {
                throw new InvalidInputException("exchangeRate", "must be positive (" + exchangeRate.toPlainString() + ")",
                        "a positive number of riel per US dollar");
            }
        } else if (exchangeRate != null) {
            throw new InvalidInputException("exchangeRate", "is given for a KHR amount", "no exchange rate with KHR");
        }
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
