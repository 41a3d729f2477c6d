package org.rulesascode.nssf.eligibility.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three schemas of {@link NssfJson}, loaded into a real JSON Schema validator (networknt, draft 2020-12, formats
 * asserted), by their {@code $id}s, so that the assessment schema's references into the profile schema resolve.
 */
final class Schemas {
    static final String PROFILE = "urn:rulesascode:nssf:worker-profile:0.1";
    static final String ASSESSMENT = "urn:rulesascode:nssf:assessment:0.1";
    static final String REFORM = "urn:rulesascode:nssf:reform:0.1";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaLoaders(l -> l.schemas(Map.of(PROFILE, NssfJson.profileSchema(), ASSESSMENT, NssfJson.assessmentSchema(),
                    REFORM, NssfJson.reformSchema()))));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = Map.of(
            PROFILE, FACTORY.getSchema(SchemaLocation.of(PROFILE), CONFIG),
            ASSESSMENT, FACTORY.getSchema(SchemaLocation.of(ASSESSMENT), CONFIG),
            REFORM, FACTORY.getSchema(SchemaLocation.of(REFORM), CONFIG));
    private static final JsonSchema META = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);

    private Schemas() { }

    /** @return the validation errors of {@code json} against the schema {@code id}; empty when valid */
    static List<String> errors(String id, String json) {
        return messages(SCHEMAS.get(id).validate(json, InputFormat.JSON));
    }

    /** @return the validation errors of a YAML document (read by Jackson, as NssfReforms reads it) against {@code id} */
    static List<String> yamlErrors(String id, String yaml) {
        try {
            JsonNode node = new YAMLMapper().readTree(yaml);
            return messages(SCHEMAS.get(id).validate(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the errors of a schema's text against the draft 2020-12 meta-schema */
    static List<String> metaErrors(String schema) {
        try {
            return messages(META.validate(new ObjectMapper().readTree(schema)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
