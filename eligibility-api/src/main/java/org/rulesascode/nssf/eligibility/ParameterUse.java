package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * One parameter value a decision or contribution line used.
 *
 * @param id            parameter id, e.g. {@code pension.contribution.rate}
 * @param value         the value as text (a number, or a description of a scale)
 * @param unit          the unit: KHR, rate (a fraction), month, day, year, count, date
 * @param effectiveFrom the date from which this value holds
 * @param confidence    how sure the rules reference is of it
 * @param source        where the value comes from
 */
public record ParameterUse(String id, String value, String unit, LocalDate effectiveFrom, Confidence confidence, Citation source) {
    /** @return true when the value is provisional */
    public boolean provisional() {
        return confidence == Confidence.PROVISIONAL;
    }
}
