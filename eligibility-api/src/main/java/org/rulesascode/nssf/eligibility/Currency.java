package org.rulesascode.nssf.eligibility;

/** Currency of an amount in a profile. NSSF computes everything in riel (KHR); a USD wage is converted
 * with the exchange rate given next to it. */
public enum Currency {
    /** Cambodian riel. */
    KHR,
    /** United States dollar: needs an exchange rate (riel per dollar). */
    USD
}
