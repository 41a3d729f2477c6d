package org.rulesascode.nssf.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;

/** The reform travels to executors as data and comes back equal; equal data find the same engine in a JVM. */
class ReformDataTests {
    static final Reform EVERY_KIND = new Reform("Every kind of value", "one change of each value type", List.of(
            new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L, false, "a note", "r.yaml:5"),
            new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2029, 1, 1), null, true, "", ""),
            new Reform.Change("pension.contribution_rate", LocalDate.of(2027, 1, 1), new BigDecimal("0.0450"), true, "", ""),
            new Reform.Change("unemployment.in_force", LocalDate.of(2027, 1, 1), Boolean.TRUE, false, "", ""),
            new Reform.Change("some.date", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 6, 1), false, "", ""),
            new Reform.Change("occupational_risk.assumed_wage_brackets", LocalDate.of(2027, 1, 1),
                    List.of(new Reform.Bracket(300_000L, 250_000L), new Reform.Bracket(null, 400_000L)), false, "", "")),
            List.of(new Reform.RuleFile("rules/extra.drl", "package x;\n")));

    @Test
    void reform_throughJavaSerialization_comesBackEqual() throws Exception {
        ReformData data = ReformData.of(EVERY_KIND);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        }
        ReformData back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ReformData) in.readObject();
        }
        assertThat(back).isEqualTo(data).isNotSameAs(data);
        assertThat(back.toReform()).isEqualTo(EVERY_KIND);
        assertThat(ReformData.NONE.toReform()).isEqualTo(Reform.none());
    }

    @Test
    void engines_equalReformData_sameEngine_emptyReform_standardEngine() {
        Reform ceiling = new Reform("Ceiling", "", List.of(new Reform.Change("pension.contributable_wage.ceiling",
                LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "")), List.of());
        Reform same = new Reform("Ceiling", "", List.of(new Reform.Change("pension.contributable_wage.ceiling",
                LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "")), List.of());
        EligibilityEngine a = Engines.of(ReformData.of(ceiling));
        assertThat(Engines.of(ReformData.of(same))).isSameAs(a);
        assertThat(a.reform()).isEqualTo(ceiling);
        assertThat(Engines.of(ReformData.NONE)).isSameAs(EligibilityEngine.standard());
    }
}
