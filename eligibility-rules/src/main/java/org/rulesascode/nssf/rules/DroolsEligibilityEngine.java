package org.rulesascode.nssf.rules;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.rules.internal.Assessor;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The Drools implementation of {@link EligibilityEngine}, registered for {@link java.util.ServiceLoader}.
 * Immutable and thread-safe; the standard rule set (parameters, legal sources, compiled DRL) is built once per
 * JVM on first use and shared by every instance. Users should not need this class: call
 * {@link EligibilityEngine#standard()}.
 */
public final class DroolsEligibilityEngine implements EligibilityEngine {
    private final RuleSet ruleSet;
    private final Assessor assessor;

    /** The engine of the standard rule base (the constructor {@link java.util.ServiceLoader} calls). */
    public DroolsEligibilityEngine() {
        this(RuleSet.standard());
    }

    private DroolsEligibilityEngine(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.assessor = new Assessor(ruleSet);
    }

    @Override
    public Assessment assess(AssessmentRequest request, Locale locale) {
        Objects.requireNonNull(request, "request");
        return assessor.assess(request, locale == null ? Locale.ENGLISH : locale);
    }

    /** @return how long compiling the DRL into this engine's KieBase took (the rule set is built once per JVM) */
    public Duration kieBaseBuildTime() {
        return Duration.ofNanos(ruleSet.rules().buildNanos());
    }

    @Override
    public String ruleSetVersion() {
        return ruleSet.version();
    }
}
