package org.rulesascode.nssf.eligibility;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A run of months of work with one declared wage. Immutable.
 *
 * @param from              first month, inclusive (2008-01 to 2060-12)
 * @param to                last month, inclusive, not before {@code from}
 * @param declaredWage      the monthly wage the employer declared (or, for a self-employed member, may be any
 *                          value: the voluntary contribution is flat)
 * @param paid              whether the contributions of these months were paid
 * @param schemes           the schemes declared for these months; empty means "as the law requires". Compulsory
 *                          schemes are computed from the law whatever this says; it is used to see which voluntary
 *                          schemes the person joined and, later, for compliance findings. Never null.
 * @param enterpriseWorkers number of workers of the enterprise in these months (1 to 1,000,000); null when unknown (it matters only
 *                          before 2018, when enterprises with fewer than 8 workers were not obliged to register)
 * @param employerId        an identifier of the employer (at most 100 characters), or null
 */
public record ContributionPeriod(YearMonth from, YearMonth to, Money declaredWage, boolean paid, Set<Scheme> schemes,
                                 Integer enterpriseWorkers, String employerId) {
    /** First month any history may name. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2008, 1);
    /** Last month any history may name. */
    public static final YearMonth LAST_MONTH = YearMonth.of(2060, 12);

    public ContributionPeriod {
        InvalidInputException.require(from, "from", "a month YYYY-MM from 2008-01 to 2060-12");
        InvalidInputException.require(to, "to", "a month YYYY-MM from 2008-01 to 2060-12");
        checkMonth(from, "from");
        checkMonth(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "(" + to + ") is before from (" + from + ")", "a month not before from");
        }
        InvalidInputException.require(declaredWage, "declaredWage", "an amount in KHR, or in USD with an exchange rate");
        schemes = schemes == null || schemes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(schemes));
        WorkerProfile.checkWorkers(enterpriseWorkers, "enterpriseWorkers");
        if (employerId != null && employerId.length() > Limits.MAX_ID_LENGTH) {
            throw new InvalidInputException("employerId", "is too long (" + employerId.length() + " characters)",
                    "at most " + Limits.MAX_ID_LENGTH + " characters, or absent");
        }
    }

    /** A paid period, schemes as the law requires, enterprise size unknown. */
    public static ContributionPeriod paid(YearMonth from, YearMonth to, Money wage) {
        return new ContributionPeriod(from, to, wage, true, Set.of(), null, null);
    }

    /** @return the number of months in the period */
    public int months() {
        return (int) (to.getYear() * 12L + to.getMonthValue() - (from.getYear() * 12L + from.getMonthValue())) + 1;
    }

    /** @return true if {@code month} falls within the period */
    public boolean contains(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(to);
    }

    static void checkMonth(YearMonth m, String field) {
        if (m.isBefore(FIRST_MONTH) || m.isAfter(LAST_MONTH)) {
            throw new InvalidInputException(field, "is " + m + ", outside the range the rule base covers",
                    "a month from " + FIRST_MONTH + " to " + LAST_MONTH);
        }
    }
}
