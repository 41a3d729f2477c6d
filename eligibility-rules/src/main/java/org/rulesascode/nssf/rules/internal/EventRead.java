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
        EVENT, KIND, SEX, DATE, SERVICE_YEARS, SERVICE_KNOWN,
        PAID_RUN, PAID_RUN_AT_LEAST, PAID_RUN_BELOW, PAID_IN, PAID_IN_AT_LEAST, PAID_IN_BELOW, PAID_BEFORE,
        AVERAGE_DECLARED, DUE_IN, AVERAGE_BASE,
        COMMUTING, INCAPACITY_DAYS, PERMANENT_DEGREE, SICKNESS_DAYS,
        WORK_RELATED, SURVIVORS, SURVIVORS_AT_LEAST, SURVIVORS_UNDER,
        BABIES, PREGNANCY_WEEKS, PREGNANCY_WEEKS_KNOWN, NOTIFICATION_KNOWN, NOTIFIED_MONTHS_BEFORE,
        FACTS,
        /** {@link Subject}'s properties */
        STATUS, ENTERPRISE_WORKERS, AGE,
        /** a calculation of a rule condition, judged as one read ({@link ReadLog#call}) */
        CALL
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
