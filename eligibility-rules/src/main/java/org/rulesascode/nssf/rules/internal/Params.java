package org.rulesascode.nssf.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameter values in force on one day, typed for the rules (DRL reads these getters; it holds no legal
 * literal). Immutable; one instance serves every profile assessed on a date in its interval.
 */
public final class Params {
    public static final String OR_IN_FORCE = "occupational_risk.in_force";
    public static final String OR_EMPLOYER_RATE = "occupational_risk.contribution.employer_rate";
    public static final String OR_WORKER_RATE = "occupational_risk.contribution.worker_rate";
    public static final String OR_ASSUMED_WAGE = "occupational_risk.assumed_wage";
    public static final String HC_IN_FORCE = "health_care.in_force";
    public static final String HC_EMPLOYER_RATE = "health_care.contribution.employer_rate";
    public static final String HC_WORKER_RATE = "health_care.contribution.worker_rate";
    public static final String HC_ASSUMED_WAGE = "health_care.assumed_wage";
    public static final String PENSION_IN_FORCE = "pension.in_force";
    public static final String PENSION_EMPLOYER_RATE = "pension.contribution.employer_rate";
    public static final String PENSION_WORKER_RATE = "pension.contribution.worker_rate";
    public static final String PENSION_FLOOR = "pension.contributable_wage.floor";
    public static final String PENSION_CEILING = "pension.contributable_wage.ceiling";
    public static final String PENSION_AGE_LIMIT = "pension.compulsory_age_limit";
    public static final String VHC_IN_FORCE = "voluntary_health_care.in_force";
    public static final String VHC_FLAT = "voluntary_health_care.contribution.flat_amount";
    public static final String VHC_MAX_JOIN_AGE = "voluntary_health_care.max_join_age";
    public static final String VHC_ABANDONMENT = "voluntary_health_care.abandonment_months";
    public static final String VHC_DUE_DAY = "voluntary_health_care.payment_due_day";
    public static final String UNEMPLOYMENT_IN_FORCE = "unemployment.in_force";
    public static final String PUBLIC_IN_FORCE = "public_employees.in_force";
    public static final String MIN_ENTERPRISE_WORKERS = "registration.min_enterprise_workers";

    /** The snapshot of the timeline this one copies ({@link #forFact}), or this one. */
    private final Params origin;
    private final LocalDate from;
    private final Map<String, Parameter.Entry> entries;

    public Params(LocalDate from, ParameterTree tree) {
        this.origin = this;
        this.from = from;
        Map<String, Parameter.Entry> m = new HashMap<>();
        for (Parameter p : tree.all().values()) {
            Parameter.Entry e = p.at(from);
            if (e != null && e.value() != null) m.put(p.id(), e);
        }
        this.entries = Collections.unmodifiableMap(m);
        orInForce = flagOf(OR_IN_FORCE);
        orEmployerRate = decimal(OR_EMPLOYER_RATE);
        orWorkerRate = decimal(OR_WORKER_RATE);
        orAssumedWage = scaleOf(OR_ASSUMED_WAGE);
        hcInForce = flagOf(HC_IN_FORCE);
        hcEmployerRate = decimal(HC_EMPLOYER_RATE);
        hcWorkerRate = decimal(HC_WORKER_RATE);
        hcAssumedWage = scaleOf(HC_ASSUMED_WAGE);
        pensionInForce = flagOf(PENSION_IN_FORCE);
        pensionEmployerRate = decimal(PENSION_EMPLOYER_RATE);
        pensionWorkerRate = decimal(PENSION_WORKER_RATE);
        pensionFloor = whole(PENSION_FLOOR);
        pensionCeiling = whole(PENSION_CEILING);
        pensionAgeLimit = whole(PENSION_AGE_LIMIT);
        vhcInForce = flagOf(VHC_IN_FORCE);
        vhcFlatAmount = whole(VHC_FLAT);
        vhcMaxJoinAge = whole(VHC_MAX_JOIN_AGE);
        vhcAbandonmentMonths = whole(VHC_ABANDONMENT);
        vhcPaymentDueDay = whole(VHC_DUE_DAY);
        unemploymentInForce = flagOf(UNEMPLOYMENT_IN_FORCE);
        publicEmployeesInForce = flagOf(PUBLIC_IN_FORCE);
        minEnterpriseWorkers = whole(MIN_ENTERPRISE_WORKERS);
    }

