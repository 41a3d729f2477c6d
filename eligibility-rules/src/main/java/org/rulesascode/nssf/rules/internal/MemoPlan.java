package org.rulesascode.nssf.rules.internal;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rules of the first phase (coverage on the as-of date, history spans, dependants) read of the facts they
 * judge, found by parsing the DRL: the memo of rule outcomes ({@link RuleMemo}) keys each fact by exactly these
 * properties, so that two facts with the same key are judged the same by every rule.
 *
 * <p>For each fact class ({@link SpanFact}, {@link CoverageFact}, {@link DependantFact}) the plan lists the properties
 * that constraints and consequences read ({@code params} stands for every parameter value in force: the key holds
 * them all). A whole number that the rules only compare with a parameter or a literal ({@code age < params.pensionAgeLimit},
 * {@code enterpriseWorkers >= params.minEnterpriseWorkers}) is keyed by the side of each threshold it lies on, not
 * by its value. A span rule may also read the coverage fact of its own worker ({@code CoverageFact(owner == $s.owner, …)}):
 * those properties join the span's key.
 *
 * <p>Anything the plan cannot account for is a <em>problem</em>, named with its rule: a constraint calling a method of
 * the fact, a consequence passing a fact to a function whose reads are not known, a rule joining facts of two
 * workers or two history spans, a finding not tied to the rule's facts, {@code modify}/{@code delete}. With a
 * problem the memo is off (every fact goes through Drools); a test keeps the standard DRL free of them, so a rule
 * that starts reading something the key does not hold fails the build rather than the answers.
 */
