package org.rulesascode.nssf.eligibility;

import java.util.List;

/**
 * A breach of the law found in the history, with what it costs the worker. Immutable.
 *
 * @param issue                what kind of breach
 * @param ruleId               the rule that found it
 * @param months               the months concerned, e.g. "2024-01 to 2024-06, 2024-09"
 * @param message              a sentence for a person
 * @param citations            the legal sources of the obligation
 * @param parameters           the parameter values used, with their dates
 * @param missingContributions contributions (employer + worker, whole riel) missing over those months, or null when
 *                             they cannot be computed
 * @param costs                what the breach costs the worker, one step each (e.g. the maternity allowance she would
 *                             have had with the wage declared correctly); never null
 * @param provisional          true when a value the finding rests on is provisional: a parameter of its rule, a
 *                             contribution line counted in the missing contributions, or a benefit decision compared in
 *                             its costs
 * @param benefitsLost         what the breach costs the worker in benefits, in whole riel: the value
 *                             ({@link Decision#value()}, e.g. a daily allowance times its days, a monthly pension over its
 *                             first year) of the benefit decisions on her events that differ with the breach corrected,
 *                             corrected minus as declared (a benefit she does not get counts 0); 0 when none differs or
 *                             she has no event; null when the finding computes no corrected history, or when a decision
 *                             that differs has a value that cannot be computed (an undetermined amount)
 */
public record ComplianceFinding(ComplianceIssue issue, String ruleId, String months, String message, List<Citation> citations,
                                List<ParameterUse> parameters, Long missingContributions, List<TraceStep> costs, boolean provisional,
                                Long benefitsLost) {
    public ComplianceFinding {
        citations = List.copyOf(citations);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        costs = costs == null ? List.of() : List.copyOf(costs);
    }

    /** A finding whose cost in benefits is not given ({@link #benefitsLost()} null). */
    public ComplianceFinding(ComplianceIssue issue, String ruleId, String months, String message, List<Citation> citations,
                             List<ParameterUse> parameters, Long missingContributions, List<TraceStep> costs, boolean provisional) {
        this(issue, ruleId, months, message, citations, parameters, missingContributions, costs, provisional, null);
    }

    /** A finding that is provisional when one of its rule's {@code parameters} is. */
    public ComplianceFinding(ComplianceIssue issue, String ruleId, String months, String message, List<Citation> citations,
                             List<ParameterUse> parameters, Long missingContributions, List<TraceStep> costs) {
        this(issue, ruleId, months, message, citations, parameters, missingContributions, costs,
                parameters != null && parameters.stream().anyMatch(ParameterUse::provisional), null);
    }
}
