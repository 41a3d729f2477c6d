package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event memo keys a worker's event facts by every value they hold ({@link EventFact#values}): a field added to
 * the fact (or to {@link Subject} or {@link HistoryIndex}) fails here until it is weighed in the key, and each value
 * the key holds is shown to tell two facts apart.
 */
class EventMemoKeyTests {
    private static Set<String> fields(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Field f : c.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) out.add(f.getName());
        return out;
    }

    @Test
    void everyFieldOfAnEventFactIsInItsKey_butItsOwner() {
        // values(): event, kind, month, status, enterpriseWorkers, age, sex, employmentStart; the parameter snapshot and
        // the history are compared by what the rules read of them (ReadLog)
        assertThat(fields(EventFact.class)).as("EventFact's fields: add a new one to EventFact.values()")
                .containsExactlyInAnyOrder("event", "kind", "month", "sex", "employmentStart", "history");
        assertThat(fields(Subject.class)).as("Subject's fields: add a new one to EventFact.values()")
                .containsExactlyInAnyOrder("status", "enterpriseWorkers", "age", "params", "owner");
        // HistoryIndex.sameAs compares these
        assertThat(fields(HistoryIndex.class)).as("HistoryIndex's fields: compare a new one in sameAs")
                .containsExactlyInAnyOrder("first", "size", "tracks");
    }

    private static final Params PARAMS = RuleSet.standard().timeline().at(LocalDate.of(2026, 3, 1));
    private static final Params OTHER_PARAMS = RuleSet.standard().timeline().at(LocalDate.of(2009, 3, 1));

    private static HistoryIndex history(Consumer<HistoryIndex> fill) {
        HistoryIndex h = new HistoryIndex(ParamTimeline.index(java.time.YearMonth.of(2025, 1)), 12);
        fill.accept(h);
        return h;
    }

    private static final Consumer<HistoryIndex> BASE = h -> {
        for (int m = 0; m < 12; m++) h.add(Scheme.HEALTH_CARE, ParamTimeline.index(java.time.YearMonth.of(2025, 1)) + m, true, 1_000_000, 1_000_000);
    };

    private static EventFact fact(Object event, EmploymentStatus status, Sex sex, Integer workers, long age, Params params, LocalDate start, HistoryIndex h) {
        return new EventFact((org.rulesascode.nssf.eligibility.LifeEvent) event, status, sex, workers, age, params, start, h);
    }

    @Test
    void eachValueTellsTwoEventFactsApart_andTheOwnerDoesNot() {
        Sickness sick = new Sickness(LocalDate.of(2026, 3, 10), 5);
        LocalDate start = LocalDate.of(2020, 1, 1);
        EventFact a = fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, start, history(BASE));
        EventFact same = fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, start, history(BASE));
        same.setOwner(7);
        RuleMemo memo = RuleSet.standard().rules().memo();
        assertThat(memo.eventKey(3, List.of(same))).isEqualTo(memo.eventKey(3, List.of(a)));
        assertThat(memo.eventKey(3, List.of(same)).hashCode()).isEqualTo(memo.eventKey(3, List.of(a)).hashCode());
        List<EventFact> others = List.of(
                fact(new Sickness(LocalDate.of(2026, 3, 11), 5), EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, start, history(BASE)),
                fact(new Sickness(LocalDate.of(2026, 3, 10), 6), EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, start, history(BASE)),
                fact(new WorkInjury(LocalDate.of(2026, 3, 10), false, 5, null), EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, start, history(BASE)),
                fact(sick, EmploymentStatus.SELF_EMPLOYED, Sex.FEMALE, 40, 30, PARAMS, start, history(BASE)),
                fact(sick, EmploymentStatus.EMPLOYEE, Sex.MALE, 40, 30, PARAMS, start, history(BASE)),
                fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, null, 30, PARAMS, start, history(BASE)),
                fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 31, PARAMS, start, history(BASE)),
                fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, start.plusDays(1), history(BASE)),
                fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, null, history(BASE)));
        for (EventFact o : others) {
            assertThat(memo.eventKey(3, List.of(o))).as("%s", Arrays.toString(o.values().toArray())).isNotEqualTo(memo.eventKey(3, List.of(a)));
        }
        // the schemes asked about and the order of the events are part of the key too
        assertThat(memo.eventKey(5, List.of(a))).isNotEqualTo(memo.eventKey(3, List.of(a)));
        assertThat(memo.eventKey(3, List.of(a, others.get(0)))).isNotEqualTo(memo.eventKey(3, List.of(others.get(0), a)));
    }

    @Test
    void theSnapshotAndTheHistoryAreComparedByWhatTheRulesReadOfThem() {
        Sickness sick = new Sickness(LocalDate.of(2026, 3, 10), 5);
        LocalDate start = LocalDate.of(2020, 1, 1);
        EventFact a = fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS, start, history(BASE));
        RuleMemo memo = RuleSet.standard().rules().memo();
        List<Object> key = memo.eventKey(1 << 20, List.of(a)); // a scheme set no engine asks for: this test's own keys
        // as if the rules had read whether health care is in force and the health-care months
        ReadLog log = ReadLog.start();
        try {
            a.getParams().isHcInForce();
            a.paidRun(Scheme.HEALTH_CARE);
        } finally {
            ReadLog.stop();
        }
        RuleMemo.Template t = RuleMemo.template(List.of(a), List.of());
        memo.putEvents(key, List.of(a), t, log);
        java.util.function.BiFunction<Params, HistoryIndex, RuleMemo.Template> lookup = (p, h) -> {
            EventFact b = fact(sick, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, p, start, h);
            return memo.getEvents(memo.eventKey(1 << 20, List.of(b)), List.of(b));
        };
        assertThat(lookup.apply(PARAMS, history(BASE))).as("the same values").isSameAs(t);
        // 2028: other pension rates and ceiling, the same health-care flag: nothing read differs
        Params later = RuleSet.standard().timeline().at(LocalDate.of(2028, 3, 1));
        assertThat(later.entriesUnread()).isNotEqualTo(PARAMS.entriesUnread());
        assertThat(lookup.apply(later, history(BASE))).as("other values of parameters not read").isSameAs(t);
        assertThat(lookup.apply(OTHER_PARAMS, history(BASE))).as("health care not yet in force in 2009").isNull();
        assertThat(lookup.apply(PARAMS, history(BASE.andThen(h -> h.add(Scheme.PENSION, ParamTimeline.index(java.time.YearMonth.of(2025, 5)), true, 1, 1)))))
                .as("another scheme's months, not read").isSameAs(t);
        assertThat(lookup.apply(PARAMS, history(BASE.andThen(h -> h.add(Scheme.HEALTH_CARE, ParamTimeline.index(java.time.YearMonth.of(2025, 5)), false, 1_000_000, 1_000_000)))))
                .as("a health-care month unpaid").isNull();
        assertThat(lookup.apply(PARAMS, history(BASE.andThen(h -> h.add(Scheme.HEALTH_CARE, ParamTimeline.index(java.time.YearMonth.of(2025, 5)), true, 1_000_001, 1_000_000)))))
                .as("a health-care month's declared wage").isNull();
        assertThat(lookup.apply(PARAMS, new HistoryIndex(ParamTimeline.index(java.time.YearMonth.of(2024, 12)), 13)))
                .as("other months").isNull();
    }
}
