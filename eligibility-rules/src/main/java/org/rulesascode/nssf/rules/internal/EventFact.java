package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A life event dated on or before the as-of date, with the parameters in force on its date (the law the benefit is
 * judged under) and what the contribution history says up to the month before it. Immutable.
 */
public final class EventFact extends Subject {
    private final LifeEvent event;
    private final EventKind kind;
    private final Sex sex;
    private final LocalDate employmentStart;
    private final HistoryIndex history;
    private final int month;

    public EventFact(LifeEvent event, EmploymentStatus status, Sex sex, Integer enterpriseWorkers, long age, Params params,
                     LocalDate employmentStart, HistoryIndex history) {
        super(status, enterpriseWorkers, age, params);
        this.event = event;
        this.kind = EventKind.of(event);
        this.sex = sex;
        this.employmentStart = employmentStart;
        this.history = history;
        this.month = ParamTimeline.index(YearMonth.from(event.date()));
    }

    /**
     * Every value of this fact but its owner, its parameter snapshot and its contribution history, for the event
     * memo's key ({@link RuleMemo#eventKey}): the event, its kind and month, the worker's status, enterprise size,
     * age, sex and start of employment. The snapshot and the history are compared by what the rules read of them
     * ({@link ReadLog}). {@code EventMemoKeyTests} fails when a field is added to this class, {@link Subject} or
     * {@link HistoryIndex} without being weighed here.
     */
    List<Object> values() {
        return Arrays.asList(event, kind, month, getStatus(), getEnterpriseWorkers(), getAge(), sex, employmentStart);
    }

    /** @return the contribution history the fact was judged on (for the event memo; reading it notes nothing) */
    HistoryIndex history() { return history; }

    public LifeEvent getEvent() { return event; }
    public EventKind getKind() { return kind; }
    public Sex getSex() { return sex; }
    @Override public LocalDate getDate() { return event.date(); }

    /** @return full years of service with the current employer on the event date, or -1 when the start is unknown or later */
    public long getServiceYears() {
        if (employmentStart == null || employmentStart.isAfter(event.date())) return -1;
        return Period.between(employmentStart, event.date()).getYears();
    }

    /** @return true when the start of employment is known and not after the event */
    public boolean isServiceKnown() { return getServiceYears() >= 0; }

    /** @return consecutive paid months of the scheme ending with the month before the event's month */
    public int paidRun(Scheme scheme) { return history.paidRunBefore(scheme, month); }

    /** @return paid months of the scheme among the {@code window} months before the event's month */
    public int paidIn(Scheme scheme, long window) { return history.paidInWindowBefore(scheme, month, (int) window); }

    /** @return all paid months of the scheme before the event's month */
    public int paidBefore(Scheme scheme) { return history.paidBefore(scheme, month); }

    /** @return average declared wage over the months due among the {@code window} months before the event's month, or null */
    public BigDecimal averageDeclared(Scheme scheme, long window) { return history.averageDeclaredBefore(scheme, month, (int) window); }

    /** @return months with a contribution due among the {@code window} months before the event's month */
    public int dueIn(Scheme scheme, long window) { return history.dueInWindowBefore(scheme, month, (int) window); }

    /** @return average contributable wage over the months due among the {@code window} months before the event's month, or null */
    public BigDecimal averageBase(Scheme scheme, long window) { return history.averageBaseBefore(scheme, month, (int) window); }

    // ---- work injury
    private WorkInjury injury() { return (WorkInjury) event; }
    public boolean isCommuting() { return kind == EventKind.WORK_INJURY && injury().commuting(); }
    /** @return days of temporary incapacity, or -1 when unknown or not an injury */
    public int getIncapacityDays() {
        return kind == EventKind.WORK_INJURY && injury().incapacityDays() != null ? injury().incapacityDays() : -1;
    }
    /** @return degree of permanent incapacity in percent, or -1 when none given or not an injury */
    public int getPermanentDegree() {
        return kind == EventKind.WORK_INJURY && injury().permanentDegreePercent() != null ? injury().permanentDegreePercent() : -1;
    }

    // ---- sickness
    /** @return days of sickness, or -1 when not a sickness */
    public int getSicknessDays() { return kind == EventKind.SICKNESS ? ((Sickness) event).days() : -1; }