public final class MemoPlan {
    /** The fact classes the memo keys, by their simple name in DRL. */
    static final Map<String, Class<?>> KEYED = Map.of("SpanFact", SpanFact.class, "CoverageFact", CoverageFact.class,
            "DependantFact", DependantFact.class);
    /** Functions a first-phase consequence may pass a fact to, and what each reads of it (replayed by the memo). */
    static final Map<String, Set<String>> REPLAYABLE = Map.of(
            "Finding.criterion", Set.of(), "Finding.outcome", Set.of(), "Finding.note", Set.of(),
            "ContributionFinding.clamped", Set.of("wage"), "ContributionFinding.banded", Set.of("wage"),
            "ContributionFinding.flat", Set.of(),
            "DependantFact.enrolmentContribution", Set.of("params"));
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "this", "instanceof", "in", "matches",
            "memberOf", "contains", "not", "new", "kcontext", "drools", "insert", "long", "int");

    /** A comparison of a whole-number property with a threshold. */
    record Threshold(String op, String expr) { }

    /** What is read of one fact class. */
    static final class Reads {
        final Set<String> properties = new TreeSet<>();
        /** property → its comparisons; a property absent here (or in {@link #raw}) is keyed by value */
        final Map<String, List<Threshold>> thresholds = new TreeMap<>();
        final Set<String> raw = new TreeSet<>();
        /**
         * The properties of the parameter snapshot read as {@code params.x} (a getter of {@link Params}), when that is
         * all that is read of it ({@link #wholeParams} false): the key then holds their values, not the whole snapshot
         */
        final Set<String> paramReads = new TreeSet<>();
        /** True when the snapshot is read other than by such getters (compared, called, passed on): keyed whole. */
        boolean wholeParams;
    }

    /**
     * Calculations an event rule's condition may call with its event fact: each is read as one value by the event memo
     * ({@link ReadLog#call}), what it reads inside is not logged.
     */
    static final Set<String> EVENT_CALLS = Set.of("SicknessCalc.hasDaysLeft", "SicknessCalc.vhcAbandoned",
            "SelfEmployedMaternityCalc.vhcMemberPastWaiting", "OccupationalRiskCalc.incapacityKnown",
            "OccupationalRiskCalc.degreeKnown", "OccupationalRiskCalc.permanentIncapacity", "OccupationalRiskCalc.degreeAtLeast",
            "OccupationalRiskCalc.survivorQualifies", "OccupationalRiskCalc.noSurvivorQualifies",
            "OccupationalRiskCalc.survivorsUnknown", "OccupationalRiskCalc.spouseOnlyOrChildrenOnly",
            "PensionCalc.hasPaidContributions", "PensionCalc.transitionalPaidMonths", "PensionCalc.invalidityAgeMet",
            "PensionCalc.invalidityMonthsMet", "PensionCalc.invalidityClaimedBy", "PensionCalc.invalidityPensioner",
            "PensionCalc.funeraryAboveMinimum");
    /**
     * Calculations an event rule's consequence may insert the result of: each computes an amount with the read log
     * paused and leaves how to compute it again ({@link ReadLog#computed}), so the event memo recomputes it with a later
     * worker's own wages.
     */
    static final Set<String> EVENT_AMOUNTS = Set.of("HealthCareCalc.maternityAllowance", "HealthCareCalc.employerMaternityPay",
            "HealthCareCalc.childbirthAllowance", "SicknessCalc.sicknessAllowance", "SicknessCalc.funeralAllowance",
            "SelfEmployedMaternityCalc.maternityAllowance", "OccupationalRiskCalc.temporaryDisability",
            "OccupationalRiskCalc.permanentDisability", "OccupationalRiskCalc.constantAttendance",
            "OccupationalRiskCalc.survivorsSingleGroup", "OccupationalRiskCalc.survivorsOtherCase", "OccupationalRiskCalc.funeralGrant",
            "PensionCalc.oldAgePension", "PensionCalc.oldAgeAllowance", "PensionCalc.survivorsPension", "PensionCalc.survivorsAllowance",
            "PensionCalc.funeraryAllowance", "PensionCalc.invalidityPension", "PensionCalc.invalidityFuneraryAllowance");
    /**
     * Calculations an event rule's consequence may insert the finding of: an outcome finding about the event whose
     * support is the same finding about the event's pension record ({@link PensionCalc#outcome}); the memo replays both
     * on the new event, the record made on her own pension contributions.
     */
    static final Set<String> EVENT_FINDINGS = Set.of("PensionCalc.outcome");
    /**
     * The one form in which an event rule may read contributions and still be memoised: the worker's pension
     * contributions collected whole, {@code collect(ContributionFinding(span.owner == $e.owner, PensionCalc.isPension(this)))},
     * the list then passed only to calculations of {@link #EVENT_CALLS} and {@link #EVENT_AMOUNTS} (which run on
     * {@link EventFact#pensionUnread()} for a later worker).
     */
    private static final Pattern PENSION_COLLECT = Pattern.compile("span\\.owner\\s*==\\s*\\$\\w+\\.owner ;; PensionCalc\\.isPension\\(this\\) ;; ");

    private final Map<Class<?>, Reads> reads = new LinkedHashMap<>();
    /** What the event rules (and the rules on any Subject) read of an event fact's own properties, from their constraints. */
    private final Reads eventReads = new Reads();
    /** Event rules with their kinds and what the event memo cannot account for in them (judged once every kind is known). */
    private final List<EventRule> eventRules = new ArrayList<>();
    private List<String> eventProblems;

    private record EventRule(String id, Set<String> kinds, List<String> problems) { }
    /** What span rules read of their worker's coverage fact. */
    private final Reads coverageOfSpan = new Reads();
    private final List<String> problems = new ArrayList<>();
    /** The event kinds whose rules read contributions (null: any kind may). */
    private Set<String> contributionKinds = new TreeSet<>();
    /** Contribution patterns that are not the whole pension contributions collected ({@link #PENSION_COLLECT}). */
    private final List<String> contributionForms = new ArrayList<>();
    /** The patterns that are the input of a collect. */
    private final Set<PatternDescr> collected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** What the event memo cannot account for in the rules of the kinds that read contributions. */
    private List<String> contributionEventProblems;

    private MemoPlan() {
        for (Class<?> c : KEYED.values()) reads.put(c, new Reads());
    }

    /** Parses DRL files and derives the plan. */
    public static MemoPlan of(Map<String, String> drl) {
        MemoPlan plan = new MemoPlan();
        DrlParser parser = new DrlParser();
        for (Map.Entry<String, String> file : new TreeMap<>(drl).entrySet()) {
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, file.getValue());
            } catch (DroolsParserException e) {
                plan.problems.add(file.getKey() + ": cannot be parsed (" + e.getMessage() + ")");
                continue;
            }
            if (pkg == null || parser.hasErrors()) {
                plan.problems.add(file.getKey() + ": cannot be parsed " + parser.getErrors());
                continue;
            }
            for (RuleDescr r : pkg.getRules()) plan.rule(r);
        }
        if (plan.contributionKinds != null) plan.contributionKinds = Set.copyOf(plan.contributionKinds);
        plan.eventProblems = plan.judgeEventRules();
        return plan;
    }

    /** @return what the plan cannot account for, one line a problem; empty when the memo may be used */
    public List<String> problems() { return List.copyOf(problems); }

    /** @return the properties read of a keyed fact class (for the documentation and the tests) */
    public Set<String> properties(Class<?> c) { return Set.copyOf(reads.get(c).properties); }

    /** @return the properties keyed by threshold side, with their thresholds */
    public Map<String, List<Threshold>> thresholds(Class<?> c) {
        Map<String, List<Threshold>> out = new TreeMap<>();
        Reads r = reads.get(c);
        r.thresholds.forEach((k, v) -> { if (!r.raw.contains(k)) out.put(k, List.copyOf(v)); });
        return out;
    }

    /**
     * @return the names of the {@code EventKind}s whose second-phase rules read contribution findings, or null when
     *         a rule reads them on an event of any kind: a replayed worker's contributions go into the event session
     *         only when she has an event of such a kind (the other event rules cannot see them)
     */
    public Set<String> contributionEventKinds() {
        return contributionKinds;
    }

    /**
     * @return what the event memo cannot account for, one line a problem; empty when it may serve. The event rules of a
     *         kind whose rules read contributions are not judged (the memo never serves those workers).
     */
    public List<String> eventMemoProblems() { return eventProblems; }

    private List<String> judgeEventRules() {
        List<String> out = new ArrayList<>();
        List<String> contributions = new ArrayList<>(contributionForms);
        if (contributionKinds == null) {
            out.add("an event rule reads contributions on an event of any kind");
            contributionEventProblems = List.copyOf(out);
            return List.copyOf(out);
        }
        for (EventRule r : eventRules) {
            if (!r.kinds().isEmpty() && contributionKinds.containsAll(r.kinds())) contributions.addAll(r.problems());
            else out.addAll(r.problems());
        }
        contributionEventProblems = List.copyOf(contributions);
        return List.copyOf(out);
    }

    /**
     * @return what the event memo cannot account for in the rules of the event kinds whose rules read contributions
     *         ({@link #contributionEventKinds}); empty when the memo may serve those events too (their rules read the
     *         contributions only as the worker's whole pension contributions, passed to calculations it computes again)
     */
    public List<String> contributionEventProblems() { return contributionEventProblems; }

    /**
     * @return the properties of an event fact that the rules compare only with thresholds (keyed by the event memo by
     *         their side of each threshold), with their thresholds
     */
    Map<String, List<Threshold>> eventThresholds() {
        Map<String, List<Threshold>> out = new TreeMap<>();
        eventReads.thresholds.forEach((k, v) -> { if (!eventReads.raw.contains(k)) out.put(k, List.copyOf(v)); });
        return out;
    }

    /** @return what span rules read of their worker's coverage fact */
    public Set<String> coverageOfSpan() { return Set.copyOf(coverageOfSpan.properties); }

    /**
     * @return the parameters span rules read of their worker's coverage fact's snapshot (properties of {@link Params}),
     *         or null when they read it whole (the key then holds the whole snapshot)
     */
    public Set<String> coverageOfSpanParams() {
        return coverageOfSpan.wholeParams ? null : Set.copyOf(coverageOfSpan.paramReads);
    }

    Reads reads(Class<?> c) { return reads.get(c); }
    Reads coverageReadsOfSpan() { return coverageOfSpan; }

    // ------------------------------------------------------------------ analysis

    private record Pat(PatternDescr descr, String type, String var) { }

    private static String simple(String type) {
        if (type == null) return "";
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    private void rule(RuleDescr r) {
        String id = r.getName().contains(" ") ? r.getName().substring(0, r.getName().indexOf(' ')) : r.getName();
        List<Pat> pats = new ArrayList<>();
        collect(r.getLhs(), pats, id);
        Set<String> types = new LinkedHashSet<>();
        for (Pat p : pats) types.add(simple(p.type()));
        if (types.contains("ComplianceFact") || types.contains("EmploymentGapFact")) return; // compliance: never with the memo
        if (types.contains("EventFact")) {
            // second phase: judged in Drools after the first; of what the first phase found it may read only the
            // contributions (the memo inserts them for the worker's events) and findings about its own event
            Set<String> events = new LinkedHashSet<>();
            for (Pat p : pats) if (simple(p.type()).equals("EventFact") && p.var() != null) events.add(p.var());
            for (Pat p : pats) {
                String t = simple(p.type());
                String text = constraints(p.descr());
                if (t.equals("ContributionFinding")) {
                    contributionReader(p, pats, text);
                    if (!collected.contains(p.descr()) || !PENSION_COLLECT.matcher(text).matches()) {
                        contributionForms.add(id + ": reads contributions other than as the worker's whole pension contributions collected");
                    }
                }
                if (KEYED.containsKey(t)) problems.add(id + ": an event rule matches a " + t + " (the memo replays findings, not facts)");
                if (t.equals("Finding")) {
                    Matcher a = Pattern.compile("\\bsubject\\s*==\\s*(\\$\\w+)").matcher(text);
                    if (!a.find() || !events.contains(a.group(1))) problems.add(id + ": an event rule matches findings not about its event (subject == $event)");
                }
                if (t.equals("BenefitFinding")) problems.add(id + ": an event rule matches amounts, which the memo does not insert");
            }
            eventRule(id, pats, String.valueOf(r.getConsequence()));
            return;
        }
        boolean span = types.contains("SpanFact");
        Map<String, Class<?>> vars = new LinkedHashMap<>(); // subject variables → class (Subject: every keyed class)
        Set<String> findingVars = new LinkedHashSet<>();
        Set<String> listVars = new LinkedHashSet<>();
        for (Pat p : pats) {
            String t = simple(p.type());
            if (KEYED.containsKey(t) || t.equals("Subject")) {
                if (p.var() != null) vars.put(p.var(), KEYED.getOrDefault(t, Subject.class));
            } else if (t.equals("Finding")) {
                if (p.var() != null) findingVars.add(p.var());
            } else if (t.equals("List") && p.var() != null) {
                listVars.add(p.var());
            }
        }
        boolean first = true;
        for (Pat p : pats) {
            String t = simple(p.type());
            String text = constraints(p.descr());
            if (t.equals("SchemeQuery") || t.equals("List")) continue;
            if (t.equals("Finding")) {
                if (!ANCHOR.matcher(text).find()) problems.add(id + ": a Finding pattern is not tied to the rule's fact (subject == $x or subject.owner == $x.owner)");
                continue;
            }
            if (!KEYED.containsKey(t) && !t.equals("Subject")) {
                problems.add(id + ": matches " + t + ", which the memo does not replay");
                continue;
            }
            boolean joined = OWNER_JOIN.matcher(text).find();
            if (!first && !joined) problems.add(id + ": matches a second fact (" + t + ") without owner == $x.owner");
            if (first && joined) problems.add(id + ": its first fact (" + t + ") joins on an owner");
            first = false;
            if (span && t.equals("CoverageFact")) { // a span rule reading its worker's coverage fact
                // bound, its consequence could read more of it than the span's key holds (only constraints are read here)
                if (p.var() != null) problems.add(id + ": a span rule binds its worker's coverage fact (" + p.var() + "), which the memo keys only by its constraints");
                read(id, coverageOfSpan, text);
                continue;
            }
            if (span && !t.equals("SpanFact") || countType(pats, "SpanFact") > 1) {
                problems.add(id + ": joins a span with a " + t + " (only a span and its worker's coverage fact are keyed together)");
                continue;
            }
            if (t.equals("Subject")) {
                for (Reads rs : reads.values()) read(id, rs, text);
                read(id, eventReads, text, new ArrayList<>()); // a Subject rule judges event facts too
            } else {
                read(id, reads.get(KEYED.get(t)), text);
            }
        }
        consequence(id, String.valueOf(r.getConsequence()), vars, findingVars, listVars);
    }

    private static final Pattern KIND = Pattern.compile("(?<![\\w$.])kind\\s*==\\s*EventKind\\.(\\w+)");
    private static final Pattern OWNER_OF = Pattern.compile("\\bspan\\.owner\\s*==\\s*(\\$\\w+)\\.owner\\b");

    /**
     * Notes the event kinds on which an event rule reads contributions: those of the event its contribution pattern
     * joins ({@code span.owner == $e.owner}) when that event's pattern names one kind ({@code kind == EventKind.X});
     * any other form means every kind.
     */
    private void contributionReader(Pat contributions, List<Pat> pats, String text) {
        if (contributionKinds == null) return;
        Matcher owner = OWNER_OF.matcher(text);
        if (owner.find()) {
            for (Pat e : pats) {
                if (!simple(e.type()).equals("EventFact") || !owner.group(1).equals(e.var())) continue;
                Matcher k = KIND.matcher(constraints(e.descr()));
                if (k.find() && !k.find()) {
                    k.reset().find();
                    contributionKinds.add(k.group(1));
                    return;
                }
            }
        }
        contributionKinds = null;
    }

    private static int countType(List<Pat> pats, String t) {
        int n = 0;
        for (Pat p : pats) if (simple(p.type()).equals(t)) n++;
        return n;
    }

    private static final Pattern OWNER_JOIN = Pattern.compile("\\bowner\\s*==\\s*\\$\\w+\\.owner\\b");
    private static final Pattern ANCHOR = Pattern.compile("\\bsubject\\s*==\\s*\\$\\w+|\\bsubject\\.owner\\s*==\\s*\\$\\w+\\.owner\\b|\\bspan\\s*==\\s*\\$\\w+");

    private void collect(BaseDescr d, List<Pat> out, String id) {
        if (d == null) return;
        if (d instanceof PatternDescr p) {
            out.add(new Pat(p, p.getObjectType(), p.getIdentifier()));
            if (p.getSource() instanceof CollectDescr c) {
                if (c.getInputPattern() != null) collected.add(c.getInputPattern());
                collect(c.getInputPattern(), out, id);
            }
            else if (p.getSource() instanceof AccumulateDescr a) for (BaseDescr x : a.getDescrs()) collect(x, out, id);
            else if (p.getSource() instanceof FromDescr) problems.add(id + ": a pattern reads 'from' an expression, which the memo cannot key");
            else if (p.getSource() != null) problems.add(id + ": a pattern source the memo does not know (" + p.getSource().getClass().getSimpleName() + ")");
            return;
        }
        if (d instanceof ForallDescr f) {
            for (BaseDescr x : f.getDescrs()) collect(x, out, id);
            return;
        }
        if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr x : ce.getDescrs()) collect(x, out, id);
            return;
        }
        problems.add(id + ": a condition the memo does not know (" + d.getClass().getSimpleName() + ")");
    }

    private static String constraints(PatternDescr p) {
        StringBuilder sb = new StringBuilder();
        if (p.getConstraint() != null) {
            for (BaseDescr c : p.getConstraint().getDescrs()) {
                if (c instanceof ExprConstraintDescr e) sb.append(e.getExpression()).append(" ;; ");
                else sb.append(c.getText()).append(" ;; ");
            }
        }
        return sb.toString();
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PATH = Pattern.compile("(?<![\\w$.\"])([A-Za-z_$][\\w$]*)((?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)(\\s*\\()?");
    private static final String NUM_EXPR = "params\\.\\w+|params\\.num\\(\"[^\"]*\"\\)(?:\\.longValue\\(\\))?|-?\\d+";
    private static final String OP = "<=|>=|==|!=|<|>";

    /**
     * Notes what the event memo needs of an event rule: the event fact's properties its constraints compare (calls
     * are read by the log), and as problems: a constraint calling a calculation not in {@link #EVENT_CALLS}, a
     * consequence calling one not in {@link #EVENT_AMOUNTS} (or other than inserting findings), or reading a fact.
     */
    private void eventRule(String id, List<Pat> pats, String rhs) {
        Set<String> kinds = new TreeSet<>();
        List<String> found = new ArrayList<>();
        for (Pat p : pats) {
            String t = simple(p.type());
            String text = constraints(p.descr());
            if (t.equals("EventFact")) {
                Matcher k = KIND.matcher(text);
                while (k.find()) kinds.add(k.group(1));
                read(id, eventReads, text, new ArrayList<>());
            }
            if (t.equals("ContributionFinding") && collected.contains(p.descr()) && PENSION_COLLECT.matcher(text).matches()) continue;
            Matcher calls = STATIC_CALL.matcher(STRING.matcher(text).replaceAll("\"\""));
            while (calls.find()) {
                String fn = calls.group(1) + "." + calls.group(2);
                if (!EVENT_CALLS.contains(fn)) found.add(id + ": a condition calls " + fn + "(…), which the event memo does not read as one value");
            }
        }
        String code = STRING.matcher(rhs.replaceAll("//[^\n]*", "")).replaceAll("\"\"");
        Matcher bare = BARE_CALL.matcher(code);
        while (bare.find()) if (!bare.group(1).equals("insert")) found.add(id + ": the consequence calls " + bare.group(1) + "(…)");
        Matcher statics = STATIC_CALL.matcher(code);
        while (statics.find()) {
            String fn = statics.group(1) + "." + statics.group(2);
            if (!fn.startsWith("Finding.") && !EVENT_AMOUNTS.contains(fn) && !EVENT_FINDINGS.contains(fn)) found.add(id + ": the consequence calls " + fn + "(…), which the event memo cannot compute again");
        }
        Matcher uses = VAR_USE.matcher(code);
        while (uses.find()) {
            if (!uses.group(2).isBlank()) found.add(id + ": the consequence reads " + uses.group(1) + uses.group(2).replaceAll("\\s", ""));
        }
        eventRules.add(new EventRule(id, kinds, found));
    }

    /** Adds what one pattern's constraints read of its fact. */
    private void read(String id, Reads rs, String text) {
        read(id, rs, text, problems);
    }

    private void read(String id, Reads rs, String text, List<String> problems) {
        // comparisons of a property with a threshold, found on the text with its string literals
        Map<String, List<Threshold>> found = new TreeMap<>();
        Matcher cmp = Pattern.compile("(?<![\\w$.])([a-z]\\w*)\\s*(" + OP + ")\\s*(" + NUM_EXPR + "|null)(?![\\w.(])").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (cmp.find()) {
            String prop = cmp.group(1);
            if (prop.equals("params") || prop.equals("owner")) { // params.x compared: the whole snapshot is keyed
                if (prop.equals("params")) {
                    rs.properties.add(prop);
                    rs.wholeParams = true;
                }
            } else {
                List<Threshold> ts = found.computeIfAbsent(prop, k -> new ArrayList<>());
                if (!cmp.group(3).equals("null")) ts.add(new Threshold(cmp.group(2), cmp.group(3)));
                rs.properties.add(prop);
            }
            cmp.appendReplacement(sb, Matcher.quoteReplacement(cmp.group(3).startsWith("params") ? " params.x " : " 0 "));
        }
        cmp.appendTail(sb);
        String noStrings = STRING.matcher(sb.toString()).replaceAll("\"\"");
        Matcher m = PATH.matcher(noStrings);
        while (m.find()) {
            String root = m.group(1);
            String rest = m.group(2).replaceAll("\\s", "");
            boolean call = m.group(3) != null;
            if (KEYWORDS.contains(root) || Character.isUpperCase(root.charAt(0)) && !root.startsWith("$")) {
                if (Character.isUpperCase(root.charAt(0)) && call && !rest.isEmpty()) problems.add(id + ": a constraint calls " + root + rest + "(…), which the memo cannot key");
                continue;
            }
            if (root.startsWith("$")) {
                String prop = rest.isEmpty() ? null : rest.substring(1).split("\\.")[0];
                if (!"owner".equals(prop)) problems.add(id + ": a constraint reads " + root + rest + " of another pattern, which the memo cannot key");
                continue;
            }
            if (root.equals("params")) {
                if (rest.startsWith(".from") || rest.startsWith(".getFrom")) problems.add(id + ": reads the parameter snapshot's start date, which the memo does not key");
                rs.properties.add("params");
                // params.x, a getter of the snapshot: its value is what is read; anything else reads it whole
                String getter = rest.length() > 1 && rest.indexOf('.', 1) < 0 && !call ? rest.substring(1) : null;
                if (getter != null && paramsGetter(getter)) rs.paramReads.add(getter);
                else rs.wholeParams = true;
                continue;
            }
            if (call) {
                problems.add(id + ": a constraint calls " + root + "(…) on the fact, which the memo cannot key");
                continue;
            }
            if (root.equals("owner")) continue; // the join on the worker
            rs.properties.add(root);
            rs.raw.add(root); // read other than in a comparison with a threshold: keyed by value
        }
        found.forEach((k, v) -> rs.thresholds.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }

    private static final Pattern VAR_USE = Pattern.compile("(\\$\\w+)((?:\\s*\\.\\s*\\w+\\s*(?:\\(\\s*\\))?)*)");
    private static final Pattern STATIC_CALL = Pattern.compile("(?<![\\w$.])([A-Z]\\w*)\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern BARE_CALL = Pattern.compile("(?<![\\w$.])([a-z]\\w*)\\s*\\(");

    /** Checks one first-phase consequence: what it inserts, and what it reads of the facts. */
    private void consequence(String id, String rhs, Map<String, Class<?>> vars, Set<String> findingVars, Set<String> listVars) {
        String code = STRING.matcher(rhs.replaceAll("//[^\n]*", "")).replaceAll("\"\"");
        Matcher calls = BARE_CALL.matcher(code);
        while (calls.find()) {
            if (!calls.group(1).equals("insert")) problems.add(id + ": the consequence calls " + calls.group(1) + "(…), which the memo does not replay");
        }
        Matcher statics = STATIC_CALL.matcher(code);
        while (statics.find()) {
            String fn = statics.group(1) + "." + statics.group(2);
            if (!REPLAYABLE.containsKey(fn)) problems.add(id + ": the consequence calls " + fn + "(…), whose reads the memo does not know");
        }
        // locals holding the parameters: Params p = $s.getParams();
        Set<String> paramLocals = new LinkedHashSet<>();
        Matcher local = Pattern.compile("Params\\s+(\\w+)\\s*=\\s*(\\$\\w+)\\s*\\.\\s*getParams\\s*\\(\\s*\\)").matcher(code);
        while (local.find()) paramLocals.add(local.group(1));
        Matcher lowerUse = Pattern.compile("(?<![\\w$.\"])([a-z]\\w*)\\s*\\.").matcher(code);
        while (lowerUse.find()) {
            String v = lowerUse.group(1);
            if (!paramLocals.contains(v) && !v.equals("kcontext")) problems.add(id + ": the consequence reads " + v + ", which the memo cannot key");
        }
        Matcher u = VAR_USE.matcher(code);
        while (u.find()) {
            String var = u.group(1);
            String rest = u.group(2).replaceAll("\\s", "");
            if (findingVars.contains(var) || listVars.contains(var)) continue; // findings of the same fact, counted in the unit
            Class<?> c = vars.get(var);
            if (c == null) {
                problems.add(id + ": the consequence uses " + var + ", which is not a fact the memo keys");
                continue;
            }
            if (rest.isEmpty()) { // the fact itself, passed to a function: only as the subject of a replayable one
                String before = code.substring(0, u.start());
                Matcher fn = Pattern.compile("([A-Z]\\w*\\.\\w+)\\s*\\(\\s*kcontext\\s*,\\s*$").matcher(before);
                if (!fn.find() || !REPLAYABLE.containsKey(fn.group(1))) {
                    problems.add(id + ": the consequence passes " + var + " where the memo cannot tell what is read of it");
                    continue;
                }
                for (String p : REPLAYABLE.get(fn.group(1))) {
                    if (p.equals("wage")) continue; // recomputed from each span's own wage when replayed
                    addRead(c, p);
                }
                continue;
            }
            String getter = rest.substring(1).split("\\.")[0].replaceAll("\\(\\)$", "");
            String prop = getter.startsWith("get") ? decap(getter.substring(3)) : getter.startsWith("is") ? decap(getter.substring(2)) : getter;
            if (prop.equals("owner")) continue;
            addRead(c, prop);
        }
    }

    private void addRead(Class<?> c, String prop) {
        for (Map.Entry<Class<?>, Reads> e : reads.entrySet()) {
            if (c == Subject.class || c == e.getKey()) {
                e.getValue().properties.add(prop);
                if (prop.equals("params")) e.getValue().wholeParams = true;
                else e.getValue().raw.add(prop);
            }
        }
    }

    private static String decap(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------ keys

    /** @return true when {@link Params} has a getter without arguments for the property */
    private static boolean paramsGetter(String prop) {
        try {
            getter(Params.class, prop);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Reads one property of a fact by its getter. */
    static Method getter(Class<?> c, String prop) {
        String cap = Character.toUpperCase(prop.charAt(0)) + prop.substring(1);
        for (String name : List.of("get" + cap, "is" + cap)) {
            try {
                return c.getMethod(name);
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        throw new IllegalStateException("the rules read '" + prop + "' of " + c.getSimpleName() + ", which has no getter");
    }

    /** The value of a threshold expression on a snapshot: a parameter, {@code params.num("id")} or a literal; null when absent. */
    static BigDecimal threshold(String expr, Params params) {
        if (expr.matches("-?\\d+")) return new BigDecimal(expr);
        Matcher num = Pattern.compile("params\\.num\\(\"([^\"]*)\"\\)(?:\\.longValue\\(\\))?").matcher(expr);
        if (num.matches()) {
            BigDecimal d = params.num(num.group(1));
            if (d == null) return null;
            return expr.endsWith(".longValue()") ? BigDecimal.valueOf(d.longValue()) : d;
        }
        String prop = expr.substring("params.".length());
        Object v;
        try {
            v = getter(Params.class, prop).invoke(params);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("threshold " + expr + " cannot be read", e);
        }
        if (v == null) return null;
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Number n) return BigDecimal.valueOf(n.longValue());
        throw new IllegalStateException("threshold " + expr + " is not a number: " + v);
    }

    /**
     * The cut points of a property's comparisons on a snapshot: two values between the same cut points (or both below
     * the first) compare alike with every threshold. {@code x >= t} and {@code x < t} cut at ⌈t⌉; {@code x > t} and
     * {@code x <= t} at ⌊t⌋ + 1; {@code ==} and {@code !=} at t and t + 1 when t is whole.
     */
    static long[] cuts(List<Threshold> ts, Params params) {
        TreeSet<Long> cuts = new TreeSet<>();
        for (Threshold t : ts) {
            BigDecimal v = threshold(t.expr(), params);
            if (v == null) continue; // a comparison with an absent value does not depend on the property
            switch (t.op()) {
                case ">=", "<" -> cuts.add(v.setScale(0, RoundingMode.CEILING).longValueExact());
                case ">", "<=" -> cuts.add(v.setScale(0, RoundingMode.FLOOR).longValueExact() + 1);
                default -> {
                    if (v.stripTrailingZeros().scale() <= 0) {
                        cuts.add(v.longValueExact());
                        cuts.add(v.longValueExact() + 1);
                    }
                }
            }
        }
        long[] out = new long[cuts.size()];
        int i = 0;
        for (long c : cuts) out[i++] = c;
        return out;
    }

    /** @return the index of the interval between cut points that {@code x} lies in (0: below the first) */
    static int side(long x, long[] cuts) {
        int i = 0;
        while (i < cuts.length && x >= cuts[i]) i++;
        return i;
    }
}
