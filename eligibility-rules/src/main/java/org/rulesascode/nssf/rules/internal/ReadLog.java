package org.rulesascode.nssf.rules.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the event rules read while Drools judges life events on this thread, for the event memo ({@link RuleMemo}):
 * the reads of each event fact ({@link EventRead}: an accessor with its arguments, or a calculation of a rule
 * condition as one value) and the ids of the parameters read of each snapshot ({@link Params}). An amount computed by a
 * consequence is not read through the log: its calculation runs with the log paused, and the log keeps how to compute
 * it again ({@link Recipe}) for a later worker with her own wages.
 *
 * <p>A judgement depends only on what it read: a later worker whose facts give the same value for every read takes the
 * same path through the rules and reads nothing else (the facts are immutable, the rules deterministic). Every public
 * accessor of {@link EventFact}, {@link Subject} (on an event fact) and {@link Params} notes its read;
 * {@code ReadLogTests} checks that none is missed.
 */
final class ReadLog {
    /**
     * Marks a calculation on the worker's pension contributions (the collection the pension rules collect): the memo
     * computes it again on {@link EventFact#pensionUnread()}, not on the event facts.
     */
    static final Object PENSION = new Object() {
        @Override public String toString() { return "pension contributions"; }
    };
    /** Noted when a whole snapshot is read (every value, or the snapshot's start date). */
    static final String ALL = "\u0000all";
    private static final ThreadLocal<ReadLog> CURRENT = new ThreadLocal<>();
    private final Map<Object, Set<String>> params = new IdentityHashMap<>();
    private final Map<EventFact, Set<EventRead>> events = new IdentityHashMap<>();
    private final Map<BenefitFinding, Recipe> recipes = new IdentityHashMap<>();
    private int paused;

    /** How to compute an amount again for another worker's event (a consequence's calculation). */
    @FunctionalInterface
    interface Recipe {
        /**
         * @param rule   the rule id
         * @param e      the event
         * @param events the worker's event facts
         */
        BenefitFinding make(String rule, EventFact e, Collection<?> events);
    }

    /** Notes a read of parameter {@code id} of a snapshot, when this thread logs reads. */
    static void note(Object source, String id) {
        ReadLog log = CURRENT.get();
        if (log != null && log.paused == 0) log.params.computeIfAbsent(source, k -> new HashSet<>()).add(id);
    }

    /** Notes a read of an event fact, when this thread logs reads. */
    static void read(EventFact e, EventRead.Op op, Object a, Object b, Object c) {
        ReadLog log = CURRENT.get();
        if (log != null && log.paused == 0) log.events.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(EventRead.of(op, a, b, c));
    }

    /**
     * A calculation of a rule condition: noted as one read of the event (when this thread logs), computed with the log
     * paused.
     */
    static Object call(EventRead.Fn fn, EventFact e, Object arg, Collection<?> events) {
        return call(fn, e, arg, events, null);
    }

    /**
     * As {@link #call} for a calculation of a rule condition on the worker's pension contributions (the list a pension
     * rule collects): computed on {@code contributions}; a later worker's value is computed on hers
     * ({@link EventFact#pensionUnread()}).
     */
    static Object callOnPension(EventRead.Fn fn, EventFact e, Collection<?> contributions) {
        return call(fn, e, null, contributions, PENSION);
    }

    /** @param on what a later worker's value is computed on: null for her event facts, {@link #PENSION} */
    private static Object call(EventRead.Fn fn, EventFact e, Object arg, Collection<?> collection, Object on) {
        ReadLog log = CURRENT.get();
        if (log == null) return fn.apply(e, arg, collection);
        if (log.paused == 0) log.events.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(new EventRead(EventRead.Op.CALL, fn, arg, on, null));
        log.paused++;
        try {
            return fn.apply(e, arg, collection);
        } finally {
            log.paused--;
        }
    }

    /**
     * An amount computed by a consequence: computed with the log paused (its reads are not what the rules decided
     * on), and, when this thread logs, kept with how to compute it again.
     */
    static BenefitFinding computed(Recipe recipe, String rule, EventFact e, Collection<?> events) {
        return computed(recipe, rule, e, events, recipe);
    }

    /**
     * As {@link #computed} for an amount computed on the worker's pension contributions (the list a pension rule
     * collects): a later worker's is computed on hers ({@link EventFact#pensionUnread()}).
     */
    static BenefitFinding computedOnPension(Recipe recipe, String rule, EventFact e, Collection<?> contributions) {
        return computed(recipe, rule, e, contributions, (r, ev, events) -> recipe.make(r, ev, ev.pensionUnread()));
    }

    /** @param again how a later worker's amount is computed */
    private static BenefitFinding computed(Recipe recipe, String rule, EventFact e, Collection<?> collection, Recipe again) {
        ReadLog log = CURRENT.get();
        if (log == null) return recipe.make(rule, e, collection);
        log.paused++;
        BenefitFinding b;
        try {
            b = recipe.make(rule, e, collection);
        } finally {
            log.paused--;
        }
        if (log.paused == 0) log.recipes.put(b, again);
        return b;
    }

    /** Pauses logging on this thread (nested pauses count) until {@link #resume}: what is read meanwhile is not noted. */
    static void pause() {
        ReadLog log = CURRENT.get();
        if (log != null) log.paused++;
    }

    /** Ends a {@link #pause}. */
    static void resume() {
        ReadLog log = CURRENT.get();
        if (log != null) log.paused--;
    }

    /** Starts logging on this thread. */
    static ReadLog start() {
        ReadLog log = new ReadLog();
        CURRENT.set(log);
        return log;
    }

    /** Stops logging on this thread. */
    static void stop() {
        CURRENT.remove();
    }

    /** @return the ids of the parameters read of a snapshot (empty when none) */
    Set<String> of(Object source) {
        return params.getOrDefault(source, Set.of());
    }

    /** @return what was read of an event fact, in the order first read (empty when nothing) */
    Set<EventRead> reads(EventFact e) {
        return events.getOrDefault(e, Set.of());
    }

    /** @return how an amount was computed, or null when it was not computed through {@link #computed} */
    Recipe recipe(BenefitFinding b) {
        return recipes.get(b);
    }
}
