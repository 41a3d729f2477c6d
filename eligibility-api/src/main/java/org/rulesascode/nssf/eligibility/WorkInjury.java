package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * An accident at work, on the direct commute, or an occupational disease.
 *
 * @param date                   date of the accident (or of the diagnosis of the disease)
 * @param commuting              true if it happened on the direct route between home and work
 * @param incapacityDays         days of temporary incapacity (0 to 3,660), or null when unknown
 * @param permanentDegreePercent degree of permanent incapacity in percent (0 to 100), or null when none or unknown
 */
public record WorkInjury(LocalDate date, boolean commuting, Integer incapacityDays, Integer permanentDegreePercent) implements LifeEvent {
    public WorkInjury {
        InvalidInputException.require(date, "date", "an ISO date YYYY-MM-DD");
        Limits.checkDate(date, "date");
        if (incapacityDays != null && (incapacityDays < 0 || incapacityDays > Limits.MAX_DAYS)) {
            throw new InvalidInputException("incapacityDays", "is " + incapacityDays, "a whole number from 0 to " + Limits.MAX_DAYS + ", or absent");
        }
        if (permanentDegreePercent != null && (permanentDegreePercent < 0 || permanentDegreePercent > 100)) {
            throw new InvalidInputException("permanentDegreePercent", "is " + permanentDegreePercent, "a whole number from 0 to 100");
        }
    }
}
