package org.rulesascode.nssf.eligibility;

/** The period an {@link Entitlement} amount is paid for. */
public enum AmountPeriod { PER_DAY, PER_MONTH, ONCE }
