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
import java.util.Collection;
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
    /**
     * The worker's pension contributions (the contribution findings {@link PensionCalc#isPension} accepts), the same
     * the pension rules collect from the session: what the event memo computes their calculations on for a later
     * worker. Empty unless set.
     */
    private List<ContributionFinding> pension = List.of();

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

    /** @return the kind of event, without noting a read (the event memo's key) */
    EventKind kindUnread() { return kind; }

    /** Sets the worker's pension contributions (before the fact is judged or looked up). */
    void setPensionContributions(List<ContributionFinding> contributions) { this.pension = List.copyOf(contributions); }

    /** @return the worker's pension contributions, without noting a read (the event memo computes on them) */
    List<ContributionFinding> pensionUnread() { return pension; }

    private void read(EventRead.Op op) { ReadLog.read(this, op, null, null, null); }
    private void read(EventRead.Op op, Object a) { ReadLog.read(this, op, a, null, null); }
    private void read(EventRead.Op op, Object a, Object b) { ReadLog.read(this, op, a, b, null); }

    // Every public accessor notes its read (ReadLog) and has its case in value(): the event memo evaluates on a later
    // worker's facts what the rules read of these.

    public LifeEvent getEvent() { read(EventRead.Op.EVENT); return event; }
    public EventKind getKind() { read(EventRead.Op.KIND); return kind; }
    public Sex getSex() { read(EventRead.Op.SEX); return sex; }
    @Override public LocalDate getDate() { read(EventRead.Op.DATE); return event.date(); }

    /** @return full years of service with the current employer on the event date, or -1 when the start is unknown or later */
    public long getServiceYears() { read(EventRead.Op.SERVICE_YEARS); return serviceYears(); }

    private long serviceYears() {
        if (employmentStart == null || employmentStart.isAfter(event.date())) return -1;
        return Period.between(employmentStart, event.date()).getYears();
    }

    /** @return true when the start of employment is known and not after the event */
    public boolean isServiceKnown() { read(EventRead.Op.SERVICE_KNOWN); return serviceYears() >= 0; }

    /** @return consecutive paid months of the scheme ending with the month before the event's month */
    public int paidRun(Scheme scheme) { read(EventRead.Op.PAID_RUN, scheme); return history.paidRunBefore(scheme, month); }

    /** @return true when the consecutive paid months of the scheme before the event's month are at least {@code months} (false when it is null) */
    public boolean paidRunAtLeast(Scheme scheme, BigDecimal months) {
        read(EventRead.Op.PAID_RUN_AT_LEAST, scheme, months);
        return months != null && BigDecimal.valueOf(history.paidRunBefore(scheme, month)).compareTo(months) >= 0;
    }

    /** @return true when the consecutive paid months of the scheme before the event's month are fewer than {@code months} (false when it is null) */
    public boolean paidRunBelow(Scheme scheme, BigDecimal months) {
        read(EventRead.Op.PAID_RUN_BELOW, scheme, months);
        return months != null && BigDecimal.valueOf(history.paidRunBefore(scheme, month)).compareTo(months) < 0;
    }

    /** @return paid months of the scheme among the {@code window} months before the event's month */
    public int paidIn(Scheme scheme, long window) { read(EventRead.Op.PAID_IN, scheme, window); return history.paidInWindowBefore(scheme, month, (int) window); }

    /**
     * @return true when the paid months of the scheme among the {@code window} months before the event's month are
     *         at least {@code months} (false when it is null); the window is taken in whole months, as {@link #paidIn}
     */
    public boolean paidInAtLeast(Scheme scheme, BigDecimal window, BigDecimal months) {
        ReadLog.read(this, EventRead.Op.PAID_IN_AT_LEAST, scheme, window, months);
        return months != null && BigDecimal.valueOf(history.paidInWindowBefore(scheme, month, (int) window.longValue())).compareTo(months) >= 0;
    }

    /** @return true when the paid months of the scheme among the {@code window} months before the event's month are fewer than {@code months} (false when it is null) */
    public boolean paidInBelow(Scheme scheme, BigDecimal window, BigDecimal months) {
        ReadLog.read(this, EventRead.Op.PAID_IN_BELOW, scheme, window, months);
        return months != null && BigDecimal.valueOf(history.paidInWindowBefore(scheme, month, (int) window.longValue())).compareTo(months) < 0;
    }

    /** @return all paid months of the scheme before the event's month */
    public int paidBefore(Scheme scheme) { read(EventRead.Op.PAID_BEFORE, scheme); return history.paidBefore(scheme, month); }

    /** @return average declared wage over the months due among the {@code window} months before the event's month, or null */
    public BigDecimal averageDeclared(Scheme scheme, long window) { read(EventRead.Op.AVERAGE_DECLARED, scheme, window); return history.averageDeclaredBefore(scheme, month, (int) window); }

    /** @return months with a contribution due among the {@code window} months before the event's month */
    public int dueIn(Scheme scheme, long window) { read(EventRead.Op.DUE_IN, scheme, window); return history.dueInWindowBefore(scheme, month, (int) window); }

    /** @return average contributable wage over the months due among the {@code window} months before the event's month, or null */
    public BigDecimal averageBase(Scheme scheme, long window) { read(EventRead.Op.AVERAGE_BASE, scheme, window); return history.averageBaseBefore(scheme, month, (int) window); }

    // ---- work injury
    private WorkInjury injury() { return (WorkInjury) event; }
    public boolean isCommuting() { read(EventRead.Op.COMMUTING); return commuting(); }
    private boolean commuting() { return kind == EventKind.WORK_INJURY && injury().commuting(); }
    /** @return days of temporary incapacity, or -1 when unknown or not an injury */
    public int getIncapacityDays() { read(EventRead.Op.INCAPACITY_DAYS); return incapacityDays(); }
    private int incapacityDays() {
        return kind == EventKind.WORK_INJURY && injury().incapacityDays() != null ? injury().incapacityDays() : -1;
    }
    /** @return degree of permanent incapacity in percent, or -1 when none given or not an injury */
    public int getPermanentDegree() { read(EventRead.Op.PERMANENT_DEGREE); return permanentDegree(); }
    private int permanentDegree() {
        return kind == EventKind.WORK_INJURY && injury().permanentDegreePercent() != null ? injury().permanentDegreePercent() : -1;
    }

    // ---- sickness
    /** @return days of sickness, or -1 when not a sickness */
    public int getSicknessDays() { read(EventRead.Op.SICKNESS_DAYS); return sicknessDays(); }
    private int sicknessDays() { return kind == EventKind.SICKNESS ? ((Sickness) event).days() : -1; }

    // ---- death
    private Death death() { return (Death) event; }
    public boolean isWorkRelated() { read(EventRead.Op.WORK_RELATED); return workRelated(); }
    private boolean workRelated() { return kind == EventKind.DEATH && death().workRelated(); }
    /** @return the number of survivors with this relation (any age) */
    public int survivors(Relation relation) { read(EventRead.Op.SURVIVORS, relation); return survivorsOf(relation); }
    private int survivorsOf(Relation relation) {
        if (kind != EventKind.DEATH) return 0;
        int n = 0;
        for (Person p : death().survivors()) if (p.relation() == relation) n++;
        return n;
    }
    /** @return the number of survivors with this relation whose age on the date of death is at least {@code minAge}; unknown birth dates do not count */
    public int survivorsAtLeast(Relation relation, long minAge) { read(EventRead.Op.SURVIVORS_AT_LEAST, relation, minAge); return survivorsAtLeastOf(relation, minAge); }
    private int survivorsAtLeastOf(Relation relation, long minAge) {
        if (kind != EventKind.DEATH) return 0;
        int n = 0;
        for (Person p : death().survivors()) {
            if (p.relation() == relation && p.birthDate() != null && Period.between(p.birthDate(), event.date()).getYears() >= minAge) n++;
        }
        return n;
    }
    /** @return the number of survivors with this relation younger than {@code maxAge} on the date of death, or disabled; unknown birth dates do not count */
    public int survivorsUnder(Relation relation, long maxAge) { read(EventRead.Op.SURVIVORS_UNDER, relation, maxAge); return survivorsUnderOf(relation, maxAge); }
    private int survivorsUnderOf(Relation relation, long maxAge) {
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
    public int getBabies() { read(EventRead.Op.BABIES); return babies(); }
    private int babies() { return kind == EventKind.CHILDBIRTH ? birth().babies() : 0; }
    /** @return weeks of pregnancy, or -1 when unknown or not a childbirth */
    public int getPregnancyWeeks() { read(EventRead.Op.PREGNANCY_WEEKS); return pregnancyWeeks(); }
    private int pregnancyWeeks() {
        return kind == EventKind.CHILDBIRTH && birth().pregnancyWeeks() != null ? birth().pregnancyWeeks() : -1;
    }
    public boolean isPregnancyWeeksKnown() { read(EventRead.Op.PREGNANCY_WEEKS_KNOWN); return pregnancyWeeks() >= 0; }
    public boolean isNotificationKnown() { read(EventRead.Op.NOTIFICATION_KNOWN); return notificationKnown(); }
    private boolean notificationKnown() { return kind == EventKind.CHILDBIRTH && birth().notifiedOn() != null; }
    /** @return true when NSSF was notified at least {@code months} months before the delivery */
    public boolean notifiedMonthsBefore(long months) { read(EventRead.Op.NOTIFIED_MONTHS_BEFORE, months); return notifiedMonthsBeforeOf(months); }
    private boolean notifiedMonthsBeforeOf(long months) {
        return notificationKnown() && !birth().notifiedOn().isAfter(event.date().minusMonths(months));
    }

    /**
     * @return what a read gives on this fact, without noting it (the event memo compares a later worker's facts by
     *         these); {@code events} are the worker's event facts, for a calculation of a rule condition
     */
    Object value(EventRead r, Collection<?> events) {
        return switch (r.op()) {
            case EVENT -> event;
            case KIND -> kind;
            case SEX -> sex;
            case DATE -> event.date();
            case SERVICE_YEARS -> serviceYears();
            case SERVICE_KNOWN -> serviceYears() >= 0;
            case PAID_RUN -> history.paidRunBefore((Scheme) r.a(), month);
            case PAID_RUN_AT_LEAST -> r.b() != null && BigDecimal.valueOf(history.paidRunBefore((Scheme) r.a(), month)).compareTo((BigDecimal) r.b()) >= 0;
            case PAID_RUN_BELOW -> r.b() != null && BigDecimal.valueOf(history.paidRunBefore((Scheme) r.a(), month)).compareTo((BigDecimal) r.b()) < 0;
            case PAID_IN -> history.paidInWindowBefore((Scheme) r.a(), month, (int) (long) (Long) r.b());
            case PAID_IN_AT_LEAST -> r.c() != null && BigDecimal.valueOf(history.paidInWindowBefore((Scheme) r.a(), month, (int) ((BigDecimal) r.b()).longValue())).compareTo((BigDecimal) r.c()) >= 0;
            case PAID_IN_BELOW -> r.c() != null && BigDecimal.valueOf(history.paidInWindowBefore((Scheme) r.a(), month, (int) ((BigDecimal) r.b()).longValue())).compareTo((BigDecimal) r.c()) < 0;
            case PAID_BEFORE -> history.paidBefore((Scheme) r.a(), month);
            case AVERAGE_DECLARED -> history.averageDeclaredBefore((Scheme) r.a(), month, (int) (long) (Long) r.b());
            case DUE_IN -> history.dueInWindowBefore((Scheme) r.a(), month, (int) (long) (Long) r.b());
            case AVERAGE_BASE -> history.averageBaseBefore((Scheme) r.a(), month, (int) (long) (Long) r.b());
            case COMMUTING -> commuting();
            case INCAPACITY_DAYS -> incapacityDays();
            case PERMANENT_DEGREE -> permanentDegree();
            case SICKNESS_DAYS -> sicknessDays();
            case WORK_RELATED -> workRelated();
            case SURVIVORS -> survivorsOf((Relation) r.a());
            case SURVIVORS_AT_LEAST -> survivorsAtLeastOf((Relation) r.a(), (Long) r.b());
            case SURVIVORS_UNDER -> survivorsUnderOf((Relation) r.a(), (Long) r.b());
            case BABIES -> babies();
            case PREGNANCY_WEEKS -> pregnancyWeeks();
            case PREGNANCY_WEEKS_KNOWN -> pregnancyWeeks() >= 0;
            case NOTIFICATION_KNOWN -> notificationKnown();
            case NOTIFIED_MONTHS_BEFORE -> notifiedMonthsBeforeOf((Long) r.a());
            case FACTS -> factsOf();
            case STATUS -> status();
            case ENTERPRISE_WORKERS -> enterpriseWorkers();
            case AGE -> age();
            case CALL -> r.fn().apply(this, r.a(), r.b() == ReadLog.PENSION ? pension : events);
        };
    }

    @Override
    public Map<String, String> facts() {
        read(EventRead.Op.FACTS);
        ReadLog.pause();
        try {
            return factsOf();
        } finally {
            ReadLog.resume();
        }
    }

    private Map<String, String> factsOf() {
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
