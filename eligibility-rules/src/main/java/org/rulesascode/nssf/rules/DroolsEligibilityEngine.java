package org.rulesascode.nssf.rules;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.rules.internal.Assessor;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.RuleInfo;
import org.rulesascode.nssf.rules.internal.ReformApplier;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.time.Duration;
import java.time.LocalDate;
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
    private final RuleSet ruleSet;
    private final Assessor assessor;
    private final Reform reform;

    /** The engine of the standard rule base (the constructor {@link java.util.ServiceLoader} calls). */
    public DroolsEligibilityEngine() {
        this(RuleSet.standard(), Reform.none());
    }

    private DroolsEligibilityEngine(RuleSet ruleSet, Reform reform) {
        this.ruleSet = ruleSet;
        this.assessor = new Assessor(ruleSet);
        this.reform = reform;
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
        if (reform.isEmpty()) return new DroolsEligibilityEngine(ruleSet, this.reform.isEmpty() ? reform : this.reform);
        return new DroolsEligibilityEngine(ReformApplier.apply(ruleSet, reform), reform);
    }

    @Override
    public Reform reform() {
        return reform;
    }

    @Override
    public Assessment assess(AssessmentRequest request, Locale locale) {
        Objects.requireNonNull(request, "request");
        return assessor.assess(request, locale == null ? Locale.ENGLISH : locale);
    }

    @Override
    public List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale) {
        Objects.requireNonNull(requests, "requests");
        for (int i = 0; i < requests.size(); i++) Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
        if (requests.isEmpty()) return List.of();
        return assessor.assessAll(requests, locale == null ? Locale.ENGLISH : locale);
    }

    /**
     * {@inheritDoc}
     *
     * <p>With {@link Detail#OUTCOMES} the rules fire exactly as for the explained form (Drools judges every outcome),
     * but no reason, citation, calculation step or message is rendered and the compliance checks (with their
     * re-assessments of corrected histories) do not run.
     */
    @Override
    public List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale, Detail detail) {
        if (detail == null || detail == Detail.EXPLAINED) return assessAll(requests, locale);
        Objects.requireNonNull(requests, "requests");
        for (int i = 0; i < requests.size(); i++) Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
        if (requests.isEmpty()) return List.of();
        return assessor.assessAll(requests, locale == null ? Locale.ENGLISH : locale, false);
    }

    /** @return how long compiling the DRL into this engine's KieBase took (the rule set is built once per JVM) */
    public Duration kieBaseBuildTime() {
        return Duration.ofNanos(ruleSet.rules().buildNanos());
    }

    @Override
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /**
     * One rule of the rule base, as its metadata says (for audits such as {@code nssf verify}).
     *
     * @param id           the rule id
     * @param scheme       a scheme name, or {@code ALL} for shared criteria and compliance checks
     * @param benefit      a benefit name ({@code COVERAGE} for coverage and contributions)
     * @param parameterIds the parameters the rule reads
     */
    public record RuleDescription(String id, String scheme, String benefit, List<String> parameterIds) { }

    /**
     * One dated value of a parameter (for audits such as {@code nssf verify}).
     *
     * @param id         the parameter id
     * @param unit       its unit (KHR, rate, month, scale...)
     * @param from       the first day the value holds
     * @param value      the value as text ("none (ended)" when the parameter ends)
     * @param confidence how sure the rules reference is of it
     * @param source     the legal source of the value
     * @param note       where in the rules reference it comes from
     */
    public record ParameterValue(String id, String unit, LocalDate from, String value, Confidence confidence, Citation source, String note) { }

    /** @return every rule of this engine's rule base, by id */
    public List<RuleDescription> rules() {
        List<RuleDescription> out = new ArrayList<>();
        for (RuleInfo r : ruleSet.rules().rules().values()) out.add(new RuleDescription(r.id(), r.scheme(), r.benefit(), r.parameterIds()));
        return List.copyOf(out);
    }

    /** @return every value of every parameter of this engine, by parameter id then date */
    public List<ParameterValue> parameterAudit() {
        List<ParameterValue> out = new ArrayList<>();
        for (Parameter p : ruleSet.parameters().all().values()) {
            for (Parameter.Entry e : p.entries()) {
                out.add(new ParameterValue(p.id(), p.unit(), e.from(), e.display(), e.confidence(), e.source(), e.note()));
            }
        }
        return List.copyOf(out);
    }
}
