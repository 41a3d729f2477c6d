package org.rulesascode.nssf.rules.internal;

import java.util.Collection;

/**
 * One read the event rules made of a life-event fact while Drools judged it ({@link ReadLog}): an accessor of the
 * fact with its arguments, or a calculation called in a rule condition with the fact ({@link Fn}). The event memo keeps
 * a worker's event findings with the reads of each of her events, and evaluates the same reads on a later worker's
 * events ({@link EventFact#value}): when every value is equal, Drools would take the same path for her. Equal by
 * operation and arguments.
 *
 * @param op  what was read
 * @param fn  the calculation, for {@link Op#CALL}; else null
 * @param a   the first argument, or null
 * @param b   the second argument, or null
 * @param c   the third argument, or null
 */
record EventRead(Op op, Fn fn, Object a, Object b, Object c) {

    /** What the rules can read of an event fact. */
    enum Op {
        EVENT("event"), KIND("kind"), SEX("sex"), DATE("date"), SERVICE_YEARS("serviceYears"), SERVICE_KNOWN("serviceKnown"),
        PAID_RUN, PAID_RUN_AT_LEAST, PAID_RUN_BELOW, PAID_IN, PAID_IN_AT_LEAST, PAID_IN_BELOW, PAID_BEFORE,
        AVERAGE_DECLARED, DUE_IN, AVERAGE_BASE,
        COMMUTING("commuting"), INCAPACITY_DAYS("incapacityDays"), PERMANENT_DEGREE("permanentDegree"), SICKNESS_DAYS("sicknessDays"),
        WORK_RELATED("workRelated"), SURVIVORS, SURVIVORS_AT_LEAST, SURVIVORS_UNDER,
        BABIES("babies"), PREGNANCY_WEEKS("pregnancyWeeks"), PREGNANCY_WEEKS_KNOWN("pregnancyWeeksKnown"),
        NOTIFICATION_KNOWN("notificationKnown"), NOTIFIED_MONTHS_BEFORE,
        FACTS,
        /** {@link Subject}'s properties */
        STATUS("status"), ENTERPRISE_WORKERS("enterpriseWorkers"), AGE("age"),
        /** a calculation of a rule condition, judged as one read ({@link ReadLog#call}) */
        CALL;

        /**
         * The property a getter reads, as rule constraints name it; null for a method with arguments or a
         * calculation. A whole-number property that the rules only compare with thresholds ({@link MemoPlan}) is keyed
         * by its side of each threshold.
         */
        final String property;

        Op() { this(null); }

        Op(String property) { this.property = property; }
    }

    /**
     * A calculation a rule condition calls with an event fact, read as one value: what it reads inside is not logged,
     * its result is. Kept in a static field, so that two reads of the same calculation are equal.
     */
    @FunctionalInterface
    interface Fn {
        /**
         * @param e      the event fact
         * @param arg    the argument of the call beside the fact, or null
         * @param events the worker's event facts (the calculation must give the same on any collection holding every
         *               event fact of the worker that it looks at)
         */
        Object apply(EventFact e, Object arg, Collection<?> events);
    }

    static EventRead of(Op op, Object a, Object b, Object c) {
        return new EventRead(op, null, a, b, c);
    }
}