    private Params(Params origin) {
        this.origin = origin;
        this.from = origin.from;
        this.entries = origin.entries;
        this.orInForce = origin.orInForce;
        this.orEmployerRate = origin.orEmployerRate;
        this.orWorkerRate = origin.orWorkerRate;
        this.orAssumedWage = origin.orAssumedWage;
        this.hcInForce = origin.hcInForce;
        this.hcEmployerRate = origin.hcEmployerRate;
        this.hcWorkerRate = origin.hcWorkerRate;
        this.hcAssumedWage = origin.hcAssumedWage;
        this.pensionInForce = origin.pensionInForce;
        this.pensionEmployerRate = origin.pensionEmployerRate;
        this.pensionWorkerRate = origin.pensionWorkerRate;
        this.pensionFloor = origin.pensionFloor;
        this.pensionCeiling = origin.pensionCeiling;
        this.pensionAgeLimit = origin.pensionAgeLimit;
        this.vhcInForce = origin.vhcInForce;
        this.vhcFlatAmount = origin.vhcFlatAmount;
        this.vhcMaxJoinAge = origin.vhcMaxJoinAge;
        this.vhcAbandonmentMonths = origin.vhcAbandonmentMonths;
        this.vhcPaymentDueDay = origin.vhcPaymentDueDay;
        this.unemploymentInForce = origin.unemploymentInForce;
        this.publicEmployeesInForce = origin.publicEmployeesInForce;
        this.minEnterpriseWorkers = origin.minEnterpriseWorkers;
    }

    /**
     * @return a copy of this snapshot for one life-event fact: equal to this one (same values, same hash), but its
     *         own object, so that the event memo's read log tells which event's rules read which parameter
     */
    Params forFact() {
        return new Params(origin);
    }

    /** @return the snapshot of the timeline this one copies, or this one */
    Params origin() { return origin; }

    /** Equal to the snapshot it copies and to its other copies (the caches keyed by snapshot see one snapshot). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.origin == origin;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(origin);
    }

    private BigDecimal decimal(String id) {
        Parameter.Entry e = entries.get(id);
        return e == null ? null : e.decimal();
    }

    private Long whole(String id) {
        BigDecimal d = decimal(id);
        return d == null ? null : d.longValueExact();
    }

    private final boolean orInForce;
    private final BigDecimal orEmployerRate;
    private final BigDecimal orWorkerRate;
    private final Scale orAssumedWage;
    private final boolean hcInForce;
    private final BigDecimal hcEmployerRate;
    private final BigDecimal hcWorkerRate;
    private final Scale hcAssumedWage;
    private final boolean pensionInForce;
    private final BigDecimal pensionEmployerRate;
    private final BigDecimal pensionWorkerRate;
    private final Long pensionFloor;
    private final Long pensionCeiling;
    private final Long pensionAgeLimit;
    private final boolean vhcInForce;
    private final Long vhcFlatAmount;
    private final Long vhcMaxJoinAge;
    private final Long vhcAbandonmentMonths;
    private final Long vhcPaymentDueDay;
    private final boolean unemploymentInForce;
    private final boolean publicEmployeesInForce;
    private final Long minEnterpriseWorkers;

    private boolean flagOf(String id) {
        Parameter.Entry e = entries.get(id);
        return e != null && Boolean.TRUE.equals(e.value());
    }

    private Scale scaleOf(String id) {
        Parameter.Entry e = entries.get(id);
        return e == null || !(e.value() instanceof Scale sc) ? null : sc;
    }

    /** Notes a read of a parameter for the event memo ({@link ReadLog}); returns {@code value}. */
    private <T> T read(String id, T value) {
        ReadLog.note(this, id);
        return value;
    }

