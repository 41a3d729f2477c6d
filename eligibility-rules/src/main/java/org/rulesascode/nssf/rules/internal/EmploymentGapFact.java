package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run of months of employment with the current employer that the history does not declare, between the month of
 * the employment start and the first declared month on or after it, cut (like {@link SpanFact}s) where parameters
 * change, so each has one set of parameters. Being a {@link Subject}, the registration rules (REG-01..04) judge
 * whether the employer had to register the worker in these months; the compliance rules then decide whether they
 * were registered late. Only months from 2008-01 (the first month a history may name) are cut. Immutable.
 */
public final class EmploymentGapFact extends Subject {
    private final YearMonth from;
    private final YearMonth to;
    private final LocalDate employmentStart;
    private final YearMonth firstDeclared;
    private final Money firstWage;

    public EmploymentGapFact(EmploymentStatus status, Integer enterpriseWorkers, long age, Params params, YearMonth from, YearMonth to,
                             LocalDate employmentStart, YearMonth firstDeclared, Money firstWage) {
        super(status, enterpriseWorkers, age, params);
        this.from = from;
        this.to = to;
        this.employmentStart = employmentStart;
        this.firstDeclared = firstDeclared;
        this.firstWage = firstWage;
    }

    public YearMonth getFrom() { return from; }
    public YearMonth getTo() { return to; }
    public LocalDate getEmploymentStart() { return employmentStart; }
    /** @return the first history month on or after the month of the employment start */
    public YearMonth getFirstDeclared() { return firstDeclared; }
    /** @return the declared wage of {@link #getFirstDeclared()} */
    public Money getFirstWage() { return firstWage; }

    /**
     * @return true when the first declared month comes after the month following the month of the employment start.
     *         A declaration starting in the month after the start is not judged late: a worker who starts late in a
     *         month may lawfully be declared with the next month, and a new enterprise has days of its own to register.
     */
    public boolean isDeclarationLate() {
        return ParamTimeline.index(firstDeclared) - ParamTimeline.index(YearMonth.from(employmentStart)) > 1;
    }

    @Override public LocalDate getDate() { return from.atDay(1); }

    /** @return "2024-01 to 2024-03" */
    public String months() {
        return from.equals(to) ? from.toString() : from + " to " + to;
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("months", months());
        m.put("employmentStart", employmentStart.toString());
        m.put("firstDeclared", firstDeclared.toString());
        m.put("employmentStatus", getStatus().name());
        m.put("enterpriseWorkers", getEnterpriseWorkers() == null ? "unknown" : getEnterpriseWorkers().toString());
        return m;
    }
}
