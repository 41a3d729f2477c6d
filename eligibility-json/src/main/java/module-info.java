/**
 * Strict JSON mapping of the NSSF eligibility API: reads worker profiles with JSON-path errors, writes
 * assessments and the other API records, and ships the JSON Schema of a profile. See
 * {@link org.rulesascode.nssf.eligibility.json.NssfJson}.
 */
module org.rulesascode.nssf.eligibility.json {
    requires transitive org.rulesascode.nssf.eligibility;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    exports org.rulesascode.nssf.eligibility.json;
    // Jackson instantiates the package-private converter and the private profile-period record.
    opens org.rulesascode.nssf.eligibility.json to com.fasterxml.jackson.databind;
}
