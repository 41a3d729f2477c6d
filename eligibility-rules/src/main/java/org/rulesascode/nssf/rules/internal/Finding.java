package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Outcome;

/**
 * What a rule concluded about a {@link Subject}: a criterion (e.g. registration), a scheme outcome, or a note
 * on history months. Inserted by rule consequences; never modified. The rule's id, scheme, citations and
 * parameters come from its metadata.
 */
public final class Finding {
    private final String ruleId;
    private final Subject subject;
    private final Outcome outcome;
    private final CriterionStatus status;
    private final Finding support;
    private final String criterion;
    /** The rule's metadata, resolved once by the assessor (a cache: the same value whoever sets it). */
    private Object rule;

    private Finding(RuleContext k, Subject subject, Outcome outcome, CriterionStatus status, Finding support) {
        this.ruleId = id(k);
        Object c = k.getRule().getMetaData().get("criterion");
        this.criterion = c == null ? null : c.toString();
        this.subject = subject;
        this.outcome = outcome;
        this.status = status;
        this.support = support;
    }

    private Finding(Finding template, Subject subject, Finding support) {
        this.ruleId = template.ruleId;
        this.criterion = template.criterion;
        this.subject = subject;
        this.outcome = template.outcome;
        this.status = template.status;
        this.support = support;
        this.rule = template.rule;
    }

    /** @return the cached metadata of the rule, or null (see {@link Assessor}) */
    Object rule() { return rule; }

    void rule(Object r) { this.rule = r; }

    /** @return the same finding about another subject, resting on {@code support} (the memo's replay) */
    Finding about(Subject subject, Finding support) {
        return new Finding(this, subject, support);
    }

    static String id(RuleContext k) {
        Object id = k.getRule().getMetaData().get("id");
        if (id == null) throw new IllegalStateException("rule without @id: " + k.getRule().getName());
        return id.toString();
    }

    /** A criterion judged on a subject, e.g. "the enterprise must register". */
    public static Finding criterion(RuleContext k, Subject s, CriterionStatus status) {
        return new Finding(k, s, null, status, null);
    }

    /** The outcome of a scheme for the subject, resting on an optional supporting criterion. */
    public static Finding outcome(RuleContext k, Subject s, Outcome outcome, Finding support) {
        CriterionStatus st = switch (outcome) {
            case COVERED, ELIGIBLE -> CriterionStatus.MET;
            case NEEDS_INFORMATION -> CriterionStatus.UNKNOWN;
            default -> CriterionStatus.NOT_MET;
        };
        return new Finding(k, s, outcome, st, support);
    }

    /** The outcome of a scheme for the subject. */
    public static Finding outcome(RuleContext k, Subject s, Outcome outcome) {
        return outcome(k, s, outcome, null);
    }

    /** A note on history months (why no contribution line was computed), resting on an optional criterion. */
    public static Finding note(RuleContext k, Subject s, CriterionStatus status, Finding support) {
        return new Finding(k, s, null, status, support);
    }

    public String getRuleId() { return ruleId; }
    /** @return the criterion this finding judges (the rule's {@code @criterion} metadata), or null */
    public String getCriterion() { return criterion; }
    public Subject getSubject() { return subject; }
    public Outcome getOutcome() { return outcome; }
    public CriterionStatus getStatus() { return status; }
    public Finding getSupport() { return support; }
    /** @return the rule-id prefix ("REG" for "REG-01"), used by rules to find criteria */
    public String getTopic() { return ruleId.substring(0, ruleId.indexOf('-')); }
}
