package org.rulesascode.nssf.eligibility;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What the law requires to be paid to one scheme for one month. Amounts are whole riel; each share is the
 * contributable wage × that party's rate, rounded to the nearest riel, halves up ({@link Money#ROUNDING}), and
 * {@code total = employer + worker}. A flat contribution (voluntary health care) has a null rate.
 *
 * @param month             the contribution month
 * @param scheme            the scheme
 * @param contributableWage the wage the contribution is computed on (assumed wage, clamped wage), in riel; 0 for a flat contribution
 * @param rate              the total rate as a fraction (e.g. 0.008), or null for a flat amount
 * @param employer          the employer's share in riel
 * @param worker            the worker's share in riel
 * @param total             employer + worker, in riel
 * @param paid              whether the history says this month was paid
 * @param provisional       true if any parameter value used is provisional
 * @param ruleId            the rule that computed the line
 * @param citations         the legal sources of the obligation and the rate
 * @param parameters        the parameter values used, with their dates
 */
public record ContributionLine(YearMonth month, Scheme scheme, long contributableWage, BigDecimal rate, long employer,
                               long worker, long total, boolean paid, boolean provisional, String ruleId,
                               List<Citation> citations, List<ParameterUse> parameters) {
    public ContributionLine {
        if (employer < 0 || worker < 0 || total != employer + worker) {
            throw new IllegalArgumentException("inconsistent contribution line " + month + " " + scheme + ": " + employer + " + " + worker + " != " + total);
        }
        citations = List.copyOf(citations);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
