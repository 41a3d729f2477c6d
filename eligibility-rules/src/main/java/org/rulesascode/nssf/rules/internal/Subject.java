package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.EmploymentStatus;

import java.time.LocalDate;
import java.util.Map;

/** What a rule judges: the person on the as-of date ({@link CoverageFact}) or a run of history months ({@link SpanFact}). Immutable. */
public abstract class Subject {
    private final EmploymentStatus status;
    private final Integer enterpriseWorkers;
    private final long age;
    private final Params params;
    /** Which profile of a batch this fact belongs to; set once, before the fact is inserted. */
    private int owner;

    protected Subject(EmploymentStatus status, Integer enterpriseWorkers, long age, Params params) {
        this.status = status;
        this.enterpriseWorkers = enterpriseWorkers;
        this.age = age;
        this.params = params;
    }

    // On an event fact, each getter notes its read for the event memo (ReadLog).
    public EmploymentStatus getStatus() {
        if (this instanceof EventFact e) ReadLog.read(e, EventRead.Op.STATUS, null, null, null);
        return status;
    }
    /** @return workers of the enterprise, or null when unknown */
    public Integer getEnterpriseWorkers() {
        if (this instanceof EventFact e) ReadLog.read(e, EventRead.Op.ENTERPRISE_WORKERS, null, null, null);
        return enterpriseWorkers;
    }
    /** @return age in whole years on {@link #getDate()} */
    public long getAge() {
        if (this instanceof EventFact e) ReadLog.read(e, EventRead.Op.AGE, null, null, null);
        return age;
    }

    final EmploymentStatus status() { return status; }
    final Integer enterpriseWorkers() { return enterpriseWorkers; }
    final long age() { return age; }
    public Params getParams() { return params; }

    /** @return the index, in its batch, of the profile this fact belongs to (rules that join facts match on it) */
    public int getOwner() { return owner; }

    /** Tags the fact with its profile's index in the batch; called once, before insertion. */
    void setOwner(int owner) { this.owner = owner; }

    /** @return the date the parameters were read at */
    public abstract LocalDate getDate();

    /** @return a new mutable map of the facts this subject shows, by name, for explanations and messages */
    public abstract Map<String, String> facts();
}
