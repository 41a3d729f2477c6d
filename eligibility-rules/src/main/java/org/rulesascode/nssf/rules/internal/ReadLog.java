package org.rulesascode.nssf.rules.internal;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the rules read of parameter snapshots ({@link Params}) and contribution histories ({@link HistoryIndex}) while
 * Drools judges life events on this thread: the ids of the parameters read of each snapshot, the schemes read of each
 * history. The event memo keeps a worker's event benefits with these reads, and replays them onto a later worker only
 * when her snapshots and histories give the same values for every one of them (a judgement that read the same values
 * takes the same path and reads nothing else). Every public accessor of {@code Params} and {@code HistoryIndex} notes
 * what it reads; {@code ReadLogTests} checks that none is missed.
 */
final class ReadLog {
    /** Noted when a whole snapshot or history is read (every value, or the snapshot's start date). */
    static final String ALL = "\u0000all";
    private static final ThreadLocal<ReadLog> CURRENT = new ThreadLocal<>();
    private final Map<Object, Set<String>> reads = new IdentityHashMap<>();

    /** Notes a read of {@code what} of {@code source}, when this thread logs reads. */
    static void note(Object source, String what) {
        ReadLog log = CURRENT.get();
        if (log != null) log.reads.computeIfAbsent(source, k -> new HashSet<>()).add(what);
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

    /** @return what was read of {@code source} (empty when nothing) */
    Set<String> of(Object source) {
        return reads.getOrDefault(source, Set.of());
    }
}
