package org.rulesascode.nssf.population;

import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;

/** The reference for {@link PersonResult#toCsvLine()}: the line as it was made before it was made in one pass (the same code). */
final class OldCsvLine {
    private OldCsvLine() { }

    static String of(PersonResult p) {
        StringBuilder sb = new StringBuilder(256);
        PersonResult.Contributions t = p.contributionsTotal();
        long eligible = 0;
        long[] eligibleBy = new long[Benefit.values().length];
        long[] valueBy = new long[Benefit.values().length];
        for (PersonResult.DecisionResult d : p.decisions()) {
            if (d.outcome() == Outcome.ELIGIBLE || d.outcome() == Outcome.COVERED) {
                eligible++;
                eligibleBy[d.benefit().ordinal()]++;
            }
            valueBy[d.benefit().ordinal()] += d.annualValue();
        }
        sb.append(p.line()).append(',').append(org.rulesascode.nssf.population.internal.Csv.quote(p.id())).append(',').append(p.sex()).append(',')
                .append(p.status()).append(',').append(p.sector()).append(',').append(p.ageBand()).append(',').append(org.rulesascode.nssf.population.internal.Csv.quote(p.wageBand())).append(',')
                .append(p.weight() == null ? "1" : Weighted.plain(p.weight())).append(',').append(p.decisions().size()).append(',').append(eligible).append(',').append(p.annualValue()).append(',')
                .append(p.annualValue(Payer.NSSF)).append(',').append(p.annualValue(Payer.EMPLOYER)).append(',').append(p.annualValue(Payer.STATE)).append(',').append(t.total()).append(',').append(t.totalLast12()).append(',')
                .append(t.employerLast12()).append(',').append(t.workerLast12());
        for (Scheme s : Scheme.values()) {
            PersonResult.Contributions c = p.contributions().get(s);
            sb.append(',').append(c == null ? 0 : c.totalLast12());
        }
        for (int i = 0; i < eligibleBy.length; i++) sb.append(',').append(eligibleBy[i]).append(',').append(valueBy[i]);
        if (p.compliance() == null) sb.append(",,,,,");
        else sb.append(',').append(p.compliance().wageBelowMinimum()).append(',').append(p.compliance().unpaidContributions()).append(',')
                .append(p.compliance().lateRegistration()).append(',').append(p.compliance().missingContributions()).append(',')
                .append(p.compliance().benefitsLostUnknown() ? "" : Long.toString(p.compliance().benefitsLost()));
        return sb.toString();
    }
}
