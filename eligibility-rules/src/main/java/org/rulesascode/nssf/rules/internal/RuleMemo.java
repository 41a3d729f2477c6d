package org.rulesascode.nssf.rules.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memo of first-phase rule outcomes: what the rules found about a fact (a history span, or the worker on the
 * as-of date with her dependants), keyed by exactly what the rules read of it ({@link MemoPlan}), so that a fact
 * whose key was judged before is not judged again. The findings are replayed onto the new fact: the same rules, the
 * same outcomes and statuses, the same supports; a contribution's base is recomputed from the new span's own wage
 * (the only property the key leaves out, read only by the contribution functions). Benefits on events are always
 * judged by Drools, on the replayed findings.
 *
 * <p>One memo serves every engine over the same compiled rules: the two sides of a parameter reform share it, and
 * facts whose parameter values are equal on both sides (the months before the reform starts) are judged once.
 * Thread-safe; bounded ({@link #LIMIT} entries, then it stops adding).
 */
public final class RuleMemo {
    private static final Logger LOG = LoggerFactory.getLogger(RuleMemo.class);
    /** Entries kept at most; the keys of a national population number a few thousand. */
    static final int LIMIT = 200_000;
    /** The system property that turns the memo off ({@code -Dnssf.rules.memo=false}), for comparisons. */
    public static final String PROPERTY = "nssf.rules.memo";

    private final MemoPlan plan;
    private final boolean enabled;
    private final ConcurrentHashMap<List<Object>, Template> entries = new ConcurrentHashMap<>();
    /** Parameter snapshots by value: equal snapshots of two engines (a reform's months before it starts) get one id. */
    private final ConcurrentHashMap<Map<String, Parameter.Entry>, Integer> snapshotIds = new ConcurrentHashMap<>();
    /** Params compare by identity: one id lookup per snapshot object. */
    private final ConcurrentHashMap<Params, Integer> snapshotOf = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger nextSnapshot = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final Key span;
    private final Key coverage;
    private final Key dependant;
    private final Key coverageOfSpan;

    RuleMemo(MemoPlan plan, boolean enabled) {
        this.plan = plan;
        this.enabled = enabled && plan.problems().isEmpty();
        if (enabled && !plan.problems().isEmpty()) LOG.debug("rule memo off: {}", plan.problems());
        this.span = new Key(SpanFact.class, plan.reads(SpanFact.class));
        this.coverage = new Key(CoverageFact.class, plan.reads(CoverageFact.class));
        this.dependant = new Key(DependantFact.class, plan.reads(DependantFact.class));
        this.coverageOfSpan = new Key(CoverageFact.class, plan.coverageReadsOfSpan());
    }

    /** @return true when the memo is used (the plan found no problem and it was not turned off) */
    public boolean enabled() { return enabled; }

    public MemoPlan plan() { return plan; }

    /** @return facts found in the memo, and facts judged by Drools while the memo was on (for the benchmark) */
    public long hits() { return hits.get(); }
    public long misses() { return misses.get(); }
    public int size() { return entries.size(); }

    /** How one fact class is keyed: a getter per property read, with its cut points where keyed by threshold side. */
    private final class Key {
        private final String[] names;
        private final Method[] getters;
        private final MemoPlan.Threshold[][] thresholds; // null: by value
        private final boolean[] isParams;

        Key(Class<?> c, MemoPlan.Reads reads) {
            List<String> props = new ArrayList<>(reads.properties);
            names = props.toArray(String[]::new);
            getters = new Method[names.length];
            thresholds = new MemoPlan.Threshold[names.length][];
            isParams = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                isParams[i] = names[i].equals("params");
                getters[i] = isParams[i] ? null : MemoPlan.getter(c, names[i]);
                List<MemoPlan.Threshold> ts = reads.thresholds.get(names[i]);
                if (ts != null && !reads.raw.contains(names[i])) thresholds[i] = ts.toArray(MemoPlan.Threshold[]::new);
            }
        }

        void add(Subject s, List<Object> key) {
            for (int i = 0; i < names.length; i++) {
                if (isParams[i]) {
                    key.add(snapshot(s.getParams()));
                    continue;
                }
                Object v;
                try {
                    v = getters[i].invoke(s);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + names[i] + " of " + s.getClass().getSimpleName(), e);
                }
                if (thresholds[i] != null) {
                    key.add(v == null ? -1 : MemoPlan.side(((Number) v).longValue(), cuts(i, s.getParams())));
                } else {
                    key.add(v);
                }
            }
        }

        private final ConcurrentHashMap<Params, long[][]> cuts = new ConcurrentHashMap<>();

        private long[] cuts(int i, Params p) {
            long[][] all = cuts.get(p);
            if (all == null) {
                all = new long[names.length][];
                for (int k = 0; k < names.length; k++) if (thresholds[k] != null) all[k] = MemoPlan.cuts(Arrays.asList(thresholds[k]), p);
                cuts.put(p, all);
            }
            return all[i];
        }
    }

    private Integer snapshot(Params p) {
        Integer id = snapshotOf.get(p);
        if (id == null) {
            id = snapshotIds.computeIfAbsent(p.entriesUnread(), k -> nextSnapshot.getAndIncrement());
            snapshotOf.put(p, id);
        }
        return id;
    }

    /** @return the key of a span judged with the given schemes, within its worker (her coverage fact) */
    List<Object> spanKey(int schemes, SpanFact s, CoverageFact c) {
        List<Object> key = new ArrayList<>(16);
        key.add('S');
        key.add(schemes);
        span.add(s, key);
        coverageOfSpan.add(c, key);
        return key;
    }

    /** @return the key of the worker on the as-of date with her dependants, judged with the given schemes */
    List<Object> personKey(int schemes, CoverageFact c, List<DependantFact> ds) {
        List<Object> key = new ArrayList<>(16);
        key.add('P');
        key.add(schemes);
        coverage.add(c, key);
        key.add(ds.size());
        for (DependantFact d : ds) dependant.add(d, key);
        return key;
    }

    // ------------------------------------------------------------------ events

    /** Situations of life events kept per thread (recent ones: both sides of a compare assess a batch on one thread). */
    static final int EVENT_LIMIT = 2_048;
    /** Entries kept under one key (same events and worker, other snapshots or histories). */
    static final int EVENT_ENTRIES_PER_KEY = 4;

    /**
     * What Drools found about a worker's events, with what its rules read of each event's parameter snapshot and
     * contribution history (by position of the event).
     */
    record EventEntry(Template template, Params[] params, Set<String>[] paramReads, HistoryIndex[] histories, Set<String>[] historyReads) {
        boolean matches(List<EventFact> facts) {
            for (int i = 0; i < facts.size(); i++) {
                EventFact e = facts.get(i);
                if (!params[i].sameAs(e.getParams(), paramReads[i]) || !histories[i].sameAs(e.history(), historyReads[i])) return false;
            }
            return true;
        }
    }

    private final ThreadLocal<Map<List<Object>, List<EventEntry>>> events = ThreadLocal.withInitial(() -> new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, List<EventEntry>> eldest) {
            return size() > EVENT_LIMIT;
        }
    });
    private final AtomicLong eventHits = new AtomicLong();
    private final AtomicLong eventMisses = new AtomicLong();

    /**
     * The key of a worker's life events judged with the given schemes, when their rules read no contribution finding
     * ({@link MemoPlan#contributionEventKinds()}): every value of each event fact but its owner, snapshot and history
     * ({@link EventFact#values}), in order. The event rules read only these facts, the schemes asked about and
     * findings about the same events (MemoPlan checks it); what they read of the snapshots and histories is compared
     * when an entry is looked up ({@link EventEntry#matches}).
     */
    List<Object> eventKey(int schemes, List<EventFact> facts) {
        List<Object> key = new ArrayList<>(1 + facts.size());
        key.add(schemes);
        for (EventFact e : facts) key.add(e.values());
        return key;
    }

    /** @return what the rules found lately on this thread about events with this key and the same values read, or null */
    Template getEvents(List<Object> key, List<EventFact> facts) {
        List<EventEntry> es = events.get().get(key);
        if (es != null) {
            for (EventEntry e : es) {
                if (e.matches(facts)) {
                    eventHits.incrementAndGet();
                    return e.template();
                }
            }
        }
        eventMisses.incrementAndGet();
        return null;
    }

    /** Keeps what Drools found about a worker's events, with what the rules read of their snapshots and histories. */
    @SuppressWarnings("unchecked")
    void putEvents(List<Object> key, List<EventFact> facts, Template t, ReadLog log) {
        int n = facts.size();
        Params[] ps = new Params[n];
        HistoryIndex[] hs = new HistoryIndex[n];
        Set<String>[] pr = new Set[n];
        Set<String>[] hr = new Set[n];
        for (int i = 0; i < n; i++) {
            EventFact e = facts.get(i);
            ps[i] = e.getParams();
            hs[i] = e.history();
            pr[i] = Set.copyOf(log.of(ps[i]));
            hr[i] = Set.copyOf(log.of(hs[i]));
        }
        List<EventEntry> es = events.get().computeIfAbsent(key, k -> new ArrayList<>(1));
        if (es.size() >= EVENT_ENTRIES_PER_KEY) es.remove(0);
        es.add(new EventEntry(t, ps, pr, hs, hr));
    }

    /** @return workers whose event benefits were replayed */
    public long eventHits() { return eventHits.get(); }

    /** @return workers whose event benefits Drools judged while the memo was on */
    public long eventMisses() { return eventMisses.get(); }

    Template get(List<Object> key) {
        return entries.get(key);
    }

    void put(List<Object> key, Template t) {
        if (entries.size() < LIMIT) entries.putIfAbsent(key, t);
    }

    void counted(long hit, long miss) {
        if (hit > 0) hits.addAndGet(hit);
        if (miss > 0) misses.addAndGet(miss);
    }

    // ------------------------------------------------------------------ templates

    /**
     * What the rules found about one unit of facts (a span; or the coverage fact then the dependants), with each
     * finding's subject as a position in the unit and its support as an earlier item. Compared by identity: the memo
     * keeps one per key, so the same template means the same key.
     */
    static final class Template {
        private final List<Item> items;

        Template(List<Item> items) {
            this.items = items;
        }

        List<Item> items() { return items; }
    }

    /** One thing found: a finding, a contribution or an amount, about the fact at {@code position} of the unit. */
    record Item(int position, Finding finding, int support, ContributionFinding contribution, BenefitFinding benefit) { }

    /**
     * @return the template of what the rules found about a unit's facts, or null when it cannot be replayed (a finding
     *         rests on a finding about a fact outside the unit)
     */
    static Template template(List<? extends Subject> unit, List<Object> found) {
        Map<Subject, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < unit.size(); i++) position.put(unit.get(i), i);
        List<Item> items = new ArrayList<>(found.size());
        Map<Finding, Integer> index = new IdentityHashMap<>();
        List<Finding> pending = new ArrayList<>();
        for (Object o : found) {
            if (o instanceof Finding f) pending.add(f);
            else if (o instanceof ContributionFinding c) items.add(new Item(position.get(c.span()), null, -1, c, null));
            else if (o instanceof BenefitFinding b) items.add(new Item(position.get(b.subject()), null, -1, null, b));
            else return null;
        }
        // findings after their supports
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (java.util.Iterator<Finding> it = pending.iterator(); it.hasNext(); ) {
                Finding f = it.next();
                Finding s = f.getSupport();
                if (s != null && !index.containsKey(s)) {
                    if (!position.containsKey(s.getSubject())) return null;
                    continue;
                }
                index.put(f, items.size());
                items.add(new Item(position.get(f.getSubject()), f, s == null ? -1 : index.get(s), null, null));
                it.remove();
                progress = true;
            }
            if (!progress) return null;
        }
        return new Template(List.copyOf(items));
    }

    /** @return the template's findings about a unit of new facts (in the template's order) */
    static List<Object> replay(Template t, List<? extends Subject> unit) {
        List<Object> out = new ArrayList<>(t.items().size());
        Finding[] made = new Finding[t.items().size()];
        for (int i = 0; i < t.items().size(); i++) {
            Item it = t.items().get(i);
            Subject s = unit.get(it.position());
            if (it.finding() != null) {
                made[i] = it.finding().about(s, it.support() < 0 ? null : made[it.support()]);
                out.add(made[i]);
            } else if (it.contribution() != null) {
                out.add(it.contribution().about((SpanFact) s));
            } else {
                out.add(it.benefit().about(s));
            }
        }
        return out;
    }

    /** @return the schemes of a query as a bit set (the key's part for the schemes asked about) */
    static int schemes(Set<org.rulesascode.nssf.eligibility.Scheme> schemes) {
        int bits = 0;
        for (org.rulesascode.nssf.eligibility.Scheme s : schemes) bits |= 1 << s.ordinal();
        return bits;
    }
}
