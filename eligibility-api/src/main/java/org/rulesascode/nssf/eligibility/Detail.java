package org.rulesascode.nssf.eligibility;

/**
 * How much of an assessment the caller will read. Whatever the detail, the engine decides the same outcomes,
 * amounts, periods, days and contribution lines: a lower detail only skips work whose result would be thrown away.
 */
public enum Detail {
    /**
     * The whole explained assessment: reasons with messages and citations, calculation steps, parameter uses and
     * compliance findings. The default for single assessments.
     */
    EXPLAINED,
    /**
     * Outcomes, entitlements (amounts, periods, days), the provisional flag and contribution lines only: decisions
     * carry no reasons and no calculation steps, and no compliance findings are computed. For population runs, which
     * read outcomes and amounts for every worker and the explanation for the few whose result changes (assess those
     * again with {@link #DECISIONS}).
     */
    OUTCOMES,
    /**
     * The explained decisions (reasons with messages and citations, calculation steps, parameter uses) and the
     * contribution lines, without compliance findings: the compliance checks, which re-assess corrected histories,
     * do not run. What a comparison reads to say why a worker's result changed; {@link Assessment#withoutCompliance()}
     * of the explained form.
     */
    DECISIONS
}
