package org.rulesascode.nssf.eligibility;

/** The NSSF schemes the library knows. */
public enum Scheme {
    /** Occupational risk (employment injury), since November 2008. */
    OCCUPATIONAL_RISK,
    /** Health care for employees, since 2016. */
    HEALTH_CARE,
    /** Pension (Sub-decree 32), contributions since October 2022. */
    PENSION,
    /** Voluntary health care for self-employed members (pilot from April 2023, Sub-decree 280 from 14 November 2023). */
    VOLUNTARY_HEALTH_CARE,
    /** Unemployment: foreseen by the 2019 Law, not in force. */
    UNEMPLOYMENT
}
