package org.rulesascode.nssf.eligibility;

/**
 * What an eligible person gets.
 *
 * @param amount              whole riel per period, or null when the law's amount is not known (see {@code undeterminedReason})
 * @param period              per day, per month or once
 * @param durationDays        number of days paid, or null when not limited or not relevant
 * @param estimate            true when the amount is an estimate from a provisional formula, never a legal amount
 * @param undeterminedReason  why the amount is null, otherwise null
 */
public record Entitlement(Long amount, AmountPeriod period, Integer durationDays, boolean estimate, String undeterminedReason) {
}
