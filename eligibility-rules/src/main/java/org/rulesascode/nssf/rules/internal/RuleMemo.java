package org.rulesascode.nssf.rules.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * (the only property the key leaves out, read only by the contribution functions).
 *
 * <p>The benefits of a worker's life events are memoised per thread (those whose rules read her contributions, pension
 * claims, invalidity and deaths, only while the rules read them as her whole pension contributions:
 * {@link MemoPlan#contributionEventProblems()}): Drools judges a situation once, with the event rules'
 * reads logged ({@link ReadLog}); a later worker whose events give the same value for every read (the schemes asked
 * about and the kinds of her events first) gets the same findings, and her amounts are computed again from her own
 * facts by the calculations the rules called ({@link ReadLog.Recipe}). Each thread keeps its own situations (no
 * locking), at most {@link #EVENT_LIMIT} over all threads.
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
        plan.eventThresholds().forEach((prop, ts) -> eventSides.put(prop, new Sides(ts)));
        if (this.enabled && !plan.eventMemoProblems().isEmpty()) LOG.debug("event memo off: {}", plan.eventMemoProblems());
        else if (this.enabled && !plan.contributionEventProblems().isEmpty()) {
            LOG.debug("event memo off for events whose rules read contributions: {}", plan.contributionEventProblems());
        }
    }

    /** @return true when the memo is used (the plan found no problem and it was not turned off) */
    public boolean enabled() { return enabled; }

    public MemoPlan plan() { return plan; }

    /** @return facts found in the memo, and facts judged by Drools while the memo was on (for the benchmark) */
    public long hits() { return hits.get(); }
    public long misses() { return misses.get(); }
    public int size() { return entries.size(); }

    /** How one fact class is keyed: a getter per property read, with its thresholds where keyed by threshold side. */
    private final class Key {
        private final String[] names;
        private final Method[] getters;
        private final Sides[] sides; // null: by value
        private final boolean[] isParams;
        /** The getters of the parameters read when not the whole snapshot ({@link MemoPlan.Reads#paramReads}); else null. */
        private final Method[] paramGetters;
        /** Their values on each snapshot (made once per snapshot object). */
        private final ConcurrentHashMap<Params, List<Object>> paramValues = new ConcurrentHashMap<>();

        Key(Class<?> c, MemoPlan.Reads reads) {
            if (reads.wholeParams || reads.paramReads.isEmpty()) {
                paramGetters = null;
            } else {
                paramGetters = reads.paramReads.stream().map(r -> MemoPlan.getter(Params.class, r)).toArray(Method[]::new);
            }
            List<String> props = new ArrayList<>(reads.properties);
            names = props.toArray(String[]::new);
            getters = new Method[names.length];
            sides = new Sides[names.length];
            isParams = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                isParams[i] = names[i].equals("params");
                getters[i] = isParams[i] ? null : MemoPlan.getter(c, names[i]);
                List<MemoPlan.Threshold> ts = reads.thresholds.get(names[i]);
                if (ts != null && !reads.raw.contains(names[i])) sides[i] = new Sides(ts);
            }
        }

        void add(Subject s, List<Object> key) {
            for (int i = 0; i < names.length; i++) {
                if (isParams[i]) {
                    key.add(paramGetters == null ? snapshot(s.getParams()) : params(s.getParams()));
                    continue;
                }
                Object v;
                try {
                    v = getters[i].invoke(s);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + names[i] + " of " + s.getClass().getSimpleName(), e);
                }
                key.add(sides[i] == null ? v : sides[i].side(v, s.getParams()));
            }
        }

        /** @return the values of the parameters read, on a snapshot */
        private List<Object> params(Params p) {
            List<Object> v = paramValues.get(p);
            if (v == null) {
                Object[] values = new Object[paramGetters.length];
                for (int i = 0; i < values.length; i++) {
                    try {
                        values[i] = paramGetters[i].invoke(p);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + paramGetters[i].getName() + " of a parameter snapshot", e);
                    }
                }
                v = Arrays.asList(values);
                paramValues.putIfAbsent(p, v);
            }
            return v;
        }
    }

    /**
     * @return true when two coverage facts (of one worker on one as-of date, under two engines over these rules) give
     *         the span rules the same values: then a span gives the same key with either
     */
    boolean sameCoverageOfSpan(CoverageFact a, CoverageFact b) {
        List<Object> x = new ArrayList<>(8);
        List<Object> y = new ArrayList<>(8);
        coverageOfSpan.add(a, x);
        coverageOfSpan.add(b, y);
        return x.equals(y);
    }

    /** @return true when two snapshots hold the same values (those of two engines before a reform's first change) */
    boolean sameSnapshot(Params a, Params b) {
        return a == b || snapshot(a).equals(snapshot(b));
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

    /**
     * Situations of life events kept, over every thread and shape of reads (then no more are added): a calibrated
     * population of a million workers has a few thousand; each takes about a kilobyte.
     */
    static final int EVENT_LIMIT = 50_000;
    /** Shapes of reads kept under one key (the schemes and the kinds of the events). */
    static final int EVENT_SHAPES_PER_KEY = 256;

    /**
     * What the event rules read of a worker's events in one judgement, event by event: the reads of the fact
     * ({@link EventRead}) and the ids of the parameters read of its snapshot; with the findings of every judgement
     * that read the same, keyed by the values read. A later worker whose events give one of these value lists is
     * judged alike: the findings are replayed, the amounts computed again from her own facts.
     */
    private final class EventShape {
        final EventRead[][] reads;
        final String[][] params;
        final Map<List<Object>, Template> entries = new HashMap<>();

        EventShape(EventRead[][] reads, String[][] params) {
            this.reads = reads;
            this.params = params;
        }

        /**
         * @return the values of this shape's reads on a worker's event facts (the log is not running), or null when
         *         one cannot be read on them: a read the rules made after others that her facts answer differently
         *         (e.g. a calculation with a parameter not yet in force), so no entry of this shape is hers
         */
        List<Object> values(List<EventFact> facts) {
            try {
                return valuesOrFail(facts);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private List<Object> valuesOrFail(List<EventFact> facts) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < reads.length; i++) {
                EventFact e = facts.get(i);
                for (EventRead r : reads[i]) out.add(eventValue(e, r, facts));
                for (String id : params[i]) out.add(paramValue(e.getParams(), id));
            }
            return out;
        }

        boolean sameReads(EventRead[][] r, String[][] p) {
            return Arrays.deepEquals(reads, r) && Arrays.deepEquals(params, p);
        }
    }

    /** Parameter values (entries, or a whole snapshot with its start) by a number: compared and hashed cheaply. */
    private final ConcurrentHashMap<Object, Integer> valueIds = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger nextValueId = new java.util.concurrent.atomic.AtomicInteger();
    /** The numbers of the values of each snapshot of the timeline (its copies for event facts are equal to it). */
    private final ConcurrentHashMap<Params, ConcurrentHashMap<String, Integer>> paramValues = new ConcurrentHashMap<>();

    /** @return the number of the value a snapshot gives for a parameter read ({@link ReadLog#ALL}: every value and the start) */
    private Integer paramValue(Params p, String id) {
        ConcurrentHashMap<String, Integer> ids = paramValues.computeIfAbsent(p.origin(), k -> new ConcurrentHashMap<>());
        Integer v = ids.get(id);
        if (v == null) {
            Object value = id.equals(ReadLog.ALL) ? List.of(p.entriesUnread(), p.fromUnread())
                    : java.util.Optional.ofNullable(p.entriesUnread().get(id));
            v = valueIds.computeIfAbsent(value, k -> nextValueId.getAndIncrement());
            ids.put(id, v);
        }
        return v;
    }

    /** What one read gives on a fact: its value, or its side of each threshold the rules compare it with. */
    private Object eventValue(EventFact e, EventRead r, List<EventFact> facts) {
        Object v = e.value(r, facts);
        Sides sides = r.op().property == null ? null : eventSides.get(r.op().property);
        if (sides == null || v != null && !(v instanceof Number)) return v; // compared with null only, or not a number: by value
        return sides.side(v, e.getParams());
    }

    /** The thresholds of one property, with their cut points on each snapshot. */
    private static final class Sides {
        final List<MemoPlan.Threshold> thresholds;
        final ConcurrentHashMap<Params, long[]> cuts = new ConcurrentHashMap<>();

        Sides(List<MemoPlan.Threshold> thresholds) {
            this.thresholds = List.copyOf(thresholds);
        }

        /** @return the side of every threshold (under the snapshot's values) a whole number lies on; -1 for null */
        int side(Object v, Params p) {
            if (v == null) return -1;
            long[] c = cuts.get(p);
            if (c == null) {
                c = MemoPlan.cuts(thresholds, p);
                cuts.put(p, c);
            }
            return MemoPlan.side(((Number) v).longValue(), c);
        }
    }

    private final Map<String, Sides> eventSides = new HashMap<>();

    /** Situations kept on every thread. */
    private final java.util.concurrent.atomic.AtomicInteger eventEntries = new java.util.concurrent.atomic.AtomicInteger();

    /** This thread's situations: the shapes of reads under each key. */
    private final ThreadLocal<Map<List<Object>, List<EventShape>>> events = ThreadLocal.withInitial(HashMap::new);
    private final AtomicLong eventHits = new AtomicLong();
    private final AtomicLong eventMisses = new AtomicLong();

    /** @return true when the event memo may serve (the plan accounts for everything the event rules read) */
    boolean eventsEnabled() { return enabled && plan.eventMemoProblems().isEmpty(); }

    /**
     * @return true when the event memo may serve events of the kinds whose rules read contributions too (pension claims,
     *         invalidity, deaths): those rules read them only as the worker's whole pension contributions
     */
    boolean contributionEventsEnabled() { return eventsEnabled() && plan.contributionEventProblems().isEmpty(); }

    /**
     * The key of a worker's life events judged with the given schemes: the schemes and the kind of each event in
     * order. What the rules read of the facts is compared when an entry is looked up ({@link EventShape}).
     */
    List<Object> eventKey(int schemes, List<EventFact> facts) {
        List<Object> key = new ArrayList<>(1 + facts.size());
        key.add(schemes);
        for (EventFact e : facts) key.add(e.kindUnread());
        return key;
    }

    /** @return what the rules found lately on this thread about events that read the same values, or null */
    Template getEvents(List<Object> key, List<EventFact> facts) {
        List<EventShape> shapes = events.get().get(key);
        if (shapes != null) {
            for (int i = 0; i < shapes.size(); i++) {
                EventShape shape = shapes.get(i);
                List<Object> values = shape.values(facts);
                Template t = values == null ? null : shape.entries.get(values);
                if (t != null) {
                    if (i > 0) shapes.add(0, shapes.remove(i)); // the shapes that serve most are tried first
                    eventHits.incrementAndGet();
                    return t;
                }
            }
        }
        eventMisses.incrementAndGet();
        return null;
    }

    /** Keeps what Drools found about a worker's events, with what the rules read of them. */
    void putEvents(List<Object> key, List<EventFact> facts, Template t, ReadLog log) {
        if (eventEntries.get() >= EVENT_LIMIT) return;
        int n = facts.size();
        EventRead[][] rs = new EventRead[n][];
        String[][] ps = new String[n][];
        for (int i = 0; i < n; i++) {
            EventFact e = facts.get(i);
            rs[i] = log.reads(e).toArray(EventRead[]::new);
            ps[i] = new java.util.TreeSet<>(log.of(e.getParams())).toArray(String[]::new);
        }
        List<EventShape> shapes = events.get().computeIfAbsent(key, k -> new ArrayList<>(1));
        EventShape shape = null;
        for (EventShape s : shapes) {
            if (s.sameReads(rs, ps)) {
                shape = s;
                break;
            }
        }
        if (shape == null) {
            if (shapes.size() >= EVENT_SHAPES_PER_KEY) return;
            shape = new EventShape(rs, ps);
            shapes.add(shape);
        }
        List<Object> values = shape.values(facts);
        if (values == null) return; // a read that cannot be made again (never seen): the situation is not kept
        if (shape.entries.putIfAbsent(values, t) == null) eventEntries.incrementAndGet();
    }

    /** @return workers whose event benefits were replayed */
    public long eventHits() { return eventHits.get(); }

    /** @return workers whose event benefits Drools judged while the memo was on */
    public long eventMisses() { return eventMisses.get(); }

    private final AtomicLong sharedEvents = new AtomicLong();

    /**
     * @return workers whose event findings the second assessment of a pair took from the first (the same event facts
     *         on both sides: {@code Assessor#assessBoth})
     */
    public long sharedEvents() { return sharedEvents.get(); }

    void countedSharedEvents(long n) { sharedEvents.addAndGet(n); }

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

    /**
     * One thing found: a finding, a contribution or an amount, about the fact at {@code position} of the unit. A finding
     * with {@code record} is about the pension {@link PensionCalc.Record} of the event at {@code position} (the support
     * of a pension outcome, never inserted): replayed about a record of the new event and its worker's pension
     * contributions, and kept out of the findings handed back.
     */
    record Item(int position, Finding finding, int support, ContributionFinding contribution, BenefitFinding benefit, ReadLog.Recipe recipe,
                boolean record) {
        Item(int position, Finding finding, int support, ContributionFinding contribution, BenefitFinding benefit, ReadLog.Recipe recipe) {
            this(position, finding, support, contribution, benefit, recipe, false);
        }
    }

    /**
     * @return the template of what the rules found about a unit's facts, or null when it cannot be replayed (a finding
     *         rests on a finding about a fact outside the unit)
     */
    static Template template(List<? extends Subject> unit, List<Object> found) {
        return template(unit, found, null);
    }

    /**
     * @param log when the unit is a worker's events: the read log of their judgement, which knows how each amount was
     *            computed (replayed by computing it again on the new facts)
     */
    static Template template(List<? extends Subject> unit, List<Object> found, ReadLog log) {
        Map<Subject, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < unit.size(); i++) position.put(unit.get(i), i);
        List<Item> items = new ArrayList<>(found.size());
        Map<Finding, Integer> index = new IdentityHashMap<>();
        List<Finding> pending = new ArrayList<>();
        for (Object o : found) {
            if (o instanceof Finding f) pending.add(f);
            else if (o instanceof ContributionFinding c) items.add(new Item(position.get(c.span()), null, -1, c, null, null));
            else if (o instanceof BenefitFinding b) items.add(new Item(position.get(b.subject()), null, -1, null, b, log == null ? null : log.recipe(b)));
            else return null;
        }
        // findings after their supports
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (java.util.Iterator<Finding> it = pending.iterator(); it.hasNext(); ) {
                Finding f = it.next();
                Finding s = f.getSupport();
                if (s != null && !index.containsKey(s) && s.getSubject() instanceof PensionCalc.Record r && s.getSupport() == null
                        && position.containsKey(r.getEvent())) {
                    // a pension outcome's support about the record of an event of the unit: replayed on the new event
                    index.put(s, items.size());
                    items.add(new Item(position.get(r.getEvent()), s, -1, null, null, null, true));
                }
                if (s != null && !index.containsKey(s)) {
                    if (!position.containsKey(s.getSubject())) return null;
                    continue;
                }
                index.put(f, items.size());
                items.add(new Item(position.get(f.getSubject()), f, s == null ? -1 : index.get(s), null, null, null));
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
            if (it.record()) {
                EventFact e = (EventFact) s;
                made[i] = it.finding().about(new PensionCalc.Record(e, e.pensionUnread()), null);
            } else if (it.finding() != null) {
                made[i] = it.finding().about(s, it.support() < 0 ? null : made[it.support()]);
                out.add(made[i]);
            } else if (it.contribution() != null) {
                out.add(it.contribution().about((SpanFact) s));
            } else if (it.recipe() != null) {
                out.add(it.recipe().make(it.benefit().ruleId(), (EventFact) s, unit));
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
