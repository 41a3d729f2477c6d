package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated value of one parameter of an engine's rule base (a rate, a ceiling, a qualifying period...), with where it
 * comes from and how sure it is: the parameter audit of {@link EligibilityEngine#parameterAudit()}. A value holds from
 * its date until the next value of the same parameter.
 *
 * @param id          the parameter's id, e.g. {@code pension.contribution.employer_rate}
 * @param description what the parameter is, in English
 * @param unit        its unit: {@code KHR}, {@code USD}, {@code rate} (a fraction), {@code month}, {@code day},
 *                    {@code week}, {@code year}, {@code count}, {@code date}, {@code boolean} or {@code scale}
 * @param from        the first day the value holds
 * @param value       the value as text; {@code none (ended)} when the parameter ends on that day
 * @param confidence  how sure the value is ({@link Confidence#PROVISIONAL} where the sources disagree or are unclear;
 *                    {@link Confidence#REFORM} for a value a reform sets)
 * @param source      the legal source of the value
 * @param note        where the value comes from in more detail (may be empty)
 */
public record ParameterValue(String id, String description, String unit, LocalDate from, String value, Confidence confidence,
                             Citation source, String note) {
    /** Checks the required fields; a null note becomes empty. */
    public ParameterValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description;
        note = note == null ? "" : note;
    }
}
