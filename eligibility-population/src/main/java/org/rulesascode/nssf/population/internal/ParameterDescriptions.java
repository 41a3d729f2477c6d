package org.rulesascode.nssf.population.internal;

import java.util.HashMap;
import java.util.Map;

import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.ParameterValue;

/**
 * The description of a parameter, for reports: from the parameter audit of the standard engine
 * ({@link EligibilityEngine#parameterAudit()}), which gives every parameter with its description. Absent (null) when
 * no engine is on the class path or the parameter is unknown.
 */
public final class ParameterDescriptions {
    private ParameterDescriptions() { }

    private static volatile Map<String, String> descriptions;

    /** @return the parameter's description, or null when it cannot be found */
    public static String of(String parameterId) {
        if (parameterId == null) return null;
        String d = all().get(parameterId);
        return d == null || d.isBlank() ? null : d.strip();
    }

    private static Map<String, String> all() {
        Map<String, String> m = descriptions;
        if (m == null) {
            m = new HashMap<>();
            try {
                for (ParameterValue v : EligibilityEngine.standard().parameterAudit()) {
                    if (v.description() != null) m.putIfAbsent(v.id(), v.description());
                }
            } catch (RuntimeException | LinkageError e) { // no engine: the report is written without descriptions
                m = Map.of();
            }
            descriptions = m;
        }
        return m;
    }
}
