package org.rulesascode.nssf.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * One rule of an engine's rule base, as the rule itself declares it: for audits (which rules exist, what they cite,
 * which parameters they read), coverage reports and rule catalogues. See {@link EligibilityEngine#rules()}.
 *
 * @param id           the rule's stable id, e.g. {@code HC-MAT-01}; a {@link Reason} names the rule by it
 * @param scheme       the name of a {@link Scheme}, or {@code ALL} for criteria shared by every scheme and for
 *                     compliance checks
 * @param benefit      the benefit the rule decides ({@link Benefit#COVERAGE} for coverage and contributions)
 * @param sentence     what the rule says, in one English sentence
 * @param citations    the legal provisions the rule implements, at least one
 * @param parameterIds the ids of the parameters the rule reads (see {@link EligibilityEngine#parameterAudit()})
 */
public record RuleDescription(String id, String scheme, Benefit benefit, String sentence, List<Citation> citations,
                              List<String> parameterIds) {
    /** Checks that nothing is null and copies the lists. */
    public RuleDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(sentence, "sentence");
        citations = List.copyOf(citations);
        parameterIds = List.copyOf(parameterIds);
    }
}
