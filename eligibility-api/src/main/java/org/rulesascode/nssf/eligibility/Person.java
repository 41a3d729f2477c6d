package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;

/**
 * A dependant or survivor of the worker.
 *
 * @param relation  relation to the worker, never null
 * @param birthDate date of birth (1900-01-01 to 2100-12-31), or null when unknown
 * @param disabled  true if disabled or chronically ill (lifts the age limit for children)
 * @param hasIncome true if the person has an occupation or income of her own
 */
public record Person(Relation relation, LocalDate birthDate, boolean disabled, boolean hasIncome) {
    public Person {
        InvalidInputException.require(relation, "relation", "SPOUSE, CHILD, PARENT or OTHER");
        Limits.checkDate(birthDate, "birthDate");
    }
}
