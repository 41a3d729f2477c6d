package org.rulesascode.nssf.eligibility;

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

    /** @return a hash of the rules and parameters of this engine */
    String ruleSetVersion();

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
