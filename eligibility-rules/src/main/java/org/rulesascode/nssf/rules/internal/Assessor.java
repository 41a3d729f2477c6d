package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.KieSession;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionLines;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.TraceStep;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Assesses one request: derives the facts (the person on the as-of date, the history cut into spans), runs the
 * rules in a pooled session, and turns the findings into explained decisions and contribution lines.
 * Thread-safe: it keeps no state between calls.
 */
public final class Assessor {
    /** A rule base that fires more often than this on one profile loops; it is a defect, reported as such. */
    static final int FIRE_LIMIT = 100_000;
    /** Bound of the reason cache; past it, reasons are built but not kept. */
    static final int REASON_CACHE_LIMIT = 20_000;
    /** Profiles per shared session in {@link #assessAll}. */
    static final int BATCH = 32;
    /** Profiles per batch when the memo serves: only those it cannot answer, or with events, go into sessions of {@link #BATCH}. */
    static final int MEMO_BATCH = 512;
    /** Profiles per session when their first phase was replayed and only their events are judged. */
    static final int EVENT_BATCH = 128;
    /** Placeholder of the months in a cached note. */
    private static final String MONTHS = "\u0000months\u0000";
    private final RuleSet ruleSet;
    private final boolean useMemo;
    private final Map<String, List<Parameter>> ruleParameters = new HashMap<>();
    private final Map<String, String> parameterStarts = new HashMap<>();
    /** The months from which a parameter of a rule on spans changes: where the history is cut into spans. */
    private final int[] spanBreaks;
    private final java.util.concurrent.ConcurrentHashMap<RuleParametersKey, RuleParameters> ruleParameterValues = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<ReasonKey, Reason> reasons = new java.util.concurrent.ConcurrentHashMap<>();

    /** Everything a rendered reason depends on: the same key always gives an equal reason. */
    private record ReasonKey(String ruleId, CriterionStatus status, boolean outcome, Params params, Map<String, String> facts, Locale locale) { }

    public Assessor(RuleSet ruleSet) {
        this(ruleSet, false, true);
    }

    /**
     * @param useMemo false to judge every fact in Drools, never replaying the memo of first-phase outcomes
     *                ({@link RuleMemo}; the differential tests' reference)
     */
    public Assessor(RuleSet ruleSet, boolean useMemo) {
        this(ruleSet, false, useMemo);
    }

    /** @param cutAtEveryChange true to cut spans at every parameter change (the differential test's reference) */
    Assessor(RuleSet ruleSet, boolean cutAtEveryChange, boolean useMemo) {
        this.ruleSet = ruleSet;
        this.useMemo = useMemo;
        this.spanBreaks = cutAtEveryChange ? ruleSet.timeline().changeMonths()
                : ParamTimeline.changeMonths(ruleSet.parameters(), ruleSet.rules().spanParameters());
        for (RuleInfo r : ruleSet.rules().rules().values()) {
            List<Parameter> ps = new ArrayList<>();
            for (String id : r.parameterIds()) ps.add(ruleSet.parameters().get(id));
            ruleParameters.put(r.id(), List.copyOf(ps));
        }
        for (Parameter p : ruleSet.parameters().all().values()) parameterStarts.put(p.id(), start(p));
        for (RuleInfo r : ruleSet.rules().rules().values()) {
            if (!"ALL".equals(r.scheme())) schemes.put(r.id(), Scheme.valueOf(r.scheme()));
            benefits.put(r.id(), Benefit.valueOf(r.benefit()));
        }
    }

    public Assessment assess(AssessmentRequest request, Locale locale) {
        return assess(request, locale, true);
    }

    /** @param compliance false for the corrected profiles {@link ComplianceCheck} re-assesses: no findings, no recursion */
    Assessment assess(AssessmentRequest request, Locale locale, boolean compliance) {
        return batch(List.of(request), locale, compliance, true, null, spanBreaks).out.get(0);
    }