    // ---- death
    private Death death() { return (Death) event; }
    public boolean isWorkRelated() { return kind == EventKind.DEATH && death().workRelated(); }
    /** @return the number of survivors with this relation (any age) */
    public int survivors(Relation relation) {
        if (kind != EventKind.DEATH) return 0;
        int n = 0;
        for (Person p : death().survivors()) if (p.relation() == relation) n++;
        return n;
    }
    /** @return the number of survivors with this relation whose age on the date of death is at least {@code minAge}; unknown birth dates do not count */
    public int survivorsAtLeast(Relation relation, long minAge) {
        if (kind != EventKind.DEATH) return 0;
        int n = 0;
        for (Person p : death().survivors()) {
            if (p.relation() == relation && p.birthDate() != null && Period.between(p.birthDate(), event.date()).getYears() >= minAge) n++;
        }
        return n;
    }
    /** @return the number of survivors with this relation younger than {@code maxAge} on the date of death, or disabled; unknown birth dates do not count */
    public int survivorsUnder(Relation relation, long maxAge) {
        if (kind != EventKind.DEATH) return 0;
        int n = 0;
        for (Person p : death().survivors()) {
            if (p.relation() != relation) continue;
            if (p.disabled() || (p.birthDate() != null && Period.between(p.birthDate(), event.date()).getYears() < maxAge)) n++;
        }
        return n;
    }

    // ---- childbirth
    private Childbirth birth() { return (Childbirth) event; }
    public int getBabies() { return kind == EventKind.CHILDBIRTH ? birth().babies() : 0; }
    /** @return weeks of pregnancy, or -1 when unknown or not a childbirth */
    public int getPregnancyWeeks() {
        return kind == EventKind.CHILDBIRTH && birth().pregnancyWeeks() != null ? birth().pregnancyWeeks() : -1;
    }
    public boolean isPregnancyWeeksKnown() { return getPregnancyWeeks() >= 0; }
    public boolean isNotificationKnown() { return kind == EventKind.CHILDBIRTH && birth().notifiedOn() != null; }
    /** @return true when NSSF was notified at least {@code months} months before the delivery */
    public boolean notifiedMonthsBefore(long months) {
        return isNotificationKnown() && !birth().notifiedOn().isAfter(event.date().minusMonths(months));
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("event", kind.name());
        m.put("eventDate", event.date().toString());
        m.put("employmentStatus", getStatus().name());
        m.put("age", Long.toString(getAge()));
        m.put("enterpriseWorkers", getEnterpriseWorkers() == null ? "unknown" : getEnterpriseWorkers().toString());
        if (employmentStart != null) {
            m.put("employmentStart", employmentStart.toString());
            m.put("serviceYears", Long.toString(Math.max(0, getServiceYears())));
        }
        if (kind == EventKind.WORK_INJURY) {
            m.put("commuting", Boolean.toString(isCommuting()));
            m.put("incapacityDays", getIncapacityDays() < 0 ? "unknown" : Integer.toString(getIncapacityDays()));
            m.put("permanentDegree", getPermanentDegree() < 0 ? "none given" : Integer.toString(getPermanentDegree()));
        }
        if (kind == EventKind.SICKNESS) m.put("sicknessDays", Integer.toString(getSicknessDays()));
        if (kind == EventKind.DEATH) {
            m.put("workRelated", Boolean.toString(isWorkRelated()));
            m.put("survivingSpouses", Integer.toString(survivors(Relation.SPOUSE)));
            m.put("survivingChildren", Integer.toString(survivors(Relation.CHILD)));
            m.put("survivingParents", Integer.toString(survivors(Relation.PARENT)));
        }
        if (kind == EventKind.CHILDBIRTH) {
            int run = paidRun(Scheme.HEALTH_CARE);
            m.put("hcPaidRun", Integer.toString(run));
            BigDecimal need = getParams().num("health_care.maternity.qualifying_months");
            BigDecimal window = getParams().num("health_care.maternity.qualifying_window_months");
            if (need != null) m.put("hcRunShortfall", Long.toString(Math.max(0, need.longValue() - run)));
            if (window != null) {
                int in = paidIn(Scheme.HEALTH_CARE, window.longValue());
                m.put("hcPaidInWindow", Integer.toString(in));
                if (need != null) m.put("hcWindowShortfall", Long.toString(Math.max(0, need.longValue() - in)));
            }
            m.put("babies", Integer.toString(getBabies()));
            m.put("pregnancyWeeks", getPregnancyWeeks() < 0 ? "unknown" : Integer.toString(getPregnancyWeeks()));
            m.put("notifiedOn", isNotificationKnown() ? birth().notifiedOn().toString() : "unknown");
        }
        return m;
    }
}
