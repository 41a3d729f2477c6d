package org.rulesascode.nssf.population;

import org.rulesascode.nssf.eligibility.Benefit;

/** Who pays a benefit: costs are added up per payer, never into one mixed total. */
public enum Payer {
    /** The National Social Security Fund: every benefit of the schemes, from contributions. */
    NSSF("NSSF"),
    /** The employer: the maternity pay of the Labour Law (half the wage during maternity leave). */
    EMPLOYER("employers (Labour Law maternity pay)"),
    /** The State budget: the childbirth allowance, paid through NSSF. */
    STATE("the State (childbirth allowance, paid through NSSF)");

    private final String label;

    Payer(String label) {
        this.label = label;
    }

    /** @return who pays {@code b}, or null for coverage (not a payment) */
    public static Payer of(Benefit b) {
        return switch (b) {
            case COVERAGE -> null;
            case CHILDBIRTH_ALLOWANCE -> STATE;
            case EMPLOYER_MATERNITY_PAY -> EMPLOYER;
            default -> NSSF;
        };
    }

    /** @return the payer in words, for reports */
    public String label() {
        return label;
    }
}
