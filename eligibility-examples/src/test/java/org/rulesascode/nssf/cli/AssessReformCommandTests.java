package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.cli.NssfCommandTests.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code nssf assess --reform FILE [--trust-reform-rules]}: one profile under a reform, and the one-line errors. */
class AssessReformCommandTests {
    /** An employee paid 2,500,000 riel a month in January 2027. */
    static final String PROFILE = """
            {"id": "r1", "birthDate": "1990-01-01", "sex": "FEMALE", "employmentStatus": "EMPLOYEE",
             "enterpriseWorkers": 10, "employmentStart": "2020-01-01",
             "history": [{"from": "2027-01", "to": "2027-01", "declaredWage": {"amount": 2500000, "currency": "KHR"}, "paid": true}]}
            """;
    static final String CEILING = """
            name: "Pension ceiling of 2,000,000 riel from 2027"
            parameters:
              pension.contributable_wage.ceiling:
                2027-01-01: 2000000
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Run assess(String... options) throws IOException {
        Path profile = write("worker.json", PROFILE);
        String[] args = new String[options.length + 4];
        args[0] = "assess";
        args[1] = "--as-of";
        args[2] = "2027-01-31";
        args[3] = profile.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return NssfCommandTests.run(args);
    }

    private static JsonNode pension(JsonNode assessment) {
        for (JsonNode l : assessment.get("contributions")) if (l.get("scheme").asText().equals("PENSION")) return l;
        throw new AssertionError("no pension line");
    }

    /** min(2,500,000, ceiling) at 2 % each in January 2027: 1,200,000 → 24,000; 2,000,000 → 40,000. */
    @Test
    void reform_changesThePensionBase_andTheVersion() throws IOException {
        Run baseline = assess();
        Run reformed = assess("--reform", write("ceiling.yaml", CEILING).toString());
        assertThat(reformed.code()).as(reformed.err()).isZero();
        JsonNode b = new ObjectMapper().readTree(baseline.out());
        JsonNode r = new ObjectMapper().readTree(reformed.out());
        assertThat(pension(b).get("contributableWage").asLong()).isEqualTo(1_200_000);
        assertThat(pension(b).get("employer").asLong()).isEqualTo(24_000);
        assertThat(pension(r).get("contributableWage").asLong()).isEqualTo(2_000_000);
        assertThat(pension(r).get("employer").asLong()).isEqualTo(40_000);
        assertThat(r.get("ruleSetVersion").asText()).isNotEqualTo(b.get("ruleSetVersion").asText());
    }

    @Test
    void reform_textFormat_namesTheReform() throws IOException {
        Path file = write("ceiling.yaml", CEILING);
        Run r = assess("--format", "text", "--reform", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Reform: Pension ceiling of 2,000,000 riel from 2027 (" + file + ")");
    }

    @Test
    void unknownParameter_isOneLineNamingFileAndLine() throws IOException {
        Path file = write("typo.yaml", CEILING.replace("contributable_wage", "contribution"));
        Run r = assess("--reform", file.toString());
        NssfCommandTests.assertUserError(r, file + ":4 parameters.pension.contribution.ceiling.2027-01-01");
        assertThat(r.err()).contains("names no parameter of the rule base").contains("pension.contributable_wage.ceiling");
    }

    @Test
    void rulesWithoutTrust_areRefused_andAcceptedWithTrust() throws IOException {
        write("extra.drl", """
                package rules.reform_cli_test;
                import org.rulesascode.nssf.rules.internal.*;
                import org.rulesascode.nssf.eligibility.Scheme;
                import org.rulesascode.nssf.eligibility.Outcome;
                // Test rule, not a legal rule: everyone is covered by the unemployment scheme once it is in force.
                rule "UNE-COV-95 Everyone is covered once the scheme is in force"
                    @id("UNE-COV-95") @scheme("UNEMPLOYMENT") @benefit("COVERAGE") @cites("law-2019-social-security") @params("unemployment.in_force")
                when
                    SchemeQuery(scheme == Scheme.UNEMPLOYMENT)
                    $c : CoverageFact(params.unemploymentInForce)
                then
                    insert(Finding.outcome(kcontext, $c, Outcome.COVERED));
                end
                """);
        Path file = write("unemployment.yaml", "name: \"Unemployment on\"\nparameters:\n  unemployment.in_force:\n    2027-01-01: true\nrules:\n  - extra.drl\n");
        Run refused = assess("--reform", file.toString());
        NssfCommandTests.assertUserError(refused, file + ":5 rules");
        assertThat(refused.err()).contains("--trust-reform-rules");

        Run trusted = assess("--reform", file.toString(), "--trust-reform-rules");
        assertThat(trusted.code()).as(trusted.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(trusted.out());
        boolean covered = false;
        for (JsonNode d : a.get("decisions")) {
            if (d.get("scheme").asText().equals("UNEMPLOYMENT") && d.get("benefit").asText().equals("COVERAGE")) {
                covered = d.get("outcome").asText().equals("COVERED");
            }
        }
        assertThat(covered).as("unemployment coverage under the trusted reform").isTrue();
    }

    @Test
    void missingReformFile_isOneLine() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        NssfCommandTests.assertUserError(assess("--reform", missing.toString()), missing.toString());
    }
}
