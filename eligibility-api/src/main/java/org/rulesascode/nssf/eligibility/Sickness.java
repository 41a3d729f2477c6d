package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * An illness (not work-related) that stopped the worker from working.
 *
 * @param date first day of sickness
 * @param days number of days off work (1 to 3,660)
 */
public record Sickness(LocalDate date, int days) implements LifeEvent {
    public Sickness {
        InvalidInputException.require(date, "date", "an ISO date YYYY-MM-DD");
        Limits.checkDate(date, "date");
        if (days < 1 || days > Limits.MAX_DAYS) throw new InvalidInputException("days", "is " + days, "a whole number from 1 to " + Limits.MAX_DAYS);
    }
}
