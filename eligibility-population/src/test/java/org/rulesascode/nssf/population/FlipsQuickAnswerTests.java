package org.rulesascode.nssf.population;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Comparison#flips} answers "no flip" at once when both sides' decisions and contribution lines pair up one by
 * one; the answer must be the month-by-month comparison's ({@link Comparison#allFlips}) for every worker, changed or
 * not, under reforms that change contributions, benefits and the schemes in force.
 */
class FlipsQuickAnswerTests {
    static final LocalDate AS_OF = LocalDate.of(2028, 6, 30);

    @Test
    void theQuickAnswerIsTheMonthByMonthOne_forEveryWorker() throws Exception {
        StringWriter w = new StringWriter();
        new PopulationGenerator(23, AS_OF).write(1_500, w);
        List<AssessmentRequest> rs = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            WorkerProfile p = NssfJson.readProfile(line);
            rs.add(AssessmentRequest.of(p, AS_OF));
        }
        EligibilityEngine base = EligibilityEngine.standard();
        List<Reform> reforms = List.of(
                new Reform("ceiling", "test", List.of(new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "")), List.of()),
                new Reform("maternity", "test", List.of(new Reform.Change("health_care.maternity.qualifying_months", LocalDate.of(2027, 1, 1), 6L, false, "", "")), List.of()),
                new Reform("unemployment", "test", List.of(new Reform.Change("unemployment.in_force", LocalDate.of(2027, 1, 1), true, false, "", "")), List.of()));
        List<Assessment> bs = base.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
        int unchanged = 0;
        int changed = 0;
        for (Reform reform : reforms) {
            List<Assessment> xs = base.withReform(reform).assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
            for (int i = 0; i < rs.size(); i++) {
                List<Comparison.Flip> quick = Comparison.flips(bs.get(i), xs.get(i), AS_OF);
                assertThat(quick).as("%s, worker %s", reform.name(), rs.get(i).profile().id()).isEqualTo(Comparison.allFlips(bs.get(i), xs.get(i), AS_OF));
                if (quick.isEmpty()) unchanged++;
                else changed++;
            }
            // a worker against herself: nothing, both ways
            assertThat(Comparison.flips(bs.get(0), bs.get(0), AS_OF)).isEmpty();
        }
        // both answers were reached many times (else the comparison proves little)
        assertThat(unchanged).isGreaterThan(1_000);
        assertThat(changed).isGreaterThan(200);
    }
}
