package org.rulesascode.nssf.rules.internal;

import org.kie.api.definition.type.ClassReactive;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The profile as the compliance rules see it (rules/compliance/*.drl): its sector and the exchange rates its
 * amounts were given with. Inserted once per assessment when compliance findings are asked for; its presence is
 * the gate of every compliance rule, so the counterfactual re-assessments of {@link ComplianceCheck} (which do
 * not insert it) fire none. The sector of the profile applies to every history month, as the employment status
 * does. Immutable, hence class-reactive: its constraints take the span they judge as an argument.
 */
@ClassReactive
public final class ComplianceFact {
    /** Which profile of a batch this fact belongs to; set once, before the fact is inserted. */
    private int owner;

    /** @return the index, in its batch, of the profile this fact belongs to */
    public int getOwner() { return owner; }

    void setOwner(int owner) { this.owner = owner; }

    /** The sector minimum wage of the garment, footwear and travel-goods sectors, in US dollars a month (§10). */
    public static final String MINIMUM_WAGE = "minimum_wage.garment";
    /** The same sectors' minimum wage during probation (§10); null in the years the reference gives none. */
    public static final String PROBATION_MINIMUM_WAGE = "minimum_wage.garment_probation";
    /** The day of the following month by which an employer pays a month's contributions. */
    public static final String PAYMENT_DUE_DAY = "compliance.payment_due_day";

    private final Sector sector;
    private final Money wage;
    private final List<ContributionPeriod> history;
    private final LocalDate asOf;
    private final ParamTimeline timeline;

    public ComplianceFact(WorkerProfile p, LocalDate asOf, ParamTimeline timeline) {
        this.sector = p.sector();
        this.wage = p.wage();
        this.history = p.history();
        this.asOf = asOf;
        this.timeline = timeline;
    }

    public LocalDate getAsOf() { return asOf; }

    /**
     * @return true when the contributions of {@code month} were overdue on the as-of date: the due day of the
     *         following month ({@value #PAYMENT_DUE_DAY}, read on that month's first day) has passed. Without a due
     *         day in force, a month is overdue once the following month has begun.
     */
    public boolean isOverdue(YearMonth month) {
        YearMonth next = month.plusMonths(1);
        BigDecimal day = timeline.at(next.atDay(1)).num(PAYMENT_DUE_DAY);
        LocalDate due = day == null ? next.atDay(1).minusDays(1) : next.atDay((int) Math.min(day.longValueExact(), next.lengthOfMonth()));
        return asOf.isAfter(due);
    }

    /** @return the last month of the span whose contributions were overdue on the as-of date, or null when none */
    public YearMonth lastOverdue(SpanFact s) {
        YearMonth last = null;
        for (YearMonth m = s.getFrom(); !m.isAfter(s.getTo()) && isOverdue(m); m = m.plusMonths(1)) last = m;
        return last;
    }

    public Sector getSector() { return sector; }

    /** @return true for the garment, footwear and travel-goods sectors, which have a sector minimum wage */
    public boolean isSectorMinimumWage() { return sector.hasSectorMinimumWage(); }

    /**
     * The riel-per-dollar rate to convert the US-dollar minimum wage for the span's months: the rate of the span's
     * own declared wage when it was declared in dollars (the rate NSSF used for those months), otherwise the rate of
     * the profile's wage when it is given in dollars.
     *
     * @return the rate, or null when the profile gives none
     */
    public BigDecimal rateFor(SpanFact s) {
        for (ContributionPeriod c : history) {
            if (c.contains(s.getFrom())) {
                if (c.declaredWage().currency() == Currency.USD) return c.declaredWage().exchangeRate();
                break;
            }
        }
        return wage != null && wage.currency() == Currency.USD ? wage.exchangeRate() : null;
    }

    /** @return "declared wage" when the span's own rate is used, "profile wage" when the profile's, or null */
    public String rateOrigin(SpanFact s) {
        for (ContributionPeriod c : history) {
            if (c.contains(s.getFrom())) {
                if (c.declaredWage().currency() == Currency.USD) return "declared wage";
                break;
            }
        }
        return wage != null && wage.currency() == Currency.USD ? "profile wage" : null;
    }

    /** @return true when an exchange rate is known for the span's months */
    public boolean knowsRate(SpanFact s) { return rateFor(s) != null; }

    /** @return the sector's regular minimum wage in force for the span, in whole riel at {@link #rateFor}, or null */
    public Long minimumRiel(SpanFact s) {
        return riel(s.getParams().num(MINIMUM_WAGE), rateFor(s));
    }

    /** @return the sector's probation minimum wage in force for the span, in whole riel at {@link #rateFor}, or null when none is known */
    public Long probationRiel(SpanFact s) {
        return riel(s.getParams().num(PROBATION_MINIMUM_WAGE), rateFor(s));
    }

    /** @return dollars × rate, to the nearest riel, halves up ({@link Money#ROUNDING}), or null when either is unknown */
    static Long riel(BigDecimal usd, BigDecimal rate) {
        if (usd == null || rate == null) return null;
        return usd.multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
    }
}
