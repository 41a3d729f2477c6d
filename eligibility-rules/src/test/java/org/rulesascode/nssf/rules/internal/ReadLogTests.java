package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event memo keys a worker's events by what the rules read of them ({@link ReadLog}), so every public accessor of
 * {@link EventFact} (and of {@link Subject} on an event fact) and {@link Params} must note its read, and the memo must
 * be able to read it again on another fact ({@link EventFact#value}) with the same result; the calculations that rule
 * conditions call are read as one value, and the amounts that consequences compute leave a recipe that computes the
 * same amount. Each is called here with the log on.
 */
class ReadLogTests {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Params PARAMS = RuleSet.standard().timeline().at(DAY);

    /** What a call returned, with what it noted. */
    private record Logged(ReadLog log, Object value) { }

    /** Calls {@code m} with the log on. */
    private static Logged logged(Method m, Object target, Object... args) throws Exception {
        ReadLog log = ReadLog.start();
        try {
            return new Logged(log, m.invoke(target, args));
        } finally {
            ReadLog.stop();
        }
    }

    private static Set<String> paramReads(Object source, Method m, Object... args) throws Exception {
        return logged(m, source, args).log().of(source);
    }

    @Test
    void everyPublicAccessorOfAParameterSnapshotNotesWhatItReads() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Method m : Params.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) continue;
            if (m.getName().equals("equals") || m.getName().equals("hashCode") || m.getName().equals("toString")) continue;
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                assertThat(paramReads(PARAMS, m, Params.PENSION_CEILING)).as("%s(id)", m.getName()).containsExactly(Params.PENSION_CEILING);
            } else {
                assertThat(m.getParameterCount()).as("%s: an accessor of a kind this test does not know", m).isZero();
                Set<String> r = paramReads(PARAMS, m);
                assertThat(r).as("%s() notes one read", m.getName()).hasSize(1);
                String id = r.iterator().next();
                if (!id.equals(ReadLog.ALL)) {
                    // the value it returns follows from the entry of the parameter it noted
                    Object v = m.invoke(PARAMS);
                    Parameter.Entry e = PARAMS.entriesUnread().get(id);
                    Object raw = e == null ? null : e.value();
                    if (m.getName().equals("isEveryEmployerRegisters")) {
                        assertThat(v).isEqualTo(raw != null && ((BigDecimal) raw).longValueExact() <= 1);
                    } else if (v instanceof Boolean b) {
                        assertThat(b).as("%s() from %s", m.getName(), id).isEqualTo(Boolean.TRUE.equals(raw));
                    } else if (v instanceof Long l) {
                        assertThat(l).as("%s() from %s", m.getName(), id).isEqualTo(((BigDecimal) raw).longValueExact());
                    } else {
                        assertThat(v).as("%s() from %s", m.getName(), id).isEqualTo(raw);
                    }
                }
            }
            checked.add(m.getName());
        }
        assertThat(checked).contains("isHcInForce", "getPensionCeiling", "num", "flag", "scale", "has", "entry", "getFrom");
        // the package's own whole-snapshot read notes everything
        assertThat(paramReads(PARAMS, Params.class.getDeclaredMethod("entries"))).containsExactly(ReadLog.ALL);
        // nothing is noted when the thread does not log
        ReadLog log = ReadLog.start();
        ReadLog.stop();
        PARAMS.isHcInForce();
        assertThat(log.of(PARAMS)).isEmpty();
    }

    @Test
    void anEventFactsSnapshotIsItsOwnObject_equalToTheTimelines_soReadsAreNotedPerEvent() {
        Params a = PARAMS.forFact();
        Params b = PARAMS.forFact();
        assertThat(a).isNotSameAs(b).isEqualTo(b).isEqualTo(PARAMS).hasSameHashCodeAs(PARAMS);
        assertThat(a.origin()).isSameAs(PARAMS);
        assertThat(a.entriesUnread()).isSameAs(PARAMS.entriesUnread());
        assertThat(a.isHcInForce()).isEqualTo(PARAMS.isHcInForce());
        assertThat(a.getPensionCeiling()).isEqualTo(PARAMS.getPensionCeiling());
        assertThat(a).isNotEqualTo(RuleSet.standard().timeline().at(LocalDate.of(2009, 1, 1)));
        ReadLog log = ReadLog.start();
        try {
            a.isHcInForce();
            b.getPensionCeiling();
        } finally {
            ReadLog.stop();
        }
        assertThat(log.of(a)).containsExactly(Params.HC_IN_FORCE);
        assertThat(log.of(b)).containsExactly(Params.PENSION_CEILING);
    }

    // ------------------------------------------------------------------ event facts

    private static HistoryIndex history() {
        int first = ParamTimeline.index(YearMonth.of(2025, 1));
        HistoryIndex h = new HistoryIndex(first, 14);
        for (int m = 0; m < 14; m++) {
            if (m == 4) continue; // one month without a contribution
            h.add(Scheme.HEALTH_CARE, first + m, m != 7, 1_000_000 + 1_000 * m, 1_000_000 + 1_000 * m);
            h.add(Scheme.OCCUPATIONAL_RISK, first + m, true, 1_000_000, 1_000_000);
            h.add(Scheme.VOLUNTARY_HEALTH_CARE, first + m, m % 3 != 0, 15_000, 15_000);
        }
        return h;
    }

    private static EventFact fact(LifeEvent event) {
        return new EventFact(event, EmploymentStatus.EMPLOYEE, Sex.FEMALE, 40, 30, PARAMS.forFact(), LocalDate.of(2020, 1, 1), history());
    }

    /** One fact of each kind, with every optional value given. */
    private static List<EventFact> facts() {
        return List.of(
                fact(new Sickness(DAY, 5)),
                fact(new Childbirth(DAY, 2, 38, DAY.minusMonths(7))),
                fact(new WorkInjury(DAY, true, 12, 30)),
                fact(new Death(DAY, true, List.of(new Person(Relation.SPOUSE, LocalDate.of(1990, 1, 1), false, false),
                        new Person(Relation.PARENT, LocalDate.of(1950, 1, 1), false, false), new Person(Relation.CHILD, null, true, false)))));
    }

    private static Object arg(Class<?> t) {
        if (t == Scheme.class) return Scheme.HEALTH_CARE;
        if (t == long.class) return 6L;
        if (t == BigDecimal.class) return new BigDecimal("6");
        if (t == Relation.class) return Relation.PARENT;
        throw new IllegalStateException("no argument of " + t + " in this test: add one");
    }

    @Test
    void everyPublicAccessorOfAnEventFactNotesOneRead_whichGivesTheSameValueReadAgain() throws Exception {
        List<Method> accessors = new ArrayList<>();
        for (Method m : EventFact.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) accessors.add(m);
        }
        for (String name : List.of("getStatus", "getEnterpriseWorkers", "getAge")) accessors.add(Subject.class.getMethod(name));
        List<String> checked = new ArrayList<>();
        for (EventFact e : facts()) {
            List<EventFact> unit = List.of(e);
            for (Method m : accessors) {
                Object[] args = new Object[m.getParameterCount()];
                for (int i = 0; i < args.length; i++) args[i] = arg(m.getParameterTypes()[i]);
                Logged call = logged(m, e, args);
                ReadLog log = call.log();
                Object v = call.value();
                assertThat(log.reads(e)).as("%s on a %s notes one read", m.getName(), e.kindUnread()).hasSize(1);
                EventRead r = log.reads(e).iterator().next();
                assertThat(e.value(r, unit)).as("%s read again on a %s", m.getName(), e.kindUnread()).isEqualTo(v);
                checked.add(m.getName());
            }
        }
        assertThat(checked).contains("paidRunAtLeast", "paidInBelow", "getSicknessDays", "survivorsAtLeast", "notifiedMonthsBefore",
                "facts", "getStatus", "getEnterpriseWorkers", "getDate", "getServiceYears", "averageDeclared");
        // getParams is not a read (the snapshot's accessors are), getOwner is the join on the worker, not a value
        assertThat(Subject.class.getMethods()).extracting(Method::getName).contains("getParams", "getOwner");
    }

    /** @return the public methods named by {@code Class.method} (a class of the rules' internal package) */
    private static List<Method> methods(String fn) throws ClassNotFoundException {
        Class<?> c = Class.forName(EventFact.class.getPackageName() + "." + fn.substring(0, fn.indexOf('.')));
        String name = fn.substring(fn.indexOf('.') + 1);
        List<Method> out = new ArrayList<>();
        for (Method m : c.getMethods()) if (m.getName().equals(name)) out.add(m);
        return out;
    }

    @Test
    void aCalculationOfARuleCondition_isOneRead_andWhatItReadsInsideIsNot() throws Exception {
        List<String> checked = new ArrayList<>();
        for (String fn : MemoPlan.EVENT_CALLS) {
            List<Method> ms = methods(fn);
            Method m = ms.isEmpty() ? null : ms.get(ms.size() - 1);
            assertThat(m).as(fn).isNotNull();
            for (EventFact e : facts()) {
                List<EventFact> unit = List.of(e, fact(new Sickness(DAY.minusDays(20), 30)));
                Object[] args = new Object[m.getParameterCount()];
                args[0] = e;
                for (int i = 1; i < args.length; i++) {
                    args[i] = Collection.class.isAssignableFrom(m.getParameterTypes()[i]) ? unit : new BigDecimal("0.2");
                }
                Logged call = logged(m, null, args);
                ReadLog log = call.log();
                Object v = call.value();
                assertThat(log.reads(e)).as("%s on a %s", fn, e.kindUnread()).hasSize(1);
                EventRead r = log.reads(e).iterator().next();
                assertThat(r.op()).isEqualTo(EventRead.Op.CALL);
                assertThat(log.of(e.getParams())).as("%s: the parameters it reads inside are not noted", fn).isEmpty();
                assertThat(e.value(r, unit)).as("%s read again", fn).isEqualTo(v);
                checked.add(fn);
            }
        }
        assertThat(checked).contains("SicknessCalc.hasDaysLeft", "OccupationalRiskCalc.degreeAtLeast", "SelfEmployedMaternityCalc.vhcMemberPastWaiting");
    }

    /** A rule context that gives a rule id, as Drools does in a consequence. */
    private static RuleContext context(String id) {
        Rule rule = (Rule) Proxy.newProxyInstance(Rule.class.getClassLoader(), new Class<?>[] {Rule.class}, (p, m, a) -> switch (m.getName()) {
            case "getMetaData" -> Map.of("id", id);
            case "getName" -> id + " test";
            default -> throw new UnsupportedOperationException(m.getName());
        });
        return (RuleContext) Proxy.newProxyInstance(RuleContext.class.getClassLoader(), new Class<?>[] {RuleContext.class}, (p, m, a) -> {
            if (m.getName().equals("getRule")) return rule;
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void anAmountOfAConsequence_readsNothing_andLeavesARecipeThatComputesTheSameAmount() throws Exception {
        List<String> checked = new ArrayList<>();
        for (String fn : MemoPlan.EVENT_AMOUNTS) {
            for (Method m : methods(fn)) {
                if (m.getParameterCount() < 2 || m.getParameterTypes()[0] != RuleContext.class) continue;
                for (EventFact e : facts()) {
                    List<EventFact> unit = List.of(e, fact(new Sickness(DAY.minusDays(20), 30)));
                    Object[] args = new Object[m.getParameterCount()];
                    args[0] = context("T-01");
                    args[1] = e;
                    for (int i = 2; i < args.length; i++) args[i] = m.getParameterTypes()[i] == boolean.class ? Boolean.TRUE : unit;
                    for (int i = 2; i < args.length; i++) {
                        if (m.getParameterTypes()[i] == boolean.class) args[i] = e.kindUnread() == EventKind.WORK_INJURY;
                    }
                    Logged call = logged(m, null, args);
                    ReadLog log = call.log();
                    BenefitFinding b = (BenefitFinding) call.value();
                    assertThat(log.reads(e)).as("%s reads nothing through the log", fn).isEmpty();
                    assertThat(log.of(e.getParams())).as("%s reads no parameter through the log", fn).isEmpty();
                    ReadLog.Recipe recipe = log.recipe(b);
                    assertThat(recipe).as("%s leaves a recipe", fn).isNotNull();
                    assertThat(recipe.make(b.ruleId(), e, unit)).as("%s computed again", fn).isEqualTo(b);
                    assertThat(b.ruleId()).isEqualTo("T-01");
                    checked.add(fn);
                }
            }
        }
        assertThat(checked).contains("SicknessCalc.sicknessAllowance", "HealthCareCalc.maternityAllowance", "OccupationalRiskCalc.permanentDisability");
        assertThat(new java.util.HashSet<>(checked)).isEqualTo(MemoPlan.EVENT_AMOUNTS);
    }
}
