package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * An illness (not work-related) that stopped the worker from working.
 *
 * @param date first day of sickness
 * @param days number of days off work (at least 1)
 */
public record Sickness(LocalDate date, int days) implements LifeEvent {
    public Sickness {
        InvalidInputException.require(date, "date", "an ISO date YYYY-MM-DD");
        if (days < 1) throw new InvalidInputException("days", "is " + days, "a whole number >= 1");
    }
}
