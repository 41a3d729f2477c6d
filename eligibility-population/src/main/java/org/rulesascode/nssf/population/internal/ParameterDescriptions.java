package org.rulesascode.nssf.population.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The description of a parameter, for reports: read from the parameter's YAML file on the class path
 * ({@code parameters/pension/contributable_wage/ceiling.yaml} for {@code pension.contributable_wage.ceiling}), where
 * the rule engine keeps it. Absent (null) when the engine's resources are not on the class path.
 */
public final class ParameterDescriptions {
    private ParameterDescriptions() { }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    /** @return the parameter's description, or null when it cannot be found */
    public static String of(String parameterId) {
        if (parameterId == null || !parameterId.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) return null;
        String d = CACHE.computeIfAbsent(parameterId, ParameterDescriptions::read);
        return d.isEmpty() ? null : d;
    }

    private static String read(String id) {
        String path = "parameters/" + id.replace('.', '/') + ".yaml";
        ClassLoader cl = ParameterDescriptions.class.getClassLoader();
        try (InputStream in = cl == null ? null : cl.getResourceAsStream(path)) {
            if (in == null) return "";
            JsonNode n = YAML.readTree(in);
            JsonNode d = n == null ? null : n.get("description");
            return d != null && d.isTextual() ? d.textValue().strip() : "";
        } catch (IOException | RuntimeException e) { // a description is a courtesy: the report is written without it
            return "";
        }
    }
}
