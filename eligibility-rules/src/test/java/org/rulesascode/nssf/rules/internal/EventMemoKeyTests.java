package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event memo keys a worker's events by the schemes asked about and the kinds of her events, then compares what
 * the rules read of each event ({@link ReadLog}): these tests show which differences make another situation and which
 * do not, on a sickness judged as the rules judge it (its reads made by hand here; the differential tests
 * {@code EventMemoTests} and {@code MemoDifferentialTests} check the whole against Drools).
 */
class EventMemoKeyTests {
    private static Set<String> fields(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Field f : c.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) out.add(f.getName());
        return out;
    }

    @Test
    void everyFieldOfAnEventFactIsReadThroughAnAccessorThatNotesIt() {
        // event (getEvent and the event's values), kind, sex, employmentStart (service years), history and month (the
        // paid* and average* reads), status, enterpriseWorkers, age: each read through an accessor that ReadLogTests
        // checks; params through the snapshot's own accessors; owner is the join on the worker; pension (the worker's
        // pension contributions) has no accessor for the rules: they collect the contributions from the session, and
        // the memo computes the calculations it hands them to again on it (ReadLog.callOnPension, computedOnPension)
        assertThat(fields(EventFact.class)).as("EventFact's fields: give a new one an accessor that notes its read")
                .containsExactlyInAnyOrder("event", "kind", "month", "sex", "employmentStart", "history", "pension");
        assertThat(fields(Subject.class)).as("Subject's fields: give a new one an accessor that notes its read on an event fact")
                .containsExactlyInAnyOrder("status", "enterpriseWorkers", "age", "params", "owner");
    }

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final int FIRST = ParamTimeline.index(YearMonth.of(2025, 1));

    private static HistoryIndex history(Consumer<HistoryIndex> fill) {
        HistoryIndex h = new HistoryIndex(FIRST, 14);
        fill.accept(h);
        return h;
    }

    /** Health-care contributions paid every month from January 2025 to February 2026. */
    private static final Consumer<HistoryIndex> PAID = h -> {
        for (int m = 0; m < 14; m++) h.add(Scheme.HEALTH_CARE, FIRST + m, true, 1_000_000, 1_000_000);
    };

    private static EventFact sickness(LifeEvent event, Integer workers, LocalDate day, HistoryIndex h) {
        return new EventFact(event, EmploymentStatus.EMPLOYEE, Sex.FEMALE, workers, 30, RuleSet.standard().timeline().at(day).forFact(),
                LocalDate.of(2020, 1, 1), h);
    }

    /** What the sickness rules read of a sickness (HC-SIC-01 to 06 and REG-01), made by hand. */
    private static void judge(EventFact e) {
        e.getKind();
        e.getStatus();
        Params p = e.getParams();
        if (!p.isHcInForce()) return;
        e.paidRunAtLeast(Scheme.HEALTH_CARE, p.num("health_care.medical_care.qualifying_consecutive_months"));
        e.paidInAtLeast(Scheme.HEALTH_CARE, p.num("health_care.medical_care.qualifying_window_months"), p.num("health_care.medical_care.qualifying_months_in_window"));
        Integer w = e.getEnterpriseWorkers();
        if (w != null && p.getMinEnterpriseWorkers() != null) assertThat(w >= p.getMinEnterpriseWorkers()).isNotNull();
        SicknessCalc.hasDaysLeft(e, List.of(e));
    }

    @Test
    void aLaterWorkerGetsTheSameFindings_exactlyWhenEveryValueReadIsTheSame() {
        RuleMemo memo = new RuleMemo(MemoPlan.of(RuleBase.standardDrl()), true); // a memo of this test's own
        EventFact a = sickness(new Sickness(DAY, 5), 40, DAY, history(PAID));
        ReadLog log = ReadLog.start();
        try {
            judge(a);
        } finally {
            ReadLog.stop();
        }
        RuleMemo.Template t = RuleMemo.template(List.of(a), List.of(), log);
        memo.putEvents(memo.eventKey(3, List.of(a)), List.of(a), t, log);
        java.util.function.Function<EventFact, RuleMemo.Template> lookup = b -> memo.getEvents(memo.eventKey(3, List.of(b)), List.of(b));

        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), 40, DAY, history(PAID)))).as("a copy").isSameAs(t);
        // not read, or read on the same side of every threshold: the same situation
        assertThat(lookup.apply(sickness(new Sickness(DAY.plusDays(3), 9), 40, DAY, history(PAID)))).as("another day and length in the month").isSameAs(t);
        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), 900, DAY, history(PAID)))).as("a larger enterprise, above the threshold as well").isSameAs(t);
        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), 40, DAY, history(PAID.andThen(h -> h.add(Scheme.HEALTH_CARE, FIRST + 13, true, 2_500_000, 2_500_000))))))
                .as("another wage (the amount is computed again, not read)").isSameAs(t);
        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), 40, DAY, history(PAID.andThen(h -> h.add(Scheme.PENSION, FIRST + 3, false, 1, 1))))))
                .as("another scheme's months").isSameAs(t);
        Params later = RuleSet.standard().timeline().at(LocalDate.of(2028, 3, 1));
        assertThat(later.entriesUnread()).isNotEqualTo(RuleSet.standard().timeline().at(DAY).entriesUnread());
        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), 40, LocalDate.of(2028, 3, 1), history(PAID))))
                .as("other values of parameters not read (2028)").isSameAs(t);

        // a value read differs: another situation
        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), null, DAY, history(PAID)))).as("the enterprise size unknown").isNull();
        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), 40, DAY, history(PAID.andThen(h -> {
            for (int m = 7; m < 14; m++) h.add(Scheme.HEALTH_CARE, FIRST + m, false, 1_000_000, 1_000_000);
        }))))).as("the last seven months unpaid: neither way of the qualifying period").isNull();
        assertThat(lookup.apply(sickness(new Sickness(DAY, 5), 40, LocalDate.of(2009, 3, 1), history(PAID))))
                .as("health care not yet in force (2009)").isNull();
        EventFact injury = new EventFact(new WorkInjury(DAY, false, 5, null), EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30,
                RuleSet.standard().timeline().at(DAY).forFact(), LocalDate.of(2020, 1, 1), history(PAID));
        assertThat(lookup.apply(injury)).as("another kind of event").isNull();
        // the schemes asked about and the kinds in order are the key
        assertThat(memo.eventKey(5, List.of(a))).isNotEqualTo(memo.eventKey(3, List.of(a)));
        assertThat(memo.eventKey(3, List.of(a, injury))).isNotEqualTo(memo.eventKey(3, List.of(injury, a)));
        assertThat(memo.eventHits()).isEqualTo(6);
        assertThat(memo.eventMisses()).isEqualTo(4);
    }

    @Test
    void anEnterpriseSizeIsKeyedByItsSideOfTheRegistrationThreshold_onTheEventsOwnSnapshot() {
        // before 2018 enterprises of fewer than eight workers did not have to register (the threshold's value in the
        // 2017 snapshot): 5 and 40 workers lie on two sides then, on the same side from 2018
        RuleMemo memo = new RuleMemo(MemoPlan.of(RuleBase.standardDrl()), true);
        LocalDate y2017 = LocalDate.of(2017, 6, 10);
        BigDecimal min2017 = RuleSet.standard().timeline().at(y2017).num(Params.MIN_ENTERPRISE_WORKERS);
        assertThat(min2017).isGreaterThan(BigDecimal.valueOf(5)).isLessThanOrEqualTo(BigDecimal.valueOf(40));
        for (LocalDate day : List.of(y2017, DAY)) {
            EventFact a = sickness(new Sickness(day, 5), 40, day, history(PAID));
            ReadLog log = ReadLog.start();
            try {
                a.getEnterpriseWorkers();
                a.getParams().getMinEnterpriseWorkers();
            } finally {
                ReadLog.stop();
            }
            RuleMemo.Template t = RuleMemo.template(List.of(a), List.of(), log);
            memo.putEvents(memo.eventKey(day.getYear(), List.of(a)), List.of(a), t, log);
            EventFact small = sickness(new Sickness(day, 5), 5, day, history(PAID));
            RuleMemo.Template found = memo.getEvents(memo.eventKey(day.getYear(), List.of(small)), List.of(small));
            if (day.equals(y2017)) assertThat(found).as("5 and 40 workers in 2017").isNull();
            else assertThat(found).as("5 and 40 workers in 2026").isSameAs(t);
        }
    }

    @Test
    void theEventMemoKeepsAtMostItsLimitOfSituations_overEveryThread() throws Exception {
        RuleMemo memo = new RuleMemo(MemoPlan.of(RuleBase.standardDrl()), true);
        // situation n: a sickness of 1 + n % 3000 days, n / 3000 days before 10 March 2026
        java.util.function.IntFunction<EventFact> sick = n -> sickness(new Sickness(DAY.minusDays(n / 3000), 1 + n % 3000), 40, DAY, history(PAID));
        java.util.function.IntConsumer put = days -> {
            EventFact e = sick.apply(days);
            ReadLog log = ReadLog.start();
            try {
                e.getSicknessDays(); // read by value: each length and date another situation
                e.getDate();
            } finally {
                ReadLog.stop();
            }
            memo.putEvents(memo.eventKey(3, List.of(e)), List.of(e), RuleMemo.template(List.of(e), List.of(), log), log);
        };
        for (int d = 1; d <= RuleMemo.EVENT_LIMIT / 2; d++) put.accept(d);
        Thread other = new Thread(() -> { // another thread's situations count too
            for (int d = RuleMemo.EVENT_LIMIT / 2 + 1; d <= RuleMemo.EVENT_LIMIT + 100; d++) put.accept(d);
        });
        other.start();
        other.join();
        java.util.function.IntPredicate kept = days -> {
            EventFact e = sick.apply(days);
            return memo.getEvents(memo.eventKey(3, List.of(e)), List.of(e)) != null;
        };
        assertThat(kept.test(1)).isTrue();
        assertThat(kept.test(RuleMemo.EVENT_LIMIT / 2)).isTrue();
        // this thread's memo holds its own half; the other thread filled the rest of the limit and kept no more
        assertThat(kept.test(RuleMemo.EVENT_LIMIT / 2 + 1)).as("another thread's situation").isFalse();
        for (int d = RuleMemo.EVENT_LIMIT + 1; d <= RuleMemo.EVENT_LIMIT + 100; d++) put.accept(d);
        assertThat(kept.test(RuleMemo.EVENT_LIMIT + 50)).as("beyond the limit: not kept").isFalse();
    }

    /** A pension contribution of a whole span of paid months at {@code wage} (the ceiling of its time applies). */
    private static ContributionFinding pension(YearMonth from, YearMonth to, long wage, LocalDate day) {
        Params p = RuleSet.standard().timeline().at(day);
        SpanFact span = new SpanFact(EmploymentStatus.EMPLOYEE, 40, 40, p, from, to, wage, true, java.util.Set.of());
        return new ContributionFinding("PEN-CON-01", span, Math.min(wage, 1_200_000L), new java.math.BigDecimal("0.02"),
                new java.math.BigDecimal("0.02"), null, new ContributionFinding.Clamped(0, 1_200_000L));
    }

    @Test
    void aCalculationOnThePensionContributions_isReadAgainOnTheWorkersOwn() {
        LocalDate day = LocalDate.of(2060, 3, 10); // the pension in force, with years of contributions behind
        int first = ParamTimeline.index(YearMonth.of(2030, 1));
        HistoryIndex paid = new HistoryIndex(first, 362); // pension months paid from January 2030 to February 2060
        for (int m = 0; m < 362; m++) paid.add(Scheme.PENSION, first + m, true, 1_200_000, 1_200_000);
        EventFact death = new EventFact(new org.rulesascode.nssf.eligibility.Death(day, false, List.of()), EmploymentStatus.EMPLOYEE, Sex.MALE, 40, 60,
                RuleSet.standard().timeline().at(day).forFact(), LocalDate.of(2030, 1, 1), paid);
        List<ContributionFinding> high = List.of(pension(YearMonth.of(2030, 1), YearMonth.of(2060, 2), 5_000_000L, day));
        List<ContributionFinding> low = List.of(pension(YearMonth.of(2059, 12), YearMonth.of(2060, 2), 10_000L, day));
        boolean onHigh = PensionCalc.funeraryAboveMinimum(death, high);
        boolean onLow = PensionCalc.funeraryAboveMinimum(death, low);
        assertThat(onHigh).as("thirty years at the ceiling: the multiple of the pension exceeds the minimum").isTrue();
        assertThat(onLow).as("three months at 10,000 riel: it does not").isFalse();
        ReadLog log = ReadLog.start();
        try {
            PensionCalc.funeraryAboveMinimum(death, high);
        } finally {
            ReadLog.stop();
        }
        EventRead read = log.reads(death).stream().filter(r -> r.op() == EventRead.Op.CALL).findFirst().orElseThrow();
        // read again on a fact's own pension contributions, not on the worker's event facts
        death.setPensionContributions(high);
        assertThat(death.value(read, List.of(death))).isEqualTo(onHigh);
        death.setPensionContributions(low);
        assertThat(death.value(read, List.of(death))).isEqualTo(onLow);
    }
}
