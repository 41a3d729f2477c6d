package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * A delivery.
 *
 * @param date            date of delivery
 * @param babies          number of babies born (1 to 3; more is accepted and treated as triplets where the law stops there)
 * @param pregnancyWeeks  weeks of pregnancy at delivery, or null when unknown
 * @param notifiedOn      date the worker notified NSSF of the pregnancy, or null when unknown
 */
public record Childbirth(LocalDate date, int babies, Integer pregnancyWeeks, LocalDate notifiedOn) implements LifeEvent {
    public Childbirth {
        InvalidInputException.require(date, "date", "an ISO date YYYY-MM-DD");
        Limits.checkDate(date, "date");
        if (babies < 1 || babies > 9) throw new InvalidInputException("babies", "is " + babies, "a whole number from 1 to 9");
        if (pregnancyWeeks != null && (pregnancyWeeks < 1 || pregnancyWeeks > 45)) {
            throw new InvalidInputException("pregnancyWeeks", "is " + pregnancyWeeks, "weeks from 1 to 45, or absent");
        }
        Limits.checkDate(notifiedOn, "notifiedOn");
    }
}
