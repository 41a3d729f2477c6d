package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Scheme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A run of history months in which nothing the rules look at changes: same declared wage, same paid flag,
 * same parameters (read on each month's first day), same side of every age threshold. Age is the age on the
 * first day of the first month.
 */
public final class SpanFact extends Subject {
    private final YearMonth from;
    private final YearMonth to;
    private final long wage;
    private final boolean paid;
    private final Set<Scheme> declaredSchemes;

    public SpanFact(EmploymentStatus status, Integer enterpriseWorkers, long age, Params params, YearMonth from,
                    YearMonth to, long wage, boolean paid, Set<Scheme> declaredSchemes) {
        super(status, enterpriseWorkers, age, params);
        this.from = from;
        this.to = to;
        this.wage = wage;
        this.paid = paid;
        this.declaredSchemes = declaredSchemes;
    }

    public YearMonth getFrom() { return from; }
    public YearMonth getTo() { return to; }
    /** @return the declared monthly wage in whole riel */
    public long getWage() { return wage; }
    public boolean isPaid() { return paid; }
    /** @return true when the period declares the voluntary health-care scheme (a voluntary scheme is never implied) */
    public boolean isDeclaresVoluntaryHealthCare() {
        return declaredSchemes.contains(Scheme.VOLUNTARY_HEALTH_CARE);
    }
    @Override public LocalDate getDate() { return from.atDay(1); }

    /** @return the schemes the period declares (not a getter: the rules read {@link #isDeclaresVoluntaryHealthCare}) */
    Set<Scheme> declaredSchemes() { return declaredSchemes; }

    /** @return "2022-10 to 2025-05" */
    public String months() {
        return from.equals(to) ? from.toString() : from + " to " + to;
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("months", months());
        m.put("declaredWage", Long.toString(wage));
        m.put("paid", Boolean.toString(paid));
        m.put("employmentStatus", getStatus().name());
        m.put("age", Long.toString(getAge()));
        m.put("enterpriseWorkers", getEnterpriseWorkers() == null ? "unknown" : getEnterpriseWorkers().toString());
        return m;
    }
}
