package org.rulesascode.nssf.eligibility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One criterion of a decision and whether it holds. A reason whose {@code facts} name {@code months} is a note on
 * those months of the history (for example why no contribution line was computed for them); it explains the
 * contribution lines and does not bear on the decision's outcome, which is about the as-of date.
 *
 * @param ruleId     the id of the rule that judged it, e.g. {@code OR-COV-01}
 * @param status     MET, NOT_MET or UNKNOWN
 * @param message    a sentence for a person, in the language asked for
 * @param citations  the legal sources the criterion rests on; never empty
 * @param parameters the parameter values used, with their dates and confidence; never null
 * @param facts      the facts of the profile the criterion looked at, by name, in a stable order; never null
 * @param distance   for a NOT_MET criterion with a numeric distance, how far it is from passing; otherwise null
 */
public record Reason(String ruleId, CriterionStatus status, String message, List<Citation> citations,
                     List<ParameterUse> parameters, Map<String, String> facts, String distance) {
    public Reason {
        citations = List.copyOf(citations);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
