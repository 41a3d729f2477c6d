package org.rulesascode.nssf.eligibility;

/** What a {@link Decision} is about: coverage by a scheme, or one benefit of it. */
public enum Benefit {
    /** Whether the person is covered by (registered in) the scheme on the as-of date. */
    COVERAGE,
    /** Health care: medical care at NSSF-contracted facilities (also under the voluntary scheme). */
    MEDICAL_CARE,
    /** Health care: daily allowance during sickness. */
    SICKNESS_ALLOWANCE,
    /** Health care: NSSF maternity daily allowance (70 % for 90 days). */
    MATERNITY_ALLOWANCE,
    /** Labour Law: the employer's 50 % maternity pay (one year of service), shown so the worker sees her whole 120 %. */
    EMPLOYER_MATERNITY_PAY,
    /** The State childbirth allowance paid through NSSF. */
    CHILDBIRTH_ALLOWANCE,
    /** Health care: funeral allowance (exists; amount unknown). */
    FUNERAL_ALLOWANCE,
    /** Occupational risk: temporary-disability daily allowance. */
    TEMPORARY_DISABILITY_ALLOWANCE,
    /** Occupational risk: permanent disability (lump sum below 20 %, pension from 20 %). */
    PERMANENT_DISABILITY,
    /** Occupational risk: constant-attendance supplement for total disability. */
    CONSTANT_ATTENDANCE,
    /** Occupational risk or pension: survivors' pension. */
    SURVIVORS_PENSION,
    /** Occupational risk: funeral grant. */
    FUNERAL_GRANT,
    /** Pension: old-age pension. */
    OLD_AGE_PENSION,
    /** Pension: old-age allowance (lump sum) below the minimum contribution months. */
    OLD_AGE_ALLOWANCE,
    /** Pension: invalidity pension. */
    INVALIDITY_PENSION,
    /** Pension: survivors' allowance (lump sum) when the survivors' pension conditions are not met. */
    SURVIVORS_ALLOWANCE,
    /** Pension: funerary allowance on the death of a pensioner. */
    FUNERARY_ALLOWANCE,
    /** Unemployment benefit (foreseen by the 2019 Law, not in force). */
    UNEMPLOYMENT_BENEFIT,
    /**
     * Voluntary health care: enrolment of the worker's dependants (spouse, children) under Sub-decree 280, judged on
     * the as-of date when the profile declares dependants; the decision has no event date.
     */
    DEPENDANT_ENROLMENT
}