    /**
     * Assesses several requests, in order. Requests that ask about the same schemes share one session: their facts are
     * tagged with their index in the batch ({@link Subject#getOwner()}), rules that join two facts match on it, and
     * the findings are sorted back to their profiles. A session reset costs as much as the whole rule network, so
     * sharing it is cheaper than one session per profile; the answers are the same (a property test compares them).
     */
    public List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale) {
        return inBatches(requests, locale, true, true);
    }

    /**
     * Assesses several requests, in order, with or without their explanation.
     *
     * @param explain false for the outcome fast path: the same findings are fired and the same outcomes, entitlements,
     *                event dates, provisional flags and contribution lines are built, but no reason, citation, step or
     *                message is rendered and no compliance fact is inserted or re-assessed; the decisions carry no
     *                reasons and no steps and the assessments no compliance findings ({@link Assessment#outcomesOnly()}
     *                of the explained form, which a differential test checks)
     */
    public List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale, boolean explain) {
        return inBatches(requests, locale, explain, explain);
    }

    /**
     * Assesses several requests, in order, explained but without compliance findings (as the corrected histories of a
     * compliance check are): {@code Detail.DECISIONS}, which a comparison reads for the workers whose result changes;
     * the memo serves exactly this path and the fast one.
     */
    public List<Assessment> assessAllWithoutCompliance(List<AssessmentRequest> requests, Locale locale) {
        return inBatches(requests, locale, false, true);
    }

    /**
     * Assesses several requests on the outcome fast path ({@link #assessAll(List, Locale, boolean)} with {@code false})
     * with this assessor and with {@code other}, sharing what the two have in common: the answers are exactly those of
     * the two calls. With the same compiled rules (a parameter reform of this rule set) and the memo on both, each batch
     * is assessed here first; then, for a worker the memo answered whole, the other assessor takes this one's history
     * spans that are the same span with the same parameter values and the same reads of her coverage fact (those before
     * a reform's first change, in practice) with what the rules found about them and their contribution lines, as its
     * own: the same span, the same key in the memo, so the same findings and lines ({@code PairedAssessmentTests}
     * compares them with the other assessor's own). It cuts her spans by copying this one's with its own parameters
     * ({@link #respans}), and takes this one's findings and decisions about her life events when they would be the
     * same facts ({@link #eventsFromBase}). The rest of her facts it judges (or replays) itself.
     *
     * @return the two lists in the requests' order: index 0 this assessor's, index 1 the other's
     */
    public List<List<Assessment>> assessBoth(Assessor other, List<AssessmentRequest> requests, Locale locale) {
        if (!sharesWith(other)) return List.of(assessAll(requests, locale, false), other.assessAll(requests, locale, false));
        Assessment[] mine = new Assessment[requests.size()];
        Assessment[] theirs = new Assessment[requests.size()];
        // both cut the history where either's span parameters change: a span is then the same months on both sides up
        // to the reform's first change (a cut where a side's parameters do not change leaves its answers as they are:
        // the two parts have the same snapshot, so the same findings, month by month the same lines)
        int[] breaks = java.util.stream.IntStream.concat(Arrays.stream(spanBreaks), Arrays.stream(other.spanBreaks)).distinct().sorted().toArray();
        inSlices(requests, MEMO_BATCH, (slice, rs) -> {
            Batch b = batch(rs, locale, false, false, null, breaks);
            Batch o = other.batch(rs, locale, false, false, b, breaks);
            for (int k = 0; k < slice.size(); k++) {
                mine[slice.get(k)] = b.out.get(k);
                theirs[slice.get(k)] = o.out.get(k);
            }
        });
        return List.of(Arrays.asList(mine), Arrays.asList(theirs));
    }

    /** @return true when {@link #assessBoth} shares work with {@code other}: the same compiled rules, the memo on for both */
    public boolean sharesWith(Assessor other) {
        return other != null && other.ruleSet.rules() == ruleSet.rules() && useMemo && other.useMemo && ruleSet.rules().memo().enabled();
    }

    /** @return true when this assessor may replay the memo of first-phase outcomes */
    public boolean usesMemo() { return useMemo; }

    /** Assesses requests in batches of requests that ask about the same schemes; the answers in the requests' order. */
    private List<Assessment> inBatches(List<AssessmentRequest> requests, Locale locale, boolean compliance, boolean explain) {
        Assessment[] out = new Assessment[requests.size()];
        // with the memo most profiles need no session: a batch then gathers the few that do into full sessions
        int size = !compliance && useMemo && ruleSet.rules().memo().enabled() ? MEMO_BATCH : BATCH;
        inSlices(requests, size, (slice, rs) -> {
            List<Assessment> as = batch(rs, locale, compliance, explain, null, spanBreaks).out;
            for (int k = 0; k < slice.size(); k++) out[slice.get(k)] = as.get(k);
        });
        return Arrays.asList(out);
    }

    /**
     * Hands the requests to {@code each} in slices of at most {@code size} that ask about the same schemes: the indexes
     * of a slice's requests, and the requests.
     */
    private static void inSlices(List<AssessmentRequest> requests, int size, java.util.function.BiConsumer<List<Integer>, List<AssessmentRequest>> each) {
        Map<Set<Scheme>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) groups.computeIfAbsent(requests.get(i).schemes(), k -> new ArrayList<>()).add(i);
        for (List<Integer> group : groups.values()) {
            for (int from = 0; from < group.size(); from += size) {
                List<Integer> slice = group.subList(from, Math.min(group.size(), from + size));
                List<AssessmentRequest> rs = new ArrayList<>(slice.size());
                for (int i : slice) rs.add(requests.get(i));
                each.accept(slice, rs);
            }
        }
    }

    /** What one profile of a batch has gathered. */
    private static final class Work {
        final AssessmentRequest request;
        final CoverageFact coverage;
        final ArrayList<Finding> findings = new ArrayList<>();
        final ArrayList<ContributionFinding> contributions = new ArrayList<>();
        final List<BenefitFinding> benefits = new ArrayList<>();
        final List<ComplianceNote> notes = new ArrayList<>();
        /**
         * For a profile whose first phase the memo answered: the templates it was answered from (with the schemes asked
         * about), which decide its decisions on the as-of date (not those on its events); null otherwise
         */
        List<Object> templates;
        /**
         * True when the event memo serves her: she has events up to the as-of date, and their rules read no
         * contribution findings (MemoPlan#contributionEventKinds) or read them in the form the memo accounts for
         * (RuleMemo#contributionEventsEnabled); decided once per batch.
         */
        boolean eventsMemoised;
        /** She has life events up to the as-of date (decided once). */
        boolean hasEvents;
        /**
         * Her life-event facts once made for the event memo (before her session when her first phase was replayed,
         * else when her session inserts them); null otherwise.
         */
        List<EventFact> events;
        /** Their key in the event memo when Drools judges them (what it finds is then kept); else null. */
        List<Object> eventKey;
        /**
         * For a profile the memo answered whole: where each unit's findings end in her replayed list (the person unit,
         * then each span); null otherwise. The other assessor of a pair takes the spans' parts it shares from here.
         */
        int[] ends;
        /** The month index of the last month of the leading spans taken from the first assessment of a pair ({@link #assessBoth}). */
        int sharedUntil;
        /** The lines of those spans, as the first assessment made them (its first runs); null when none are taken. */
        List<ContributionLines.Run> sharedRuns;
        /**
         * The decisions on her events, once made ({@link #decisions(Work, Locale, boolean)}), for the other assessment
         * of a pair; null when she has none.
         */
        List<Decision> eventDecisions;
        /**
         * For the second assessment of a pair: the first one's work on her when her event findings are its
         * ({@link #eventsFromBase}): the same findings, so the same decisions on her events; else null.
         */
        Work eventsFrom;

        Work(AssessmentRequest request, CoverageFact coverage) {
            this.request = request;
            this.coverage = coverage;
        }
    }

    /** The facts of one profile's first phase: the worker on the as-of date, her dependants, her history spans. */
    private record Facts(CoverageFact coverage, List<DependantFact> dependants, List<SpanFact> spans) { }

    /** A batch assessed: its answers, with what the other assessor of a pair shares ({@link #assessBoth}). */
    private record Batch(Work[] work, Facts[] facts, List<Object>[] replayed, List<Assessment> out, ParamTimeline timeline) { }

    /**
     * Assesses requests that ask about the same schemes in one session.
     *
     * @param base   the same requests assessed by the first assessor of a pair (over the same compiled rules, on the
     *               outcome path), whose spans this one may share; null otherwise
     * @param breaks the months at which the history is cut into spans (at least {@link #spanBreaks})
     */
    private Batch batch(List<AssessmentRequest> requests, Locale locale, boolean compliance, boolean explain, Batch base, int[] breaks) {
        Work[] work = new Work[requests.size()];
        Facts[] facts = new Facts[requests.size()];
        // the memo of first-phase outcomes serves the assessments without compliance facts (their rules join spans)
        RuleMemo memo = compliance || !useMemo ? null : ruleSet.rules().memo();
        if (memo != null && !memo.enabled()) memo = null;
        int schemes = memo == null ? 0 : RuleMemo.schemes(requests.get(0).schemes());
        List<Object>[] replayed = memo == null ? null : newLists(requests.size());
        List<List<Object>>[] keys = memo == null ? null : newLists(requests.size());
        long hit = 0;
        long miss = 0;
        for (int i = 0; i < work.length; i++) {
            int n = prepare(i, requests.get(i), work, facts, memo, schemes, replayed, keys, base, breaks);
            if (n > 0) hit += n;
            else miss -= n;
        }
        if (memo != null) memo.counted(hit, miss);
        // the profiles the rules judge (all without the memo; with it, those it cannot answer and those with events),
        // in sessions of at most BATCH profiles: rules that join two facts of a profile match on its owner, so a
        // session's cost grows faster than its size; the others take their replayed findings straight
        // Profiles whose first phase was replayed bring only their contributions and events to a session, which then
        // holds up to EVENT_BATCH of them (measured: larger sessions of events cost less per profile up to 128 at least)
        int[] judged = new int[work.length];
        int[] events = new int[work.length];
        int n = 0;
        int e = 0;
        long sharedEvents = 0;
        for (int i = 0; i < work.length; i++) {
            if (replayed != null && replayed[i] != null) {
                if (!work[i].hasEvents) {
                    distribute(work[i], replayed[i]);
                } else if (base != null && eventsFromBase(memo, base, i, work[i], replayed[i], facts[i].spans())) {
                    sharedEvents++;
                } else if (!work[i].eventsMemoised) {
                    events[e++] = i;
                } else if (!eventsFromMemo(memo, schemes, work[i], replayed[i], i)) {
                    events[e++] = i; // judged below; what is found is kept under work[i].eventKey
                }
            } else {
                judged[n++] = i;
            }
        }
        for (int from = 0; from < n; from += BATCH) {
            judge(Arrays.copyOfRange(judged, from, Math.min(n, from + BATCH)), work, facts, replayed, keys, memo, compliance);
        }
        for (int from = 0; from < e; from += EVENT_BATCH) {
            judge(Arrays.copyOfRange(events, from, Math.min(e, from + EVENT_BATCH)), work, facts, replayed, keys, memo, compliance);
        }
        if (sharedEvents > 0) memo.countedSharedEvents(sharedEvents);
        return new Batch(work, facts, replayed, finish(work, locale, compliance, explain), ruleSet.timeline());
    }

    /**
     * The facts of one profile of a batch, and with the memo its replay when every unit of it is found (a method of its
     * own, called once a profile: the JIT compiles it early and alone rather than the whole batch loop, again and again).
     *
     * @return with the memo, the number of units (person and spans) looked up: positive when all were found, negative
     *         when the profile goes to Drools; 0 without the memo
     */
    private int prepare(int i, AssessmentRequest request, Work[] work, Facts[] facts, RuleMemo memo, int schemes,
                        List<Object>[] replayed, List<List<Object>>[] keys, Batch base, int[] breaks) {
        WorkerProfile p = request.profile();
        LocalDate asOf = request.asOf();
        Membership membership = voluntaryMembership(p, asOf, ruleSet.timeline());
        // the second assessment of a pair takes what does not depend on the parameters from the first
        CoverageFact first = base == null ? null : base.facts()[i].coverage();
        CoverageFact coverage = new CoverageFact(p.employmentStatus(), first != null ? first.getEnterpriseWorkers() : enterpriseWorkersAt(p, asOf),
                first != null ? first.getAge() : age(p.birthDate(), asOf), ruleSet.timeline().at(asOf), asOf, p.employmentStart(),
                membership.longestUnpaidRun(), membership.member());
        work[i] = new Work(request, coverage);
        work[i].hasEvents = first != null ? base.work()[i].hasEvents : hasEvents(request);
        coverage.setOwner(i);
        List<DependantFact> dependants = new ArrayList<>(0);
        if (request.includes(Scheme.VOLUNTARY_HEALTH_CARE)) {
            for (int d = 0; d < p.dependants().size(); d++) {
                DependantFact dependant = new DependantFact(d, p.dependants().get(d), asOf, coverage.getParams());
                dependant.setOwner(i);
                dependants.add(dependant);
            }
        }
        List<SpanFact> spans = base != null && Arrays.equals(base.timeline().ageThresholds(), ruleSet.timeline().ageThresholds())
                ? respans(base.facts()[i].spans(), ruleSet.timeline()) : spans(p, asOf, ruleSet.timeline(), breaks);
        for (SpanFact sp : spans) sp.setOwner(i);
        facts[i] = new Facts(coverage, dependants, spans);
        if (memo == null) return 0;
        work[i].eventsMemoised = memo.eventsEnabled() && work[i].hasEvents
                && (memo.contributionEventsEnabled() || !readsContributions(memo, request));
        int shared = base == null ? 0 : share(memo, base, i, coverage, spans);
        // every unit of the profile found in the memo: replayed; else the whole profile is judged by Drools
        List<List<Object>> ks = new ArrayList<>(1 + spans.size());
        ks.add(memo.personKey(schemes, coverage, dependants));
        List<Object> out = new ArrayList<>();
        List<Object> templates = new ArrayList<>(spans.size() + 2);
        templates.add(schemes);
        int[] ends = new int[1 + spans.size()];
        RuleMemo.Template person = memo.get(ks.get(0));
        boolean all = person != null;
        if (all) {
            out.addAll(RuleMemo.replay(person, personUnit(facts[i])));
            templates.add(person);
            ends[0] = out.size();
        }
        if (all && shared > 0) { // the spans shared with the first assessment of a pair: its findings (the same key)
            int[] be = base.work()[i].ends;
            out.addAll(base.replayed()[i].subList(be[0], be[shared]));
            templates.addAll(base.work()[i].templates.subList(2, 2 + shared));
            for (int k = 0; k < shared; k++) ends[k + 1] = ends[0] + be[k + 1] - be[0];
        }
        for (int k = all ? shared : 0; k < spans.size(); k++) {
            List<Object> key = memo.spanKey(schemes, spans.get(k), coverage);
            ks.add(key);
            if (!all) continue;
            RuleMemo.Template t = memo.get(key);
            if (t == null) {
                all = false;
            } else {
                out.addAll(RuleMemo.replay(t, List.of(spans.get(k))));
                templates.add(t);
                ends[k + 1] = out.size();
            }
        }
        int looked = 1 + spans.size() - (all ? shared : 0);
        if (all) {
            replayed[i] = out;
            work[i].templates = templates;
            work[i].ends = ends;
            if (shared > 0) shareLines(base, i, work[i], spans.get(shared - 1));
            return looked;
        }
        if (ks.size() < 1 + spans.size()) { // the shared spans' keys, for what Drools finds to be kept
            List<List<Object>> full = new ArrayList<>(1 + spans.size());
            full.add(ks.get(0));
            for (int k = 0; k < shared; k++) full.add(memo.spanKey(schemes, spans.get(k), coverage));
            full.addAll(ks.subList(1, ks.size()));
            ks = full;
        }
        keys[i] = ks;
        return -ks.size();
    }

    /**
     * The leading spans of a worker that the first assessment of a pair has too, the same in everything (months, wage,
     * paid flag, status, enterprise size, age, declared schemes, parameter values), when the span rules read the same
     * of her coverage fact on both sides: then each has the same key in the memo, and this assessment takes the first
     * one's span objects in place of its own (the findings are about them).
     *
     * @return how many spans are shared (0 when the first assessment did not replay her whole)
     */
    private static int share(RuleMemo memo, Batch base, int i, CoverageFact coverage, List<SpanFact> spans) {
        Work bw = base.work()[i];
        if (bw == null || bw.ends == null) return 0;
        // spans one after another (months covered once): the shared ones are then the first months, their lines the first runs
        if (!oneAfterAnother(spans)) return 0;
        Facts bf = base.facts()[i];
        if (!memo.sameCoverageOfSpan(bf.coverage(), coverage)) return 0;
        List<SpanFact> bs = bf.spans();
        int n = 0;
        while (n < spans.size() && n < bs.size() && sameSpan(memo, bs.get(n), spans.get(n))) n++;
        for (int k = 0; k < n; k++) spans.set(k, bs.get(k));
        return n;
    }

    /**
     * The spans of {@link #spans} for a worker whose spans another timeline with the same age thresholds cut at the
     * same months ({@code breaks}): the same months, wage, paid flag, status, enterprise size, age and declared schemes,
     * with this timeline's parameters (all {@code spans} takes of the timeline are its age thresholds and its
     * parameters on each span's first day).
     */
    private static List<SpanFact> respans(List<SpanFact> theirs, ParamTimeline timeline) {
        List<SpanFact> out = new ArrayList<>(theirs.size());
        for (SpanFact s : theirs) {
            SpanFact mine = new SpanFact(s.getStatus(), s.getEnterpriseWorkers(), s.getAge(), timeline.at(s.getFrom().atDay(1)), s.getFrom(),
                    s.getTo(), s.getWage(), s.isPaid(), s.declaredSchemes());
            mine.setOwner(s.getOwner());
            out.add(mine);
        }
        return out;
    }

    /**
     * For the second assessment of a pair, a worker whose first phase was replayed and who has life events: the first
     * assessment's findings about her events (about its event facts) when her events would be the same facts here, so
     * the same findings: the parameters in force on each event's date have the same values on both sides, and her
     * contributions are the same ({@link #sameContributionsForEvents}) in everything an event fact reads of them (the
     * rule, so the scheme; months, paid flag, declared wage, base, rates, flat amount: {@link #history},
     * {@link PensionCalc#months}). An event fact reads nothing else that differs between two assessors of the same
     * rules (status, sex, age, enterprise size and employment start come from the profile). Her replayed findings are
     * then distributed.
     *
     * @return false (nothing distributed) when they may differ: she goes the usual way
     */
    private boolean eventsFromBase(RuleMemo memo, Batch base, int i, Work w, List<Object> replayed, List<SpanFact> spans) {
        Work bw = base.work()[i];
        LocalDate asOf = w.request.asOf();
        for (LifeEvent e : w.request.profile().events()) {
            if (!e.date().isAfter(asOf) && !memo.sameSnapshot(base.timeline().at(e.date()), ruleSet.timeline().at(e.date()))) return false;
        }
        if (!sameContributionsForEvents(replayed, bw.contributions, spans)) return false;
        distribute(w, replayed);
        for (Finding f : bw.findings) if (f.getSubject() instanceof EventFact) w.findings.add(f);
        for (BenefitFinding b : bw.benefits) if (b.subject() instanceof EventFact) w.benefits.add(b);
        w.eventsFrom = bw;
        return true;
    }

    /**
     * @return true when her contributions here ({@code replayed}'s) and the first assessment's ({@code theirs}) give her
     *         event facts the same history: the same contributions, one for one ({@link #sameForEvents}), in the same
     *         order, or in another order when the order cannot matter: her spans do not overlap and no span has two
     *         contributions of one scheme, so that each month of each scheme has at most one contribution (what
     *         {@link #history} and {@link PensionCalc#months} read is then the same in any order)
     */
    private boolean sameContributionsForEvents(List<Object> replayed, List<ContributionFinding> theirs, List<SpanFact> spans) {
        int k = 0;
        for (Object o : replayed) {
            if (!(o instanceof ContributionFinding c)) continue;
            if (k >= theirs.size()) return false;
            if (!sameForEvents(c, theirs.get(k++))) return sameContributionsInAnyOrder(replayed, theirs, spans);
        }
        return k == theirs.size();
    }

    /** As {@link #sameContributionsForEvents} when the order differs (the findings of a span come in the order Drools made them). */
    private boolean sameContributionsInAnyOrder(List<Object> replayed, List<ContributionFinding> theirs, List<SpanFact> spans) {
        if (!oneAfterAnother(spans)) return false;
        record Key(YearMonth from, String ruleId) { }
        Map<Key, ContributionFinding> byKey = new HashMap<>(theirs.size() * 2);
        for (ContributionFinding t : theirs) if (byKey.put(new Key(t.span().getFrom(), t.ruleId()), t) != null) return false;
        Set<Long> schemeMonths = new HashSet<>(theirs.size() * 2);
        int n = 0;
        for (Object o : replayed) {
            if (!(o instanceof ContributionFinding c)) continue;
            n++;
            ContributionFinding t = byKey.get(new Key(c.span().getFrom(), c.ruleId()));
            if (t == null || !sameForEvents(c, t)) return false;
            Scheme scheme = schemeOf(ruleSet.rules().rule(c.ruleId()));
            if (scheme == null || !schemeMonths.add(ParamTimeline.index(c.span().getFrom()) * 16L + scheme.ordinal())) return false;
        }
        return n == theirs.size();
    }

    /** @return true when two contributions give an event fact the same history ({@link #eventsFromBase}) */
    private static boolean sameForEvents(ContributionFinding a, ContributionFinding b) {
        if (a == b) return true;
        SpanFact x = a.span();
        SpanFact y = b.span();
        return a.ruleId().equals(b.ruleId()) && a.base() == b.base() && x.getFrom().equals(y.getFrom()) && x.getTo().equals(y.getTo())
                && x.getWage() == y.getWage() && x.isPaid() == y.isPaid() && java.util.Objects.equals(a.employerRate(), b.employerRate())
                && java.util.Objects.equals(a.workerRate(), b.workerRate()) && java.util.Objects.equals(a.flatAmount(), b.flatAmount());
    }

    /** @return true when each span ends before the next starts (no month covered twice) */
    private static boolean oneAfterAnother(List<SpanFact> spans) {
        for (int k = 1; k < spans.size(); k++) if (!spans.get(k - 1).getTo().isBefore(spans.get(k).getFrom())) return false;
        return true;
    }

    private static boolean sameSpan(RuleMemo memo, SpanFact a, SpanFact b) {
        return a.getFrom().equals(b.getFrom()) && a.getTo().equals(b.getTo()) && a.getWage() == b.getWage() && a.isPaid() == b.isPaid()
                && a.getStatus() == b.getStatus() && java.util.Objects.equals(a.getEnterpriseWorkers(), b.getEnterpriseWorkers())
                && a.getAge() == b.getAge() && a.declaredSchemes().equals(b.declaredSchemes()) && memo.sameSnapshot(a.getParams(), b.getParams());
    }

    /**
     * The lines of a worker's shared spans as the first assessment made them: its first runs, when it made them run by
     * run (spans that do not overlap) and they end with the last shared span.
     */
    private static void shareLines(Batch base, int i, Work w, SpanFact last) {
        List<ContributionLine> lines = base.out().get(i).contributions();
        if (!(lines instanceof ContributionLines cl)) return;
        int until = ParamTimeline.index(last.getTo());
        List<ContributionLines.Run> runs = cl.runs();
        int n = 0;
        while (n < runs.size() && ParamTimeline.index(runs.get(n).from()) + runs.get(n).months() - 1 <= until) n++;
        w.sharedUntil = until;
        w.sharedRuns = runs.subList(0, n);
    }

    /** Judges some profiles of a batch in one session: their first phase (or its replay), then the benefits of their events. */
    private void judge(int[] profiles, Work[] work, Facts[] facts, List<Object>[] replayed, List<List<Object>>[] keys, RuleMemo memo, boolean compliance) {
        KieSession session = ruleSet.rules().pool().newKieSession();
        try {
            AssessmentRequest first = work[profiles[0]].request;
            for (Scheme s : Scheme.values()) if (first.includes(s)) session.insert(new SchemeQuery(s));
            for (int i : profiles) {
                AssessmentRequest request = work[i].request;
                WorkerProfile p = request.profile();
                LocalDate asOf = request.asOf();
                if (replayed != null && replayed[i] != null) {
                    if (work[i].eventsMemoised) { // distributed already (eventsFromMemo); her events go in below
                        if (readsContributions(memo, request)) { // with her contributions, which her event rules read
                            for (ContributionFinding c : work[i].contributions) session.insert(c);
                            work[i].contributions.clear(); // gathered again from the session below
                        }
                        continue;
                    }
                    // replayed: the benefit rules of an event read the contributions (and findings about the event
                    // only, which MemoPlan checks), so only the contributions go into the session; a worker here has
                    // an event of a kind whose rules read them (MemoPlan#contributionEventKinds), the others are
                    // served by the event memo
                    distribute(work[i], replayed[i]);
                    for (ContributionFinding c : work[i].contributions) session.insert(c);
                    work[i].contributions.clear(); // gathered again from the session below, as for a judged profile
                    continue;
                }
                session.insert(facts[i].coverage());
                for (DependantFact d : facts[i].dependants()) session.insert(d);
                for (SpanFact s : facts[i].spans()) session.insert(s);
                if (compliance) {
                    for (Object o : ComplianceCheck.facts(p, asOf, ruleSet.timeline())) {
                        if (o instanceof Subject subject) subject.setOwner(i);
                        else if (o instanceof ComplianceFact c) c.setOwner(i);
                        else throw new IllegalStateException("compliance fact without an owner: " + o.getClass());
                        session.insert(o);
                    }
                }
            }
            fire(session, work, profiles);
            for (Object o : session.getObjects()) {
                if (o instanceof ContributionFinding c) work[c.span().getOwner()].contributions.add(c);
            }
            if (memo != null) remember(memo, session, facts, keys, profiles);
            // phase 2: benefits, judged on what phase 1 found about the contribution history; with the memo, what the
            // event rules read of parameters and histories is logged from the events' insertion on (ReadLog)
            boolean any = false;
            boolean memoised = false;
            for (int i : profiles) memoised |= work[i].eventsMemoised;
            ReadLog log = memoised ? ReadLog.start() : null;
            try {
                for (int i : profiles) {
                    if (!work[i].hasEvents) continue;
                    List<EventFact> evs = work[i].events;
                    if (evs == null) {
                        evs = eventFacts(work[i], i);
                        if (work[i].eventsMemoised) { // kept for the workers after her
                            work[i].events = evs;
                            work[i].eventKey = memo.eventKey(RuleMemo.schemes(work[i].request.schemes()), evs);
                        }
                    }
                    for (EventFact fact : evs) session.insert(fact);
                    any |= !evs.isEmpty();
                }
                if (any) fire(session, work, profiles);
            } finally {
                if (log != null) ReadLog.stop();
            }
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) work[f.getSubject().getOwner()].findings.add(f);
                else if (o instanceof BenefitFinding b) work[b.subject().getOwner()].benefits.add(b);
                else if (o instanceof ComplianceNote n) work[n.subject().getOwner()].notes.add(n);
            }
            for (int i : profiles) if (work[i].eventKey != null) rememberEvents(memo, work[i], log);
        } finally {
            session.dispose();
        }
    }

    /** The assessments of a batch from what each profile gathered. */
    private List<Assessment> finish(Work[] work, Locale locale, boolean compliance, boolean explain) {
        List<Assessment> out = new ArrayList<>(work.length);
        List<List<Decision>> decisions = new ArrayList<>(work.length);
        List<List<ContributionLine>> lines = new ArrayList<>(work.length);
        for (Work w : work) {
            decisions.add(decisions(w, locale, explain));
            lines.add(w.sharedRuns == null ? lines(w.contributions) : lines(w.contributions, w.sharedRuns, w.sharedUntil));
        }
        Map<AssessmentRequest, Assessment> corrected = compliance ? corrected(work, lines, locale) : Map.of();
        for (int i = 0; i < work.length; i++) {
            Work w = work[i];
            List<ComplianceFinding> found = compliance && !w.notes.isEmpty()
                    ? ComplianceCheck.findings(ruleSet, w.request, locale, w.notes, lines.get(i), decisions.get(i),
                            r -> {
                                Assessment a = corrected.get(r);
                                if (a == null) throw new IllegalStateException("compliance re-assesses a request correctedRequests did not name");
                                return a;
                            })
                    : List.of();
            out.add(new Assessment(w.request.profile().id(), w.request.asOf(), ruleSet.version(), decisions.get(i), lines.get(i), found,
                    w.request.eventsAfterAsOf()));
        }
        return out;
    }


    @SuppressWarnings("unchecked")
    private static <T> List<T>[] newLists(int n) {
        return (List<T>[]) new List<?>[n];
    }

    /** The facts of a worker's life events up to the as-of date, judged on her contribution history. */
    private List<EventFact> eventFacts(Work w, int owner) {
        WorkerProfile p = w.request.profile();
        LocalDate asOf = w.request.asOf();
        HistoryIndex history = history(w.contributions);
        List<ContributionFinding> pension = new ArrayList<>();
        for (ContributionFinding c : w.contributions) if (PensionCalc.isPension(c)) pension.add(c);
        List<EventFact> out = new ArrayList<>(p.events().size());
        for (LifeEvent e : p.events()) {
            if (e.date().isAfter(asOf)) continue; // facts after the as-of date are ignored
            EventFact fact = new EventFact(e, p.employmentStatus(), p.sex(), enterpriseWorkersAt(p, e.date()),
                    age(p.birthDate(), e.date()), ruleSet.timeline().at(e.date()).forFact(), p.employmentStart(), history);
            fact.setOwner(owner);
            fact.setPensionContributions(pension);
            out.add(fact);
        }
        return out;
    }

    /**
     * For a replayed worker whose events the memo serves (eventsMemoised): her event facts, and what the rules found
     * on this thread about events that gave the same value for every read the rules made (RuleMemo), replayed onto
     * them with her amounts computed again. Returns false when not found: she is then judged by Drools and what is found
     * is kept under her key.
     */
    private boolean eventsFromMemo(RuleMemo memo, int schemes, Work w, List<Object> replayed, int owner) {
        distribute(w, replayed);
        w.events = eventFacts(w, owner);
        List<Object> key = memo.eventKey(schemes, w.events);
        RuleMemo.Template t = memo.getEvents(key, w.events);
        if (t == null) {
            w.eventKey = key;
            return false;
        }
        for (Object o : RuleMemo.replay(t, w.events)) {
            if (o instanceof Finding f) w.findings.add(f);
            else if (o instanceof BenefitFinding b) w.benefits.add(b);
            else throw new IllegalStateException("the event memo replayed a " + o.getClass().getSimpleName());
        }
        return true;
    }

    /** Keeps what Drools found about a replayed worker's events under their key. */
    private static void rememberEvents(RuleMemo memo, Work w, ReadLog log) {
        List<Object> found = new ArrayList<>();
        for (Finding f : w.findings) if (f.getSubject() instanceof EventFact) found.add(f);
        for (BenefitFinding b : w.benefits) if (b.subject() instanceof EventFact) found.add(b);
        RuleMemo.Template t = RuleMemo.template(w.events, found, log);
        if (t != null) memo.putEvents(w.eventKey, w.events, t, log);
    }

    /** @return true when a rule of one of her events (up to the as-of date) reads contribution findings */
    private static boolean readsContributions(RuleMemo memo, AssessmentRequest request) {
        Set<String> kinds = memo.plan().contributionEventKinds();
        if (kinds == null) return true;
        for (LifeEvent e : request.profile().events()) {
            if (!e.date().isAfter(request.asOf()) && kinds.contains(EventKind.of(e).name())) return true;
        }
        return false;
    }

    private static boolean hasEvents(AssessmentRequest request) {
        for (LifeEvent e : request.profile().events()) if (!e.date().isAfter(request.asOf())) return true;
        return false;
    }

    /** The person unit of the memo: the coverage fact, then the dependants in the profile's order. */
    private static List<Subject> personUnit(Facts f) {
        List<Subject> unit = new ArrayList<>(1 + f.dependants().size());
        unit.add(f.coverage());
        unit.addAll(f.dependants());
        return unit;
    }

    /** Replayed findings straight into a profile's lists (no session needed them). */
    private static void distribute(Work w, List<Object> replayed) {
        // room made once rather than grown step by step (a long history replays hundreds of contributions)
        int contributions = 0;
        for (Object o : replayed) if (o instanceof ContributionFinding) contributions++;
        w.contributions.ensureCapacity(w.contributions.size() + contributions);
        w.findings.ensureCapacity(w.findings.size() + replayed.size() - contributions);
        for (Object o : replayed) {
            if (o instanceof Finding f) w.findings.add(f);
            else if (o instanceof ContributionFinding c) w.contributions.add(c);
            else if (o instanceof BenefitFinding b) w.benefits.add(b);
            else throw new IllegalStateException("the memo replayed a " + o.getClass().getSimpleName());
        }
    }

    /** Stores in the memo what the first phase found about the units of the profiles judged by Drools. */
    private static void remember(RuleMemo memo, KieSession session, Facts[] facts, List<List<Object>>[] keys, int[] profiles) {
        Map<Subject, List<Object>> bySubject = new java.util.IdentityHashMap<>();
        for (Object o : session.getObjects()) {
            Subject s = o instanceof Finding f ? f.getSubject() : o instanceof ContributionFinding c ? c.span()
                    : o instanceof BenefitFinding b ? b.subject() : null;
            if (s != null && keys[s.getOwner()] != null) bySubject.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        }
        for (int i : profiles) {
            if (keys[i] == null) continue;
            List<Subject> person = personUnit(facts[i]);
            List<Object> found = new ArrayList<>();
            for (Subject s : person) found.addAll(bySubject.getOrDefault(s, List.of()));
            RuleMemo.Template t = RuleMemo.template(person, found);
            if (t != null) memo.put(keys[i].get(0), t);
            for (int k = 0; k < facts[i].spans().size(); k++) {
                SpanFact sp = facts[i].spans().get(k);
                RuleMemo.Template st = RuleMemo.template(List.of(sp), bySubject.getOrDefault(sp, List.of()));
                if (st != null) memo.put(keys[i].get(k + 1), st);
            }
        }
    }

    /** Outcome-only decisions on the as-of date of profiles whose first phase the memo answered, by templates and language. */
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, List<Decision>> asOfDecisions = new java.util.concurrent.ConcurrentHashMap<>();
    static final int DECISION_CACHE_LIMIT = 50_000;

    /**
     * The outcome-only decisions on the as-of date of a profile whose first phase the memo answered. They follow from the
     * templates it was answered from (the findings, their rules, statuses, supports and amounts; the spans' parameter
     * values, which give the provisional flags, are in the templates' keys), the schemes asked about and the language
     * of an undetermined amount's reason: computed once per such combination, then shared (decisions are immutable).
     */
    private List<Decision> asOfDecisions(Work w, Locale locale) {
        List<Object> key = new ArrayList<>(w.templates.size() + 1);
        key.add(locale);
        key.addAll(w.templates);
        List<Decision> d = asOfDecisions.get(key);
        if (d == null) {
            d = List.copyOf(decisions(w.request, w.coverage, w.findings, w.benefits, locale, false));
            if (asOfDecisions.size() < DECISION_CACHE_LIMIT) asOfDecisions.putIfAbsent(key, d);
        }
        return d;
    }

    /** The decisions of one profile of a batch: on the as-of date, then on each event. */
    private List<Decision> decisions(Work w, Locale locale, boolean explain) {
        List<Decision> decisions = w.templates != null && !explain ? asOfDecisions(w, locale)
                : decisions(w.request, w.coverage, w.findings, w.benefits, locale, explain);
        if (!w.benefits.isEmpty() || anyAboutAnEvent(w.findings)) {
            decisions = new ArrayList<>(decisions);
            // the same event findings as the first assessment of a pair (on the outcome path, as every pair): its decisions
            w.eventDecisions = w.eventsFrom != null && w.eventsFrom.eventDecisions != null ? w.eventsFrom.eventDecisions
                    : benefitDecisions(w.findings, w.benefits, locale, explain);
            decisions.addAll(w.eventDecisions);
        }
        return decisions;
    }

    private static boolean anyAboutAnEvent(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) if (findings.get(i).getSubject() instanceof EventFact) return true;
        return false;
    }

    /** The corrected histories that the compliance findings of a batch compare with, assessed together in one more batch. */
    private Map<AssessmentRequest, Assessment> corrected(Work[] work, List<List<ContributionLine>> lines, Locale locale) {
        Set<AssessmentRequest> wanted = new LinkedHashSet<>();
        for (int i = 0; i < work.length; i++) {
            if (!work[i].notes.isEmpty()) wanted.addAll(ComplianceCheck.correctedRequests(ruleSet, work[i].request, work[i].notes, lines.get(i)));
        }
        if (wanted.isEmpty()) return Map.of();
        List<AssessmentRequest> requests = new ArrayList<>(wanted);
        List<Assessment> as = inBatches(requests, locale, false, true);
        Map<AssessmentRequest, Assessment> out = new HashMap<>();
        for (int k = 0; k < requests.size(); k++) out.put(requests.get(k), as.get(k));
        return out;
    }

    private static void fire(KieSession session, Work[] work, int[] profiles) {
        int limit = FIRE_LIMIT * profiles.length;
        int fired = session.fireAllRules(limit);
        if (fired >= limit) {
            throw new IllegalStateException("rule base defect: more than " + FIRE_LIMIT + " firings per profile for "
                    + (profiles.length == 1 ? "profile " + work[profiles[0]].request.profile().id() : "a batch of " + profiles.length + " profiles"));
        }
    }

    /** The months the contribution rules found, by scheme, for benefit rules to count. */
    private HistoryIndex history(List<ContributionFinding> contributions) {
        if (contributions.isEmpty()) return HistoryIndex.EMPTY;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (ContributionFinding c : contributions) {
            first = Math.min(first, ParamTimeline.index(c.span().getFrom()));
            last = Math.max(last, ParamTimeline.index(c.span().getTo()));
        }
        HistoryIndex h = new HistoryIndex(first, last - first + 1);
        for (ContributionFinding c : contributions) {
            Scheme scheme = schemeOf(ruleSet.rules().rule(c.ruleId()));
            SpanFact s = c.span();
            for (int m = ParamTimeline.index(s.getFrom()); m <= ParamTimeline.index(s.getTo()); m++) {
                h.add(scheme, m, s.isPaid(), s.getWage(), c.base());
            }
        }
        return h;
    }

    /** One decision per (event, scheme, benefit) that a benefit rule gave an outcome for. */
    private List<Decision> benefitDecisions(List<Finding> findings, List<BenefitFinding> amounts, Locale locale, boolean explain) {
        record Key(EventFact event, Scheme scheme, Benefit benefit) { }
        Map<Key, List<Finding>> outcomes = new LinkedHashMap<>();
        Map<Key, List<Finding>> criteria = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!(f.getSubject() instanceof EventFact e)) continue;
            RuleMeta rule = meta(f);
            if (rule.scheme() == null) continue; // shared criteria appear as the support of a benefit finding
            Key k = new Key(e, rule.scheme(), rule.benefit());
            (f.getOutcome() != null ? outcomes : criteria).computeIfAbsent(k, x -> new ArrayList<>()).add(f);
        }
        Map<Key, BenefitFinding> amountBy = new HashMap<>();
        for (BenefitFinding b : amounts) {
            if (!(b.subject() instanceof EventFact event)) continue; // an amount judged on the as-of date: see decisions()
            RuleInfo rule = ruleSet.rules().rule(b.ruleId());
            Key k = new Key(event, schemeOf(rule), benefitOf(rule));
            if (amountBy.put(k, b) != null) throw new IllegalStateException("rule base overlap: two amounts for " + k.benefit() + " on " + k.event().getDate());
        }
        for (Key k : criteria.keySet()) {
            if (!outcomes.containsKey(k)) {
                throw new IllegalStateException("rule base gap: criteria but no outcome for " + k.benefit() + " (" + k.scheme() + ") on " + k.event().getDate());
            }
        }
        List<Decision> out = new ArrayList<>();
        for (Map.Entry<Key, List<Finding>> en : outcomes.entrySet()) {
            Key k = en.getKey();
            List<Finding> os = en.getValue();
            Set<Outcome> distinct = new LinkedHashSet<>();
            for (Finding f : os) distinct.add(f.getOutcome());
            if (distinct.size() > 1) {
                throw new IllegalStateException("rule base overlap: rules " + os.stream().map(Finding::getRuleId).sorted().toList()
                        + " give " + distinct + " for " + k.benefit() + " on " + k.event().getDate());
            }
            Reasons reasons = new Reasons(locale, explain);
            Set<String> seen = new LinkedHashSet<>();
            List<Finding> all = new ArrayList<>(criteria.getOrDefault(k, List.of()));
            all.sort(Comparator.comparing(Finding::getRuleId));
            os.sort(Comparator.comparing(Finding::getRuleId));
            for (Finding f : all) if (seen.add(f.getRuleId())) reasons.add(f, f.getSubject());
            for (Finding f : os) {
                if (f.getSupport() != null && seen.add(f.getSupport().getRuleId())) reasons.add(f.getSupport(), f.getSupport().getSubject());
                if (seen.add(f.getRuleId())) reasons.add(f, k.event());
            }
            Outcome outcome = os.get(0).getOutcome();
            BenefitFinding b = amountBy.get(k);
            Entitlement entitlement = null;
            List<TraceStep> steps = List.of();
            if (b != null) {
                if (outcome != Outcome.ELIGIBLE) throw new IllegalStateException("rule base defect: an amount for a " + outcome + " decision (" + b.ruleId() + ")");
                entitlement = entitlement(b, locale);
                if (explain) steps = Texts.steps(ruleSet.messages(), b.steps(), locale);
                RuleInfo rule = ruleSet.rules().rule(b.ruleId());
                if (seen.add(b.ruleId())) {
                    List<ParameterUse> uses = uses(rule.id(), k.event().getParams());
                    if (explain) {
                        Map<String, String> args = new HashMap<>(k.event().facts());
                        String message = ruleSet.messages().render(b.ruleId(), locale, args);
                        reasons.add(new Reason(b.ruleId(), CriterionStatus.MET, message == null ? rule.name().substring(rule.id().length() + 1) : message,
                                rule.citations(), uses, k.event().facts(), null));
                    } else {
                        reasons.uses(uses);
                    }
                }
            }
            List<String> provisional = reasons.provisional();
            out.add(new Decision(k.scheme(), k.benefit(), outcome, entitlement, reasons.reasons(), steps, !provisional.isEmpty(), provisional, k.event().getDate()));
        }
        out.sort(Comparator.comparing(Decision::eventDate).thenComparing(Decision::scheme).thenComparing(Decision::benefit));
        return out;
    }

    /** The entitlement of an amount finding, its undetermined reason in the request's language. */
    private Entitlement entitlement(BenefitFinding b, Locale locale) {
        String undetermined = b.undetermined() == null ? null : Texts.render(ruleSet.messages(), b.undetermined(), locale);
        return new Entitlement(b.amount(), b.period(), b.durationDays(), b.estimate(), undetermined);
    }

    /** Schemes and benefits of the rules, by rule id, parsed once (looked up for every finding and contribution). */
    private final Map<String, Scheme> schemes = new HashMap<>();
    private final Map<String, Benefit> benefits = new HashMap<>();

    private Scheme schemeOf(RuleInfo rule) {
        Scheme s = schemes.get(rule.id());
        return s != null ? s : Scheme.valueOf(rule.scheme());
    }

    private Benefit benefitOf(RuleInfo rule) {
        Benefit b = benefits.get(rule.id());
        return b != null ? b : Benefit.valueOf(rule.benefit());
    }

    /** A rule's metadata with its scheme (null for shared criteria, "ALL") and benefit parsed. */
    private record RuleMeta(RuleInfo info, Scheme scheme, Benefit benefit) { }

    /**
     * @return the metadata of a finding's rule, cached on the finding (replayed findings carry their template's): a
     * population run looks it up for every finding of every worker
     */
    private RuleMeta meta(Finding f) {
        if (f.rule() instanceof RuleMeta m) return m; // findings come from this rule base's sessions or its memo only
        RuleInfo r = ruleSet.rules().rule(f.getRuleId());
        RuleMeta m = new RuleMeta(r, "ALL".equals(r.scheme()) ? null : schemeOf(r), benefitOf(r));
        f.rule(m);
        return m;
    }

    // ---------------------------------------------------------------- facts

    /**
     * @return whole years from {@code birth} to {@code on}: {@code Period.between(birth, on).getYears()}, by the same
     *         arithmetic on months and days without making the period (called for every span; tested against it)
     */
    static long age(LocalDate birth, LocalDate on) {
        long months = on.getYear() * 12L + on.getMonthValue() - (birth.getYear() * 12L + birth.getMonthValue());
        int days = on.getDayOfMonth() - birth.getDayOfMonth();
        if (months > 0 && days < 0) months--;
        else if (months < 0 && days > 0) months++;
        return months / 12;
    }

    /** The enterprise's size on the as-of date: the history period of that month says it first, then the profile. */
    static Integer enterpriseWorkersAt(WorkerProfile p, LocalDate asOf) {
        YearMonth m = YearMonth.from(asOf);
        for (ContributionPeriod c : p.history()) if (c.contains(m) && c.enterpriseWorkers() != null) return c.enterpriseWorkers();
        return p.enterpriseWorkers();
    }

    /** Voluntary health-care membership as the history shows it on the as-of date. */
    record Membership(boolean member, int longestUnpaidRun) {
        static final Membership NONE = new Membership(false, 0);
    }

    /**
     * Membership of the voluntary health-care scheme: the months up to the as-of month that declare the scheme
     * while it is in force. The longest unpaid run is counted between the first and the last of those months; a
     * month inside that window is unpaid if no paid period declaring the scheme covers it, and counts only once
     * its payment is overdue on the as-of date (due on the payment day of the following month).
     */
    static Membership voluntaryMembership(WorkerProfile p, LocalDate asOf, ParamTimeline timeline) {
        if (p.employmentStatus() != EmploymentStatus.SELF_EMPLOYED) return Membership.NONE;
        int last = ParamTimeline.index(YearMonth.from(asOf));
        BitSet member = new BitSet();
        BitSet paid = new BitSet();
        int base = Integer.MAX_VALUE;
        for (ContributionPeriod c : p.history()) base = Math.min(base, ParamTimeline.index(c.from()));
        for (ContributionPeriod c : p.history()) {
            if (!c.schemes().contains(Scheme.VOLUNTARY_HEALTH_CARE)) continue;
            int to = Math.min(ParamTimeline.index(c.to()), last);
            for (int m = ParamTimeline.index(c.from()); m <= to; m++) {
                if (!timeline.at(ParamTimeline.month(m).atDay(1)).isVhcInForce()) continue;
                member.set(m - base);
                if (c.paid()) paid.set(m - base);
            }
        }
        if (member.isEmpty()) return Membership.NONE;
        Long dueDay = timeline.at(asOf).getVhcPaymentDueDay();
        int longest = 0;
        int run = 0;
        for (int i = member.nextSetBit(0); i < member.length(); i++) {
            YearMonth month = ParamTimeline.month(i + base);
            boolean overdue = dueDay == null || asOf.isAfter(month.plusMonths(1).atDay((int) Math.min(dueDay, month.plusMonths(1).lengthOfMonth())));
            if (paid.get(i) || !overdue) {
                run = 0;
            } else {
                run++;
                longest = Math.max(longest, run);
            }
        }
        return new Membership(true, longest);
    }

    /**
     * Cuts the history, up to the as-of month (a month counts once its first day is on or before the as-of
     * date), into spans within which no parameter of the span rules changes (months in {@code change}) and no
     * age threshold is crossed.
     */
    static List<SpanFact> spans(WorkerProfile p, LocalDate asOf, ParamTimeline timeline, int[] change) {
        List<ContributionPeriod> history = p.history();
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i - 1).from().isAfter(history.get(i).from())) { // out of order: sorted (stable) by first month
                history = new ArrayList<>(history);
                history.sort(Comparator.comparing(ContributionPeriod::from));
                break;
            }
        }
        int last = ParamTimeline.index(YearMonth.from(asOf));
        long[] ages = timeline.ageThresholds();
        int[] ageMonths = new int[ages.length];
        for (int i = 0; i < ages.length; i++) {
            LocalDate reached = p.birthDate().plusYears(ages[i]);
            YearMonth m = YearMonth.from(reached);
            ageMonths[i] = ParamTimeline.index(reached.getDayOfMonth() == 1 ? m : m.plusMonths(1));
        }
        List<SpanFact> out = new ArrayList<>();
        for (ContributionPeriod c : history) {
            int from = ParamTimeline.index(c.from());
            int to = Math.min(ParamTimeline.index(c.to()), last);
            if (from > to) continue;
            long wage = c.declaredWage().toRiel();
            Integer size = c.enterpriseWorkers() != null ? c.enterpriseWorkers() : p.enterpriseWorkers();
            int start = from;
            while (start <= to) {
                int end = to;
                for (int m : change) if (m > start && m - 1 < end) { end = m - 1; break; }
                for (int m : ageMonths) if (m > start && m - 1 < end) end = m - 1;
                YearMonth first = ParamTimeline.month(start);
                LocalDate day1 = first.atDay(1);
                out.add(new SpanFact(p.employmentStatus(), size, age(p.birthDate(), day1), timeline.at(day1), first,
                        ParamTimeline.month(end), wage, c.paid(), c.schemes()));
                start = end + 1;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- decisions

    private List<Decision> decisions(AssessmentRequest request, CoverageFact coverage, List<Finding> findings, List<BenefitFinding> amounts,
                                     Locale locale, boolean explain) {
        record Key(Scheme scheme, Benefit benefit) { }
        Map<Key, List<Finding>> outcomes = new LinkedHashMap<>();
        Map<Scheme, List<Finding>> notes = new EnumMap<>(Scheme.class);
        // a decision judged on the as-of date other than coverage (the dependants' enrolment) may have criteria about
        // the person or about each dependant, and an amount
        Map<Key, List<Finding>> criteria = new HashMap<>();
        for (Finding f : findings) {
            if (f.getSubject() instanceof EventFact) continue; // judged in benefitDecisions
            RuleMeta rule = meta(f);
            if (rule.scheme() == null) continue; // shared criteria appear as the support of a scheme finding
            Scheme s = rule.scheme();
            if (f.getSubject() == coverage && f.getOutcome() != null) {
                outcomes.computeIfAbsent(new Key(s, rule.benefit()), k -> new ArrayList<>()).add(f);
            } else if (f.getSubject() instanceof SpanFact) {
                notes.computeIfAbsent(s, k -> new ArrayList<>()).add(f);
            } else if (f.getSubject() instanceof DependantFact || (f.getSubject() == coverage && rule.benefit() != Benefit.COVERAGE)) {
                criteria.computeIfAbsent(new Key(s, rule.benefit()), k -> new ArrayList<>()).add(f);
            }
        }
        Map<Key, BenefitFinding> amountBy = new HashMap<>();
        for (BenefitFinding b : amounts) {
            if (b.subject() != coverage) continue;
            RuleInfo rule = ruleSet.rules().rule(b.ruleId());
            Key k = new Key(schemeOf(rule), benefitOf(rule));
            if (amountBy.put(k, b) != null) throw new IllegalStateException("rule base overlap: two amounts for " + k.benefit() + " on " + coverage.getDate());
        }
        for (Key k : criteria.keySet()) {
            if (!outcomes.containsKey(k)) throw new IllegalStateException("rule base gap: criteria but no outcome for " + k.benefit() + " on " + coverage.getDate());
        }
        List<Decision> out = new ArrayList<>();
        for (Scheme s : Scheme.values()) {
            if (!request.includes(s)) continue;
            if (!outcomes.containsKey(new Key(s, Benefit.COVERAGE))) {
                throw new IllegalStateException("rule base gap: no coverage rule fired for " + s + " on " + coverage.getDate()
                        + " for " + coverage.facts());
            }
            for (Benefit b : Benefit.values()) {
                List<Finding> os = outcomes.get(new Key(s, b));
                if (os == null) continue;
                Key k = new Key(s, b);
                out.add(decision(s, b, coverage, os, b == Benefit.COVERAGE ? notes.getOrDefault(s, List.of()) : List.of(),
                        criteria.getOrDefault(k, List.of()), amountBy.get(k), locale, explain));
            }
        }
        return out;
    }

    /**
     * A decision about the person on the as-of date from its outcome findings (one outcome), its criteria (about the
     * person, then each dependant in the profile's order), notes on history months, and an optional amount.
     */
    private Decision decision(Scheme s, Benefit b, CoverageFact coverage, List<Finding> os, List<Finding> notes, List<Finding> criteria,
                              BenefitFinding amount, Locale locale, boolean explain) {
        Set<Outcome> distinct = new LinkedHashSet<>();
        for (Finding f : os) distinct.add(f.getOutcome());
        if (distinct.size() > 1) {
            List<String> ids = os.stream().map(Finding::getRuleId).sorted().toList();
            throw new IllegalStateException("rule base overlap: rules " + ids + " give " + distinct + " for " + s + " " + b + " on " + coverage.getDate());
        }
        os.sort(Comparator.comparing(Finding::getRuleId));
        Reasons reasons = new Reasons(locale, explain);
        Set<String> seen = new LinkedHashSet<>();
        List<Finding> cs = new ArrayList<>(criteria);
        cs.sort(Comparator.comparingInt((Finding f) -> f.getSubject() instanceof DependantFact d ? d.getIndex() : -1).thenComparing(Finding::getRuleId));
        for (Finding f : cs) reasons.add(f, f.getSubject()); // one per dependant: the same rule may judge several
        for (Finding f : os) {
            if (f.getSupport() != null && seen.add(f.getSupport().getRuleId())) reasons.add(f.getSupport(), f.getSupport().getSubject());
            if (seen.add(f.getRuleId())) reasons.add(f, coverage);
        }
        noteReasons(notes, reasons);
        List<String> provisional = reasons.provisional();
        Entitlement entitlement = null;
        List<TraceStep> steps = List.of();
        if (amount != null) {
            if (os.get(0).getOutcome() != Outcome.ELIGIBLE) throw new IllegalStateException("rule base defect: an amount for a " + os.get(0).getOutcome() + " decision (" + amount.ruleId() + ")");
            entitlement = entitlement(amount, locale);
            if (explain) steps = Texts.steps(ruleSet.messages(), amount.steps(), locale);
        }
        return new Decision(s, b, os.get(0).getOutcome(), entitlement, reasons.reasons(), steps, !provisional.isEmpty(), provisional);
    }

    /**
     * The reasons of one decision and the provisional parameters they use, in order. Explained, each reason is rendered;
     * on the outcome fast path only the parameter uses of the rules are looked up (from the same cache the rendered
     * reasons take them from), so the provisional flag and list come out the same without a message.
     */
    private final class Reasons {
        private final Locale locale;
        private final boolean explain;
        private final List<Reason> reasons;
        private final List<String> provisional = new ArrayList<>(0);

        Reasons(Locale locale, boolean explain) {
            this.locale = locale;
            this.explain = explain;
            this.reasons = explain ? new ArrayList<>() : List.of();
        }

        void add(Finding f, Subject subject) {
            add(f, subject, null);
        }

        /** @param months the months a note on history spans lists (explained only); null otherwise */
        void add(Finding f, Subject subject, String months) {
            if (explain) add(reason(f, subject, months, locale));
            else uses(Assessor.this.uses(f.getRuleId(), subject.getParams()));
        }

        void add(Reason r) {
            reasons.add(r);
            uses(r.parameters());
        }

        void uses(List<ParameterUse> uses) {
            for (ParameterUse u : uses) if (u.provisional() && !provisional.contains(u.id())) provisional.add(u.id());
        }

        List<Reason> reasons() {
            return reasons;
        }

        List<String> provisional() {
            return provisional;
        }
    }

    /** @return the uses of a rule's parameters in a snapshot (the values it has there), in the rule's order */
    private List<ParameterUse> uses(String ruleId, Params params) {
        return ruleParameters(ruleId, params).uses();
    }

    /** Merges notes of the same rule and status over several spans into one reason listing the months. */
    private void noteReasons(List<Finding> notes, Reasons reasons) {
        if (notes.isEmpty()) return;
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        notes.stream()
                .sorted(Comparator.comparing((Finding f) -> f.getRuleId()).thenComparing(f -> ((SpanFact) f.getSubject()).getFrom()))
                .forEach(f -> groups.computeIfAbsent(f.getRuleId() + "|" + f.getStatus(), k -> new ArrayList<>()).add(f));
        for (List<Finding> g : groups.values()) {
            if (!reasons.explain) { // the months only appear in the message
                reasons.add(g.get(0), g.get(0).getSubject());
                continue;
            }
            List<String> months = new ArrayList<>();
            YearMonth runFrom = null;
            YearMonth runTo = null;
            for (Finding f : g) {
                SpanFact s = (SpanFact) f.getSubject();
                if (runTo != null && runTo.plusMonths(1).equals(s.getFrom())) {
                    runTo = s.getTo();
                } else {
                    if (runFrom != null) months.add(range(runFrom, runTo));
                    runFrom = s.getFrom();
                    runTo = s.getTo();
                }
            }
            months.add(range(runFrom, runTo));
            reasons.add(g.get(0), g.get(0).getSubject(), String.join(", ", months));
        }
    }

    private static String range(YearMonth a, YearMonth b) {
        return a.equals(b) ? a.toString() : a + " to " + b;
    }

    private Reason reason(Finding f, Subject subject, String months, Locale locale) {
        Map<String, String> facts = subject.facts();
        if (months != null) {
            // a note on history months: cached with a placeholder, the months filled in afterwards
            facts.remove("declaredWage");
            facts.remove("paid");
            facts.put("months", MONTHS);
        }
        ReasonKey key = new ReasonKey(f.getRuleId(), f.getStatus(), f.getOutcome() != null, subject.getParams(), facts, locale);
        Reason r = reasons.get(key);
        if (r == null) {
            r = buildReason(f, subject, facts, locale);
            if (reasons.size() < REASON_CACHE_LIMIT) reasons.putIfAbsent(key, r);
        }
        if (months == null) return r;
        Map<String, String> actual = new LinkedHashMap<>(r.facts());
        actual.put("months", months);
        return new Reason(r.ruleId(), r.status(), r.message().replace(MONTHS, months), r.citations(), r.parameters(), actual,
                r.distance() == null ? null : r.distance().replace(MONTHS, months));
    }

    private Reason buildReason(Finding f, Subject subject, Map<String, String> facts, Locale locale) {
        RuleInfo rule = ruleSet.rules().rule(f.getRuleId());
        RuleParameters rp = ruleParameterValues.computeIfAbsent(new RuleParametersKey(rule.id(), subject.getParams()), this::ruleParameters);
        List<ParameterUse> uses = rp.uses();
        Map<String, String> args = new HashMap<>(facts);
        args.putAll(rp.args());
        if (f.getSupport() != null) args.put("support", message(f.getSupport(), locale));
        Long min = subject.getParams().getMinEnterpriseWorkers();
        if (min != null && subject.getEnterpriseWorkers() != null) args.put("shortfall", Long.toString(Math.max(0, min - subject.getEnterpriseWorkers())));
        String message = ruleSet.messages().render(f.getRuleId() + (f.getStatus() == CriterionStatus.MET || f.getOutcome() != null ? "" : "." + f.getStatus().name().toLowerCase(Locale.ROOT)), locale, args);
        if (message == null) message = ruleSet.messages().render(f.getRuleId(), locale, args);
        if (message == null) message = rule.name().substring(rule.id().length() + 1);
        String distance = f.getStatus() == CriterionStatus.MET ? null : ruleSet.messages().render(f.getRuleId() + ".distance", locale, args);
        return new Reason(f.getRuleId(), f.getStatus(), message, rule.citations(), uses, facts, distance);
    }

    /** The parameters of a rule in one snapshot: their uses and their values as message arguments. */
    private record RuleParameters(List<ParameterUse> uses, Map<String, String> args, boolean provisional) { }

    /** Snapshots are shared and compared by identity, so there are at most rules × snapshots keys. */
    private record RuleParametersKey(String ruleId, Params params) { }

    private RuleParameters ruleParameters(RuleParametersKey key) {
        List<ParameterUse> uses = new ArrayList<>();
        Map<String, String> args = new HashMap<>();
        for (Parameter parameter : ruleParameters.get(key.ruleId())) {
            Parameter.Entry e = key.params().entry(parameter.id());
            if (e != null) {
                uses.add(ruleSet.parameters().use(e));
                int at = parameter.entries().indexOf(e);
                if (at >= 0 && at + 1 < parameter.entries().size()) args.put("next:" + parameter.id(), parameter.entries().get(at + 1).from().toString());
                args.put("p:" + parameter.id(), "rate".equals(parameter.unit()) && e.value() instanceof BigDecimal d
                        ? d.movePointRight(2).stripTrailingZeros().toPlainString() + " %" : e.display());
            }
            args.put("start:" + parameter.id(), parameterStarts.get(parameter.id()));
        }
        boolean provisional = false;
        for (ParameterUse u : uses) provisional |= u.provisional();
        return new RuleParameters(List.copyOf(uses), Map.copyOf(args), provisional);
    }

    private String message(Finding f, Locale locale) {
        return reason(f, f.getSubject(), null, locale).message();
    }

    /** @return the first date from which the parameter holds a value other than null or false, or "not set" */
    private static String start(Parameter p) {
        for (Parameter.Entry e : p.entries()) {
            if (e.value() != null && !Boolean.FALSE.equals(e.value())) return e.from().toString();
        }
        return "not set";
    }

    // ---------------------------------------------------------------- contribution lines

    /**
     * The contribution lines of a profile: one per month of each contribution found, by month, then scheme, ties in
     * the order found. When the spans do not overlap (the usual case) the lines come in that order directly, one
     * {@link ContributionLines.Run} per span (the contributions ordered by their span's first month, then scheme: the
     * lines of the span's first month, which its other months repeat); otherwise all lines are made and sorted.
     */
    List<ContributionLine> lines(List<ContributionFinding> found) {
        int n = found.size();
        if (n == 0) return List.of();
        if (n >= 1 << 20) return sortedLines(found);
        long[] order = new long[n];
        RuleInfo[] rules = new RuleInfo[n];
        Scheme[] schemes = new Scheme[n];
        // a profile's contributions come from a few rules, their ids the same strings (the rule's, or its template's):
        // looked up once per id, then found by identity
        String[] seen = new String[8];
        int[] lookedUp = new int[8];
        int seenCount = 0;
        for (int i = 0; i < n; i++) {
            ContributionFinding c = found.get(i);
            String id = c.ruleId();
            int k = 0;
            while (k < seenCount && seen[k] != id) k++;
            if (k < seenCount) {
                rules[i] = rules[lookedUp[k]];
                schemes[i] = schemes[lookedUp[k]];
            } else {
                rules[i] = ruleSet.rules().rule(id);
                schemes[i] = schemeOf(rules[i]);
                if (seenCount < seen.length) {
                    seen[seenCount] = id;
                    lookedUp[seenCount++] = i;
                }
            }
            order[i] = ((long) (ParamTimeline.index(c.span().getFrom()) * 8 + schemes[i].ordinal()) << 20) | i;
        }
        java.util.Arrays.sort(order);
        // the spans in that order must be one after another, each the same as the last or after its last month
        SpanFact last = null;
        for (long o : order) {
            SpanFact s = found.get((int) (o & ((1 << 20) - 1))).span();
            if (s == last) continue;
            if (last != null && !last.getTo().isBefore(s.getFrom())) return sortedLines(found);
            last = s;
        }
        // a span's months all have the same lines: one run per span (ContributionLines makes a month's lines when read)
        List<ContributionLines.Run> runs = new ArrayList<>();
        // the parameters of a rule in a snapshot, for the last few (rule, snapshot) pairs: spans of two periods in one
        // stretch of parameter values share them (ids and snapshots compared by identity, as the shared cache keys them)
        String[] pairRule = new String[16];
        Params[] pairParams = new Params[16];
        RuleParameters[] pairValues = new RuleParameters[16];
        int pairs = 0;
        int from = 0;
        while (from < n) {
            SpanFact s = found.get((int) (order[from] & ((1 << 20) - 1))).span();
            int to = from;
            while (to < n && found.get((int) (order[to] & ((1 << 20) - 1))).span() == s) to++;
            ContributionLine[] first = new ContributionLine[to - from];
            for (int k = from; k < to; k++) {
                int i = (int) (order[k] & ((1 << 20) - 1));
                ContributionFinding c = found.get(i);
                String id = rules[i].id();
                Params params = s.getParams();
                RuleParameters rp = null;
                for (int q = 0; q < pairs; q++) {
                    if (pairRule[q] == id && pairParams[q] == params) { rp = pairValues[q]; break; }
                }
                if (rp == null) {
                    rp = ruleParameters(id, params);
                    int q = pairs < pairRule.length ? pairs++ : k % pairRule.length;
                    pairRule[q] = id;
                    pairParams[q] = params;
                    pairValues[q] = rp;
                }
                first[k - from] = line(c, rules[i], schemes[i], rp).at(s.getFrom());
            }
            int months = ParamTimeline.index(s.getTo()) - ParamTimeline.index(s.getFrom()) + 1;
            runs.add(new ContributionLines.Run(s.getFrom(), months, Arrays.asList(first)));
            from = to;
        }
        return ContributionLines.of(runs);
    }

    /**
     * As {@link #lines(List)}, with the lines of the contributions up to month {@code until} given: {@code prefix}, the
     * runs the first assessment of a pair made of the same spans (ContributionLines keeps runs as made). Falls back to
     * making every line when a later contribution starts by then.
     */
    List<ContributionLine> lines(List<ContributionFinding> found, List<ContributionLines.Run> prefix, int until) {
        List<ContributionFinding> later = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            ContributionFinding c = found.get(i);
            if (ParamTimeline.index(c.span().getFrom()) > until) later.add(c);
            else if (ParamTimeline.index(c.span().getTo()) > until) return lines(found);
        }
        if (later.isEmpty()) return prefix.isEmpty() ? lines(found) : ContributionLines.of(prefix);
        List<ContributionLine> rest = lines(later);
        if (!(rest instanceof ContributionLines cl)) return lines(found);
        if (prefix.isEmpty()) return rest;
        List<ContributionLines.Run> runs = new ArrayList<>(prefix.size() + cl.runs().size());
        runs.addAll(prefix);
        runs.addAll(cl.runs());
        return ContributionLines.of(runs);
    }

    /** What one contribution found gives every month of its span. */
    private record Line(ContributionFinding c, Scheme scheme, RuleInfo rule, BigDecimal rate, long employer, long worker,
                        boolean provisional, List<ParameterUse> shared) {
        ContributionLine at(YearMonth m) {
            return new ContributionLine(m, scheme, c.base(), rate, employer, worker, employer + worker, c.span().isPaid(),
                    provisional, c.ruleId(), rule.citations(), shared);
        }
    }

    private Line line(ContributionFinding c) {
        RuleInfo rule = ruleSet.rules().rule(c.ruleId());
        return line(c, rule, schemeOf(rule));
    }

    private Line line(ContributionFinding c, RuleInfo rule, Scheme scheme) {
        return line(c, rule, scheme, ruleParameters(rule.id(), c.span().getParams()));
    }

    /** @return the parameters of a rule in a snapshot (made once per pair and shared: the snapshots are shared) */
    private RuleParameters ruleParameters(String ruleId, Params params) {
        RuleParametersKey key = new RuleParametersKey(ruleId, params);
        RuleParameters rp = ruleParameterValues.get(key);
        return rp != null ? rp : ruleParameterValues.computeIfAbsent(key, this::ruleParameters);
    }

    private Line line(ContributionFinding c, RuleInfo rule, Scheme scheme, RuleParameters rp) {
        if (c.flatAmount() != null) return new Line(c, scheme, rule, null, 0, c.flatAmount(), rp.provisional(), rp.uses());
        return new Line(c, scheme, rule, c.employerRate().add(c.workerRate()), share(c.base(), c.employerRate()),
                share(c.base(), c.workerRate()), rp.provisional(), rp.uses());
    }

    /** The lines of contributions whose spans overlap: every line made, then sorted (stable) by month and scheme. */
    List<ContributionLine> sortedLines(List<ContributionFinding> found) {
        List<ContributionLine> out = new ArrayList<>();
        for (ContributionFinding c : found) {
            Line l = line(c);
            for (YearMonth m = c.span().getFrom(); !m.isAfter(c.span().getTo()); m = m.plusMonths(1)) out.add(l.at(m));
        }
        out.sort(Comparator.comparingInt(l -> ParamTimeline.index(l.month()) * 8 + l.scheme().ordinal()));
        return out;
    }

    /** @return base × rate in whole riel, rounded half up ({@link Money#ROUNDING}) */
    static long share(long base, BigDecimal rate) {
        return BigDecimal.valueOf(base).multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
    }
}
