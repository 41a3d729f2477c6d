package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Scheme;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event memo compares snapshots and histories by what the rules read of them, so every accessor of {@link Params}
 * and {@link HistoryIndex} must note what it reads ({@link ReadLog}): each public method is called with the log on, and
 * what it noted is checked against what it returns.
 */
class ReadLogTests {
    private static final Params PARAMS = RuleSet.standard().timeline().at(LocalDate.of(2026, 3, 1));

    private static Set<String> reads(Object source, Method m, Object... args) throws Exception {
        ReadLog log = ReadLog.start();
        try {
            m.invoke(source, args);
        } finally {
            ReadLog.stop();
        }
        return log.of(source);
    }

    @Test
    void everyPublicAccessorOfAParameterSnapshotNotesWhatItReads() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Method m : Params.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) continue;
            if (m.getName().equals("equals") || m.getName().equals("hashCode") || m.getName().equals("toString")) continue;
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                assertThat(reads(PARAMS, m, Params.PENSION_CEILING)).as("%s(id)", m.getName()).containsExactly(Params.PENSION_CEILING);
            } else {
                assertThat(m.getParameterCount()).as("%s: an accessor of a kind this test does not know", m).isZero();
                Set<String> r = reads(PARAMS, m);
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
        assertThat(reads(PARAMS, Params.class.getDeclaredMethod("entries"))).containsExactly(ReadLog.ALL);
        // nothing is noted when the thread does not log
        PARAMS.isHcInForce();
        ReadLog log = ReadLog.start();
        ReadLog.stop();
        PARAMS.isHcInForce();
        assertThat(log.of(PARAMS)).isEmpty();
    }

    @Test
    void everyPublicAccessorOfAHistoryNotesTheSchemeItReads() throws Exception {
        HistoryIndex h = new HistoryIndex(ParamTimeline.index(YearMonth.of(2025, 1)), 12);
        h.add(Scheme.HEALTH_CARE, ParamTimeline.index(YearMonth.of(2025, 3)), true, 1_000_000, 1_000_000);
        int month = ParamTimeline.index(YearMonth.of(2025, 12));
        List<String> checked = new ArrayList<>();
        for (Method m : HistoryIndex.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) continue;
            if (m.getName().equals("equals") || m.getName().equals("hashCode")) continue;
            Class<?>[] ts = m.getParameterTypes();
            assertThat(ts[0]).as("%s: every public accessor reads one scheme", m).isEqualTo(Scheme.class);
            Object[] args = new Object[ts.length];
            args[0] = Scheme.OCCUPATIONAL_RISK;
            for (int i = 1; i < ts.length; i++) args[i] = i == 1 ? month : 6;
            assertThat(reads(h, m, args)).as("%s", m.getName()).containsExactly("OCCUPATIONAL_RISK");
            checked.add(m.getName());
        }
        assertThat(checked).contains("paidRunBefore", "paidInWindowBefore", "paidBefore", "averageDeclaredBefore", "averageBaseBefore", "dueInWindowBefore");
    }
}
