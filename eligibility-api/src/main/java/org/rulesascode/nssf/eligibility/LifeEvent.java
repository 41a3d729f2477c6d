package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * Something that happened to the worker and may open a right to a benefit. Each benefit is judged under the
 * law in force on the event's {@link #date()}; an event dated after the as-of date of a request is ignored.
 * Implementations are immutable records.
 */
public sealed interface LifeEvent permits Childbirth, WorkInjury, Sickness, Death, RetirementClaim, InvalidityClaim {
    /** @return the date the law looks at for this event (delivery, accident, first day of sickness, death, claim,
     *         recognition of invalidity) */
    LocalDate date();
}
