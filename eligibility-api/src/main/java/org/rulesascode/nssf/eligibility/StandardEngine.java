package org.rulesascode.nssf.eligibility;

import java.util.ServiceLoader;

/** Lazy holder of the standard engine found through {@link ServiceLoader}. */
final class StandardEngine {
    private StandardEngine() { }

    static final EligibilityEngine INSTANCE = ServiceLoader.load(EligibilityEngine.class, EligibilityEngine.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                    "no EligibilityEngine implementation on the class path: add the eligibility-rules artifact"));
}