    /** @return the numeric value of a parameter in force, or null (for rules and calculations of benefits) */
    public BigDecimal num(String id) {
        ReadLog.note(this, id);
        Parameter.Entry e = entries.get(id);
        return e == null || !(e.value() instanceof BigDecimal d) ? null : d;
    }

    /** @return true when the parameter has a value in force */
    public boolean has(String id) { return read(id, entries.containsKey(id)); }

    /** @return true when the boolean parameter is in force and true */
    public boolean flag(String id) {
        ReadLog.note(this, id);
        return flagOf(id);
    }

    /** @return the scale in force, or null */
    public Scale scale(String id) {
        ReadLog.note(this, id);
        return scaleOf(id);
    }

    /** @return every parameter value in force (the memo compares snapshots of two engines by these) */
    Map<String, Parameter.Entry> entries() { return read(ReadLog.ALL, entries); }

    /** @return every parameter value in force, without noting a read (for the memo's own comparisons) */
    Map<String, Parameter.Entry> entriesUnread() { return entries; }

    /** @return the first day of the interval, without noting a read (the event memo's comparisons) */
    LocalDate fromUnread() { return from; }

    /** @return the first day of the interval this snapshot covers */
    public LocalDate getFrom() { return read(ReadLog.ALL, from); }
    /** @return the entry of a parameter in force, or null */
    public Parameter.Entry entry(String id) { return read(id, entries.get(id)); }

    public boolean isOrInForce() { return read(OR_IN_FORCE, orInForce); }
    public BigDecimal getOrEmployerRate() { return read(OR_EMPLOYER_RATE, orEmployerRate); }
    public BigDecimal getOrWorkerRate() { return read(OR_WORKER_RATE, orWorkerRate); }
    public Scale getOrAssumedWage() { return read(OR_ASSUMED_WAGE, orAssumedWage); }
    public boolean isHcInForce() { return read(HC_IN_FORCE, hcInForce); }
    public BigDecimal getHcEmployerRate() { return read(HC_EMPLOYER_RATE, hcEmployerRate); }
    public BigDecimal getHcWorkerRate() { return read(HC_WORKER_RATE, hcWorkerRate); }
    public Scale getHcAssumedWage() { return read(HC_ASSUMED_WAGE, hcAssumedWage); }
    public boolean isPensionInForce() { return read(PENSION_IN_FORCE, pensionInForce); }
    public BigDecimal getPensionEmployerRate() { return read(PENSION_EMPLOYER_RATE, pensionEmployerRate); }
    public BigDecimal getPensionWorkerRate() { return read(PENSION_WORKER_RATE, pensionWorkerRate); }
    public Long getPensionFloor() { return read(PENSION_FLOOR, pensionFloor); }
    public Long getPensionCeiling() { return read(PENSION_CEILING, pensionCeiling); }
    public Long getPensionAgeLimit() { return read(PENSION_AGE_LIMIT, pensionAgeLimit); }
    public boolean isVhcInForce() { return read(VHC_IN_FORCE, vhcInForce); }
    public Long getVhcFlatAmount() { return read(VHC_FLAT, vhcFlatAmount); }
    public Long getVhcMaxJoinAge() { return read(VHC_MAX_JOIN_AGE, vhcMaxJoinAge); }
    public Long getVhcAbandonmentMonths() { return read(VHC_ABANDONMENT, vhcAbandonmentMonths); }
    public Long getVhcPaymentDueDay() { return read(VHC_DUE_DAY, vhcPaymentDueDay); }
    public boolean isUnemploymentInForce() { return read(UNEMPLOYMENT_IN_FORCE, unemploymentInForce); }
    public boolean isPublicEmployeesInForce() { return read(PUBLIC_IN_FORCE, publicEmployeesInForce); }
    public Long getMinEnterpriseWorkers() { return read(MIN_ENTERPRISE_WORKERS, minEnterpriseWorkers); }

    /**
     * @return true when the registration threshold is at most one worker, the smallest enterprise the API accepts:
     *         then every employer must register, whatever its size, and an unknown size does not matter
     */
    public boolean isEveryEmployerRegisters() { return read(MIN_ENTERPRISE_WORKERS, minEnterpriseWorkers != null && minEnterpriseWorkers <= 1); }
}
