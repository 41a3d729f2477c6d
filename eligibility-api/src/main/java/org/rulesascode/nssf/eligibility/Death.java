package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The death of the worker.
 *
 * @param date          date of death
 * @param workRelated   true if caused by an accident at work, on the commute, or an occupational disease
 * @param survivors     the survivors who may claim; never null (empty when none is known); at most 50
 */
public record Death(LocalDate date, boolean workRelated, List<Person> survivors) implements LifeEvent {
    public Death {
        InvalidInputException.require(date, "date", "an ISO date YYYY-MM-DD");
        Limits.checkDate(date, "date");
        WorkerProfile.checkSize(survivors, Limits.MAX_PERSONS, "survivors", "survivors");
        survivors = survivors == null ? List.of() : List.copyOf(survivors);
    }
}
