package org.rulesascode.nssf.rules;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.ParameterValue;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.RuleDescription;
import org.rulesascode.nssf.rules.internal.Assessor;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.RuleInfo;
import org.rulesascode.nssf.rules.internal.ReformApplier;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Drools implementation of {@link EligibilityEngine}, registered for {@link java.util.ServiceLoader}.
 * Immutable and thread-safe; the standard rule set (parameters, legal sources, compiled DRL) is built once per
 * JVM on first use and shared by every instance. Users should not need this class: call
 * {@link EligibilityEngine#standard()}.
 *
 * <p>{@link #withReform(Reform)} gives a new engine over a reformed rule set: a parameter-only reform shares this
 * engine's compiled KieBase (no recompilation) with a new parameter tree; a structural reform compiles the standard
 * DRL with the reform's files. Reforms do not stack: a reform applies to a baseline engine, and a reformed engine
 * refuses another non-empty reform (write one reform with every change instead).
 */
public final class DroolsEligibilityEngine implements EligibilityEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DroolsEligibilityEngine.class);
    private final RuleSet ruleSet;
    private final Assessor assessor;
    private final Reform reform;

    /** The engine of the standard rule base (the constructor {@link java.util.ServiceLoader} calls). */
    public DroolsEligibilityEngine() {
        this(RuleSet.standard(), Reform.none());
    }

    private DroolsEligibilityEngine(RuleSet ruleSet, Reform reform) {
        this(ruleSet, reform, true);
    }

    private DroolsEligibilityEngine(RuleSet ruleSet, Reform reform, boolean memo) {
        this.ruleSet = ruleSet;
        this.assessor = new Assessor(ruleSet, memo);
        this.reform = reform;
    }

    /**
     * The same engine with or without the memo of rule outcomes. The memo (on by default) keeps what the coverage and
     * contribution rules found about a fact, keyed by exactly what those rules read of it (derived from the DRL), and
     * replays it for the next fact with the same key; it serves {@link Detail#OUTCOMES} and never changes an answer.
     * Without it, Drools judges every fact anew: for differential checks and benchmarks. The system property
     * {@code nssf.rules.memo=false} turns it off for every engine.
     *
     * @param memo false to judge every fact in Drools
     * @return an engine over the same rules and reform
     */
    public DroolsEligibilityEngine withMemo(boolean memo) {
        return new DroolsEligibilityEngine(ruleSet, reform, memo);
    }

    /**
     * How the memo of rule outcomes has served since the rules were built (it is shared by every engine over the same
     * compiled rules, e.g. both sides of a parameter reform).
     *
     * @param replayed facts (history spans, or a worker with her dependants) whose outcomes were replayed
     * @param judged   facts sent to Drools while the memo was on (their outcomes are then kept)
     * @param entries  distinct keys kept
     * @param enabled  false when the memo is off (system property, or a rule the plan cannot key)
     * @param eventsReplayed workers whose life-event benefits were replayed from a recent worker with equal event facts
     *                       (e.g. the other side of a compare), counted when no rule of her events reads contributions
     * @param eventsJudged   such workers whose life-event benefits Drools judged
     * @param eventsShared   workers whose life-event findings the second engine of a comparison
     *                       ({@link #assessAllWith}) took from the first: the same parameter values on each event's date
     *                       and the same contributions on both sides, so the same event facts
     */
    public record MemoStatistics(long replayed, long judged, int entries, boolean enabled, long eventsReplayed, long eventsJudged,
                                 long eventsShared) { }

    /** @return the assessor (for the differential tests of this package) */
    Assessor assessor() {
        return assessor;
    }

    /** @return how the memo of rule outcomes has served so far */
    public MemoStatistics memoStatistics() {
        var m = ruleSet.rules().memo();
        return new MemoStatistics(m.hits(), m.misses(), m.size(), m.enabled() && assessor.usesMemo(), m.eventHits(), m.eventMisses(), m.sharedEvents());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The reformed engine's {@link #ruleSetVersion()} is a hash of this engine's version and the reform's content
     * (its changes and DRL, not the file it was read from). An empty reform ({@link Reform#isEmpty()}) changes
     * nothing: the new engine assesses exactly like this one and keeps its version.
     *
     * @throws IllegalStateException when this engine already applies a non-empty reform and {@code reform} is not
     *                               empty: reforms do not stack; apply one reform with every change to the baseline
     */
    @Override
    public EligibilityEngine withReform(Reform reform) {
        Objects.requireNonNull(reform, "reform");
        if (!this.reform.isEmpty() && !reform.isEmpty()) {
            throw new IllegalStateException("this engine already applies the reform '" + this.reform.name() + "'; reforms do not stack: "
                    + "apply '" + reform.name() + "' to the baseline engine, or write one reform with the changes of both");
        }
        if (reform.isEmpty()) return new DroolsEligibilityEngine(ruleSet, this.reform.isEmpty() ? reform : this.reform, assessor.usesMemo());
        return new DroolsEligibilityEngine(ReformApplier.apply(ruleSet, reform), reform, assessor.usesMemo());
    }

    @Override
    public Reform reform() {
        return reform;
    }

    @Override
    public Assessment assess(AssessmentRequest request, Locale locale) {
        Objects.requireNonNull(request, "request");
        try {
            return assessor.assess(request, locale == null ? Locale.ENGLISH : locale);
        } catch (RuntimeException e) {
            throw reformFailure(e, List.of(request));
        }
    }

    /**
     * A failure of a reformed engine where the baseline answers: the reform's data (a value a calculation cannot use,
     * a scheme switched on before the parameters its rules read are in force) is the user's to fix, so it becomes an
     * {@link InvalidInputException} naming the reform, the rule and what went wrong. A failure of the baseline
     * engine, or an {@link InvalidInputException}, is returned unchanged (thrown by the caller).
     */
    private RuntimeException reformFailure(RuntimeException e, List<AssessmentRequest> requests) {
        if (reform.isEmpty() || e instanceof InvalidInputException) return e;
        Throwable root = e;
        String rule = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            root = t;
            java.util.regex.Matcher m = RULE_NAME.matcher(String.valueOf(t.getMessage()));
            if (rule == null && m.find()) rule = m.group(1);
        }
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        String who = requests.size() == 1 ? "profile '" + requests.get(0).profile().id() + "' on " + requests.get(0).asOf()
                : requests.size() + " profiles";
        InvalidInputException x = new InvalidInputException("reform '" + reform.name() + "'",
                "makes the rules fail for " + who + (rule == null ? "" : " in rule " + rule) + " (" + what.replaceAll("\\s+", " ") + ")",
                "values every rule can use: keep in force, with a usable value, each parameter the rules of a scheme read "
                        + "from the date the reform switches the scheme on");
        x.initCause(e);
        return x;
    }

    private static final java.util.regex.Pattern RULE_NAME = java.util.regex.Pattern.compile("[Rr]ule \"?([A-Z]+(?:-[A-Z0-9]+)+)");

    @Override
    public List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale) {
        requireRequests(requests);
        if (requests.isEmpty()) return List.of();
        try {
            return assessor.assessAll(requests, locale == null ? Locale.ENGLISH : locale);
        } catch (RuntimeException e) {
            throw reformFailure(e, requests);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>With {@link Detail#OUTCOMES} the rules fire exactly as for the explained form (Drools judges every outcome),
     * but no reason, citation, calculation step or message is rendered and the compliance checks (with their
     * re-assessments of corrected histories) do not run. With {@link Detail#DECISIONS} the decisions are explained as
     * by default and only the compliance checks are skipped.
     */
    @Override
    public List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale, Detail detail) {
        if (detail == null || detail == Detail.EXPLAINED) return assessAll(requests, locale);
        requireRequests(requests);
        if (requests.isEmpty()) return List.of();
        try {
            Locale l = locale == null ? Locale.ENGLISH : locale;
            return detail == Detail.DECISIONS ? assessor.assessAllWithoutCompliance(requests, l) : assessor.assessAll(requests, l, false);
        } catch (RuntimeException e) {
            throw reformFailure(e, requests);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>On {@link Detail#OUTCOMES}, with another Drools engine over the same compiled rules (this engine's parameter
     * reform, or its baseline) and the memo on for both, each batch is assessed by this engine first; the other then
     * takes, for each worker, the history spans that are the same with the same parameter values on both sides (the
     * months before the reform's first change) with what the rules found about them and their contribution lines,
     * and, for a worker whose events have the same parameter values on their dates on both sides and whose
     * contributions are the same, the first engine's findings and decisions about her events; it judges only the
     * rest. The answers are the same as the two calls' (a differential test compares them).
     */
    @Override
    public List<List<Assessment>> assessAllWith(EligibilityEngine other, List<AssessmentRequest> requests, Locale locale, Detail detail) {
        Objects.requireNonNull(other, "other");
        requireRequests(requests);
        if (detail == Detail.OUTCOMES && other instanceof DroolsEligibilityEngine d && assessor.sharesWith(d.assessor)) {
            if (requests.isEmpty()) return List.of(List.of(), List.of());
            try {
                return assessor.assessBoth(d.assessor, requests, locale == null ? Locale.ENGLISH : locale);
            } catch (IllegalStateException e) {
                throw e; // a broken invariant of the engine itself, never a worker's data: not hidden behind the two calls
            } catch (RuntimeException e) {
                // one side failed: each engine's own call tells which, with its message
                LOG.debug("shared assessment failed; assessing with each engine apart", e);
            }
        }
        return EligibilityEngine.super.assessAllWith(other, requests, locale, detail);
    }

    /** @throws NullPointerException naming the list or its first null element */
    private static void requireRequests(List<AssessmentRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        for (int i = 0; i < requests.size(); i++) Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
    }

    /**
     * @return how long building this engine's KieBase took: loading the rules compiled at build time, or compiling DRL
     * (a structural reform); the standard rule set is built once per JVM
     */
    public Duration kieBaseBuildTime() {
        return Duration.ofNanos(ruleSet.rules().buildNanos());
    }

    @Override
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /** {@inheritDoc} */
    @Override
    public List<RuleDescription> rules() {
        List<RuleDescription> out = new ArrayList<>();
        for (RuleInfo r : ruleSet.rules().rules().values()) {
            String sentence = r.name().startsWith(r.id() + " ") ? r.name().substring(r.id().length() + 1).strip() : r.name();
            out.add(new RuleDescription(r.id(), r.scheme(), Benefit.valueOf(r.benefit()), sentence, r.citations(), r.parameterIds()));
        }
        return List.copyOf(out);
    }

    /** {@inheritDoc} */
    @Override
    public List<ParameterValue> parameterAudit() {
        List<ParameterValue> out = new ArrayList<>();
        for (Parameter p : ruleSet.parameters().all().values()) {
            for (Parameter.Entry e : p.entries()) {
                out.add(new ParameterValue(p.id(), p.description(), p.unit(), e.from(), e.display(), e.confidence(), e.source(), e.note()));
            }
        }
        return List.copyOf(out);
    }
}
