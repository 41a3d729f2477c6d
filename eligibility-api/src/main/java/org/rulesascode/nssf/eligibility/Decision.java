package org.rulesascode.nssf.eligibility;

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
 */
public record Decision(Scheme scheme, Benefit benefit, Outcome outcome, Entitlement entitlement, List<Reason> reasons,
                       List<TraceStep> steps, boolean provisional, List<String> provisionalParameters) {
    public Decision {
        reasons = List.copyOf(reasons);
        steps = steps == null ? List.of() : List.copyOf(steps);
        provisionalParameters = provisionalParameters == null ? List.of() : List.copyOf(provisionalParameters);
    }
}
