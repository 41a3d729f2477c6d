package org.rulesascode.nssf.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.antlr.v4.runtime.RuntimeMetaData;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.population.PopulationGenerator;

/**
 * Drools and Spark in one class path, as on a cluster: Spark brings ANTLR 4.13.1 and Drools 10.2 was built with
 * 4.13.2. The module resolves the conflict with Spark's versions (declared provided in its pom): these tests prove the
 * rule base, and a structural reform's DRL, are parsed and run on Spark's ANTLR.
 */
class ClasspathTests {
    @Test
    void antlr_isSparks() {
        assertThat(org.apache.spark.package$.MODULE$.SPARK_VERSION()).startsWith("4.0.");
        assertThat(RuntimeMetaData.VERSION).as("the ANTLR runtime Spark 4.0 ships").isEqualTo("4.13.1");
    }

    @Test
    void droolsOnSparksAntlr_buildsTheRuleBaseAndAStructuralReform() {
        EligibilityEngine standard = EligibilityEngine.standard();
        AssessmentRequest request = AssessmentRequest.of(new PopulationGenerator(7, LocalDate.of(2028, 6, 30)).profile(0), LocalDate.of(2028, 6, 30));
        assertThat(standard.assessAll(List.of(request), Locale.ENGLISH, Detail.OUTCOMES).get(0).decisions()).isNotEmpty();
        // a reform with its own DRL file makes Drools parse DRL again, here on ANTLR 4.13.1
        Reform structural = new Reform("An extra, empty rule file", "", List.of(), List.of(new Reform.RuleFile("rules/extra.drl",
                "package org.rulesascode.nssf.rules.extra;\n")));
        EligibilityEngine reformed = standard.withReform(structural);
        assertThat(reformed.ruleSetVersion()).isNotEqualTo(standard.ruleSetVersion());
        assertThat(reformed.assessAll(List.of(request), Locale.ENGLISH, Detail.OUTCOMES).get(0).decisions()).isNotEmpty();
    }
}
