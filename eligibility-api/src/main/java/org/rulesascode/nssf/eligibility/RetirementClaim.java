package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * A claim for an old-age benefit.
 *
 * @param date date of the claim
 */
public record RetirementClaim(LocalDate date) implements LifeEvent {
    public RetirementClaim {
        InvalidInputException.require(date, "date", "an ISO date YYYY-MM-DD");
        Limits.checkDate(date, "date");
    }
}
