package org.rulesascode.nssf.cli;

import org.rulesascode.nssf.eligibility.EligibilityEngine;

/**
 * The benchmarks' handle on the Drools engine's memo of rule outcomes ({@code DroolsEligibilityEngine.withMemo} and
 * {@code memoStatistics}). The command line compiles against the API only (the engine is a run-time dependency), so
 * these implementation methods are reached by reflection; an engine without them has no memo.
 */
final class MemoSwitch {
    private MemoSwitch() { }

    /**
     * What the memo has done: facts replayed, facts judged by Drools, keys kept, whether it is on, and workers whose
     * life-event benefits were replayed or judged.
     */
    record Statistics(long replayed, long judged, long entries, boolean enabled, long eventsReplayed, long eventsJudged, long eventsShared) { }

    /** @return the engine with the memo on or off, or the engine itself when it has no memo */
    static EligibilityEngine with(EligibilityEngine engine, boolean memo) {
        try {
            return (EligibilityEngine) engine.getClass().getMethod("withMemo", boolean.class).invoke(engine, memo);
        } catch (NoSuchMethodException e) {
            return engine;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot switch the memo of " + engine.getClass().getName(), e);
        }
    }

    /** @return the memo's statistics, or null when the engine has no memo */
    static Statistics statistics(EligibilityEngine engine) {
        try {
            Object s = engine.getClass().getMethod("memoStatistics").invoke(engine);
            Class<?> c = s.getClass();
            return new Statistics(((Number) c.getMethod("replayed").invoke(s)).longValue(), ((Number) c.getMethod("judged").invoke(s)).longValue(),
                    ((Number) c.getMethod("entries").invoke(s)).longValue(), (Boolean) c.getMethod("enabled").invoke(s),
                    ((Number) c.getMethod("eventsReplayed").invoke(s)).longValue(), ((Number) c.getMethod("eventsJudged").invoke(s)).longValue(),
                    ((Number) c.getMethod("eventsShared").invoke(s)).longValue());
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the memo statistics of " + engine.getClass().getName(), e);
        }
    }
}
