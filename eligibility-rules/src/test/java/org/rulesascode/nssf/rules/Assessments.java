package org.rulesascode.nssf.rules;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.testkit.ProfileCase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standard engine with a memo of assessments, so that the property classes, which draw the same seeded cases,
 * assess each case once per test JVM. The determinism property bypasses the memo ({@link #fresh}).
 */
final class Assessments {
    static final EligibilityEngine ENGINE = EligibilityEngine.standard();
    private static final Map<AssessmentRequest, Assessment> MEMO = new ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 20_000;

    private Assessments() { }

    /** @return the assessment of {@code c} (memoised) */
    static Assessment of(ProfileCase c) {
        return of(c.request());
    }

    /** @return the assessment of {@code request} (memoised) */
    static Assessment of(AssessmentRequest request) {
        Assessment a = MEMO.get(request);
        if (a != null) return a;
        a = ENGINE.assess(request);
        if (MEMO.size() < MEMO_LIMIT) MEMO.put(request, a);
        return a;
    }

    /** @return a fresh assessment, not memoised */
    static Assessment fresh(AssessmentRequest request) {
        return ENGINE.assess(request);
    }
}
