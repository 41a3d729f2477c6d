package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer for one scheme and benefit, with everything that explains it. Immutable.
 *
 * @param scheme                the scheme
 * @param benefit               the benefit, or {@link Benefit#COVERAGE} for a coverage decision
 * @param outcome               the outcome
 * @param entitlement           the amount, when eligible and relevant; otherwise null
 * @param reasons               every criterion judged, met or not, each with its rule id and citations
 * @param steps                 calculation steps, in order; never null
 * @param provisional           true if any parameter value used is provisional
 * @param provisionalParameters the ids of the provisional parameters used; empty when none
 * @param eventDate             for a benefit, the date of the event it answers (delivery, accident, first day of
 *                              sickness, death, claim): the law of that date applies; null for a coverage decision
 *                              and for a decision judged on the as-of date ({@link Benefit#DEPENDANT_ENROLMENT})
 */
public record Decision(Scheme scheme, Benefit benefit, Outcome outcome, Entitlement entitlement, List<Reason> reasons,
                       List<TraceStep> steps, boolean provisional, List<String> provisionalParameters, LocalDate eventDate) {
    public Decision {
        reasons = List.copyOf(reasons);
        steps = steps == null ? List.of() : List.copyOf(steps);
        provisionalParameters = provisionalParameters == null ? List.of() : List.copyOf(provisionalParameters);
    }

    /** A decision with no event date (a coverage decision). */
    public Decision(Scheme scheme, Benefit benefit, Outcome outcome, Entitlement entitlement, List<Reason> reasons,
                    List<TraceStep> steps, boolean provisional, List<String> provisionalParameters) {
        this(scheme, benefit, outcome, entitlement, reasons, steps, provisional, provisionalParameters, null);
    }

    /** @return this decision without reasons and steps: what {@link Detail#OUTCOMES} returns */
    public Decision outcomesOnly() {
        if (reasons.isEmpty() && steps.isEmpty()) return this;
        return new Decision(scheme, benefit, outcome, entitlement, List.of(), List.of(), provisional, provisionalParameters, eventDate);
    }

    /**
     * @return the value of the entitlement ({@link Entitlement#value()}) when the outcome is {@link Outcome#ELIGIBLE};
     *         null when it is not eligible, has no entitlement or its value cannot be computed
     */
    public Long value() {
        return outcome == Outcome.ELIGIBLE && entitlement != null ? entitlement.value() : null;
    }
}
