package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * A claim for the invalidity pension of the pension scheme: the worker's invalidity is recognised or claimed on
 * {@code date}. The rules reference knows only two conditions (under the pensionable age, and 60 months of pension
 * contributions); the degree of incapacity the pension requires is unknown, so the event carries no degree.
 *
 * @param date the date the invalidity is recognised or claimed
 */
public record InvalidityClaim(LocalDate date) implements LifeEvent {
    public InvalidityClaim {
        InvalidInputException.require(date, "date", "an ISO date YYYY-MM-DD");
        Limits.checkDate(date, "date");
    }
}
