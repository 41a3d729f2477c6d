package org.rulesascode.nssf.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Small helpers over Jackson's YAML tree with rule-base error messages. */
final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Yaml() { }

    static JsonNode tree(String file, String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) throw new RuleBaseException(file, null, "is not a YAML mapping");
            return n;
        } catch (JsonProcessingException e) {
            throw new RuleBaseException(file, null, "is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
    }

    static String text(String file, JsonNode n, String key, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) throw new RuleBaseException(file, key, "is missing");
            return null;
        }
        if (!v.isValueNode()) throw new RuleBaseException(file, key, "must be a single value");
        return v.asText();
    }
}
