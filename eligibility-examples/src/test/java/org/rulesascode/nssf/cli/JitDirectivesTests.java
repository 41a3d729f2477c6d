package org.rulesascode.nssf.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiler directives of `run` and `compare` parse, and this JVM takes them (README, Performance). */
class JitDirectivesTests {
    @Test
    void theDirectivesAreTakenByTheJvm_andLeaveDroolsTheCompiledRulesAndTheExplanationsOfAComparisonToC1() throws IOException {
        assertThat(JitDirectives.addNow()).isEqualTo("2 compiler directives added");
        try (InputStream in = JitDirectives.class.getResourceAsStream("compiler-directives.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("\"org/drools/*.*\"", "\"org/rulesascode/nssf/rules/drl/*.*\"", "c2: { Exclude: true }")
                    // the memo, the calculations and the assessor's outcome path stay with C2; only the explanations a
                    // comparison renders for changed workers leave it
                    .doesNotContain("RuleMemo", "Calc", "Assessor.batch", "Assessor.finish", "Assessor.lines", "Assessor.*", "internal/*.*");
            assertThat(text).contains("Assessor.buildReason", "Texts.*");
        }
    }
}
