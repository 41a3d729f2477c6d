package org.rulesascode.nssf.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Assesses worker profiles against the NSSF rules. Implementations are immutable and thread-safe: one engine
 * can serve any number of threads. No implementation reads the clock; the request's as-of date is the only "now".
 *
 * <pre>{@code
 * EligibilityEngine engine = EligibilityEngine.standard();
 * Assessment a = engine.assess(AssessmentRequest.of(profile, LocalDate.of(2025, 6, 30)));
 * }</pre>
 */
public interface EligibilityEngine {

    /**
     * @param request the question
     * @return the explained answer, with messages in English
     * @throws InvalidInputException when the request is inconsistent in a way its records could not check
     */
    default Assessment assess(AssessmentRequest request) {
        return assess(request, Locale.ENGLISH);
    }

    /**
     * @param request the question
     * @param locale  language of the messages ({@code en} or {@code km}); other languages fall back to English
     * @return the explained answer
     */
    Assessment assess(AssessmentRequest request, Locale locale);

    /**
     * Assesses several requests: the same answers as {@link #assess(AssessmentRequest, Locale)} for each, in the same
     * order, but an implementation may share work between them (the Drools engine shares one session per batch,
     * which is faster for population runs). If one request fails, the call fails; assess the requests one by one to
     * tell which.
     *
     * @param requests the questions; never null, no null element
     * @param locale   language of the messages
     * @return one assessment per request, in order
     */
    default List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale) {
        List<Assessment> out = new ArrayList<>(requests.size());
        for (AssessmentRequest r : requests) out.add(assess(r, locale));
        return out;
    }

    /**
     * Assesses several requests at the given detail. With {@link Detail#EXPLAINED} this is
     * {@link #assessAll(List, Locale)}; with {@link Detail#OUTCOMES} each assessment has the same decisions (scheme,
     * benefit, outcome, entitlement, event date, provisional flag) and contribution lines as the explained one, but its
     * decisions have no reasons and no steps, and it has no compliance findings; with {@link Detail#DECISIONS} it is the
     * explained assessment without its compliance findings. An implementation may skip the work those would cost;
     * this default computes the explained form and strips it.
     *
     * @param requests the questions; never null, no null element
     * @param locale   language of the messages (irrelevant for {@link Detail#OUTCOMES})
     * @param detail   how much of each assessment the caller reads
     * @return one assessment per request, in order
     */
    default List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale, Detail detail) {
        List<Assessment> explained = assessAll(requests, locale);
        if (detail == null || detail == Detail.EXPLAINED) return explained;
        List<Assessment> out = new ArrayList<>(explained.size());
        for (Assessment a : explained) out.add(detail == Detail.DECISIONS ? a.withoutCompliance() : a.outcomesOnly());
        return out;
    }

    /**
     * Assesses the same requests with this engine and with {@code other} (typically a reform of it, from
     * {@link #withReform}), as a what-if comparison needs: the two lists are exactly what
     * {@code assessAll(requests, locale, detail)} of each engine returns. An implementation may share the work the two
     * have in common; the Drools engine does on {@link Detail#OUTCOMES} for a parameter reform of itself, where the months
     * before the reform's first change are judged once. This default makes the two calls. If one request fails, the
     * call fails; call {@code assessAll} of each engine to tell which.
     *
     * @param other    the other engine; never null
     * @param requests the questions; never null, no null element
     * @param locale   language of the messages (irrelevant for {@link Detail#OUTCOMES})
     * @param detail   how much of each assessment the caller reads
     * @return two lists of one assessment per request, in order: index 0 this engine's, index 1 {@code other}'s
     */
    default List<List<Assessment>> assessAllWith(EligibilityEngine other, List<AssessmentRequest> requests, Locale locale, Detail detail) {
        return List.of(assessAll(requests, locale, detail), other.assessAll(requests, locale, detail));
    }

    /**
     * The rules of this engine's rule base, as they declare themselves: id, scheme, benefit, sentence, citations and
     * the parameters they read. For audits and coverage reports; a reformed engine lists its reform's rules too.
     *
     * @return every rule, sorted by id; empty for an engine that does not describe its rules (this default)
     */
    default List<RuleDescription> rules() {
        return List.of();
    }

    /**
     * The parameter audit: every dated value of every parameter of this engine, with its source and confidence. A
     * reformed engine shows the reform's values (confidence {@link Confidence#REFORM}, or
     * {@link Confidence#PROVISIONAL} for an illustrative reform) in place of the standard ones they replace.
     *
     * @return the values, by parameter id then date; empty for an engine that does not describe its parameters (this
     * default)
     */
    default List<ParameterValue> parameterAudit() {
        return List.of();
    }

    /** @return a hash of the rules, parameters and reform of this engine: it names what made an assessment */
    String ruleSetVersion();

    /**
     * A new engine: this engine's rules and parameters with {@code reform} applied. This engine is untouched and
     * stays usable. The reform is validated against the parameter tree (every id known, every value of the
     * parameter's unit and range, scales in order) and its DRL files, if any, are compiled.
     *
     * <p>A parameter-only reform is data. A structural reform ({@link Reform#structural()}) brings DRL, which is
     * code that runs with the caller's rights: apply one only from a trusted author.
     *
     * @param reform the reform; {@link Reform#none()} gives an engine that assesses like this one
     * @return the reformed engine
     * @throws InvalidInputException naming the change's {@code file:line} and parameter (or the DRL file and line)
     *                               when the reform does not fit the rules
     * @throws UnsupportedOperationException when this implementation does not support reforms
     */
    default EligibilityEngine withReform(Reform reform) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support reforms");
    }

    /** @return the reform this engine applies; {@link Reform#none()} for a baseline engine */
    default Reform reform() {
        return Reform.none();
    }

    /**
     * The engine of the standard NSSF rule base, found through {@link ServiceLoader} (provided by the
     * {@code eligibility-rules} artifact on the class path). Built once, then shared.
     *
     * @throws IllegalStateException if no implementation is on the class path
     */
    static EligibilityEngine standard() {
        return StandardEngine.INSTANCE;
    }
}
