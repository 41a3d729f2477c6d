package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One question to the engine: what is this worker entitled to on this date. Immutable.
 *
 * @param profile the worker, required
 * @param asOf    the date of the assessment: facts dated after it are ignored; 2008-01-01 to 2060-12-31
 * @param schemes the schemes to assess; empty (or null) means all
 */
public record AssessmentRequest(WorkerProfile profile, LocalDate asOf, Set<Scheme> schemes) {
    /** Earliest as-of date accepted. */
    public static final LocalDate FIRST_DATE = LocalDate.of(2008, 1, 1);
    /** Latest as-of date accepted. */
    public static final LocalDate LAST_DATE = LocalDate.of(2060, 12, 31);

    public AssessmentRequest {
        InvalidInputException.require(profile, "profile", "a worker profile");
        InvalidInputException.require(asOf, "asOf", "an ISO date from 2008-01-01 to 2060-12-31");
        if (asOf.isBefore(FIRST_DATE) || asOf.isAfter(LAST_DATE)) {
            throw new InvalidInputException("asOf", "is " + asOf + ", outside the range the rule base covers", "a date from 2008-01-01 to 2060-12-31");
        }
        if (asOf.isBefore(profile.birthDate())) {
            throw new InvalidInputException("asOf", "(" + asOf + ") is before the worker's birth date (" + profile.birthDate() + ")", "a date on or after the birth date");
        }
        schemes = schemes == null || schemes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(schemes));
    }

    /** A request for all schemes. */
    public static AssessmentRequest of(WorkerProfile profile, LocalDate asOf) {
        return new AssessmentRequest(profile, asOf, Set.of());
    }

    /**
     * @return the profile's life events dated after the as-of date, in the profile's order: the events an
     *         assessment of this request ignores ({@link Assessment#ignoredEvents()})
     */
    public List<LifeEvent> eventsAfterAsOf() {
        List<LifeEvent> after = null;
        for (LifeEvent e : profile.events()) {
            if (!e.date().isAfter(asOf)) continue;
            if (after == null) after = new java.util.ArrayList<>(2);
            after.add(e);
        }
        return after == null ? List.of() : List.copyOf(after);
    }

    /** @return true if {@code scheme} is asked for */
    public boolean includes(Scheme scheme) {
        return schemes.isEmpty() || schemes.contains(scheme);
    }
}
