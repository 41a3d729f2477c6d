package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.population.internal.Csv;
import org.rulesascode.nssf.population.internal.CsvProfiles;
import org.rulesascode.nssf.eligibility.Reform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A parameter reform compared with the baseline: its flips are where its parameter is, and the numbers are the law's. */
class CompareReformTests {

    static final LocalDate AS_OF = LocalDate.of(2028, 6, 30);
    static final Reform CEILING = new Reform("Pension ceiling 2,000,000 from 2027", "Test reform: the issue's first example.",
            List.of(new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "")), List.of());

    @TempDir
    Path dir;

    static EligibilityEngine baseline() {
        return EligibilityEngine.standard();
    }

    @Test
    void ceilingReform_flipsOnlyPension_decisionsAndContributionLines() throws Exception {
        StringWriter w = new StringWriter();
        new PopulationGenerator(17, AS_OF).write(300, w);
        Path file = dir.resolve("workers.jsonl");
        Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("ceiling");
        CompareSummary s = PopulationRunner.compare(baseline(), baseline().withReform(CEILING),
                new PopulationRunner.Options(AS_OF, file, InputFormat.jsonl, out, 2, null));
        assertThat(s.baseline().assessed()).isEqualTo(300);
        // about 28 % of the non-garment employees earn above 1,200,000 (POPULATION.md): some must flip
        assertThat(s.contributionFlips()).isPositive();
        List<List<String>> flips = Files.readAllLines(out.resolve("flips.csv")).stream().skip(1).map(Csv::split).toList();
        assertThat(flips).isNotEmpty();
        for (List<String> f : flips) {
            assertThat(f.get(3)).as("scheme of %s", f).isEqualTo("PENSION");
            assertThat(f.get(18)).as("parameters of %s", f).contains("pension.contributable_wage.ceiling: 1200000 → 2000000");
        }
        assertThat(s.contributionPersons().keySet()).containsExactly(org.rulesascode.nssf.eligibility.Scheme.PENSION);
        s.benefits().keySet().forEach(k -> assertThat(k.scheme()).isEqualTo(org.rulesascode.nssf.eligibility.Scheme.PENSION));
        PersonResult.Contributions d = s.contributionDelta();
        assertThat(d.totalLast12()).isPositive();
        assertThat(d.employerLast12()).as("equal shares of the pension rate (§6.1)").isEqualTo(d.workerLast12());
        assertThat(s.reform().contributions().get(org.rulesascode.nssf.eligibility.Scheme.HEALTH_CARE))
                .isEqualTo(s.baseline().contributions().get(org.rulesascode.nssf.eligibility.Scheme.HEALTH_CARE));
        String html = Files.readString(out.resolve("report.html"));
        PopulationRunTests.assertSelfContained(html);
        // one thread: the same bytes in every file (the explained re-assessments of changed workers included)
        Path one = dir.resolve("ceiling-1");
        PopulationRunner.compare(baseline(), baseline().withReform(CEILING), new PopulationRunner.Options(AS_OF, file, InputFormat.jsonl, one, 1, null));
        for (String name : List.of("flips.csv", "errors.csv", "summary.json", "report.html")) {
            assertThat(Files.readString(one.resolve(name))).as(name).isEqualTo(Files.readString(out.resolve(name)));
        }
        assertThat(html).contains("Pension ceiling 2,000,000 from 2027", "pension.contributable_wage.ceiling", "2028-06-30", "<svg");
        // the parameter with its description, for a reader who does not know the ids
        assertThat(html).contains("Ceiling of the pension contributable wage");
    }

    /** Counts the requests each engine receives, by detail. */
    static final class Counting implements EligibilityEngine {
        final EligibilityEngine engine;
        final java.util.concurrent.atomic.AtomicLong outcomes = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong explained = new java.util.concurrent.atomic.AtomicLong();

        Counting(EligibilityEngine engine) {
            this.engine = engine;
        }

        @Override
        public List<org.rulesascode.nssf.eligibility.Assessment> assessAll(List<org.rulesascode.nssf.eligibility.AssessmentRequest> rs,
                                                                         java.util.Locale locale, org.rulesascode.nssf.eligibility.Detail detail) {
            (detail == org.rulesascode.nssf.eligibility.Detail.OUTCOMES ? outcomes : explained).addAndGet(rs.size());
            return engine.assessAll(rs, locale, detail);
        }

        @Override
        public org.rulesascode.nssf.eligibility.Assessment assess(org.rulesascode.nssf.eligibility.AssessmentRequest r, java.util.Locale locale) {
            explained.incrementAndGet();
            return engine.assess(r, locale);
        }

        @Override
        public String ruleSetVersion() {
            return engine.ruleSetVersion();
        }

        @Override
        public Reform reform() {
            return engine.reform();
        }
    }

    static final int WORKERS = 4_000;

    @Test
    void compare_assessesEveryRowForOutcomes_andExplainsOnlyTheChangedWorkers_withTheFlipsOfTheExplainedPath() throws Exception {
        StringWriter w = new StringWriter();
        new PopulationGenerator(23, AS_OF).write(WORKERS, w); // enough for a few changed decisions (about 1 in 500 workers)
        List<String> lines = w.toString().lines().toList();
        Counting base = new Counting(baseline());
        Counting reform = new Counting(baseline().withReform(CEILING));
        List<String> fast = new java.util.ArrayList<>();
        CompareSummary s = PopulationRunner.compare(base, reform, Population.of(lines.stream().map(org.rulesascode.nssf.eligibility.json.NssfJson::readProfile).toList()),
                AS_OF, 2, new ResultSink() {
                    @Override
                    public void compared(PersonResult b, PersonResult r, List<Comparison.Flip> flips) {
                        for (Comparison.Flip f : flips) fast.add(b.id() + " " + f);
                    }
                });
        assertThat(base.outcomes.get()).isEqualTo(WORKERS);
        assertThat(reform.outcomes.get()).isEqualTo(WORKERS);
        assertThat(s.personsWithFlips()).isPositive().isLessThan(WORKERS);
        // explained again: the workers with a changed decision only (a changed contribution is explained by its lines)
        long withDecisionFlips = fast.stream().filter(x -> x.contains("kind=" + Comparison.Flip.DECISION + ",")).map(x -> x.substring(0, x.indexOf(' '))).distinct().count();
        assertThat(withDecisionFlips).isPositive().isLessThan(s.personsWithFlips());
        assertThat(base.explained.get()).as("explained: the workers with a changed decision only").isEqualTo(withDecisionFlips);
        assertThat(reform.explained.get()).isEqualTo(withDecisionFlips);
        // the reference: every worker assessed explained on both sides, flips computed from those
        List<String> full = new java.util.ArrayList<>();
        EligibilityEngine b0 = baseline();
        EligibilityEngine r0 = baseline().withReform(CEILING);
        for (String l : lines) {
            var p = org.rulesascode.nssf.eligibility.json.NssfJson.readProfile(l);
            var req = org.rulesascode.nssf.eligibility.AssessmentRequest.of(p, AS_OF);
            for (Comparison.Flip f : Comparison.flips(b0.assess(req), r0.assess(req), AS_OF)) full.add(p.id() + " " + f);
        }
        assertThat(fast).isNotEmpty().isEqualTo(full);
    }

    @Test
    void ceilingReform_handComputedPerson() throws Exception {
        // A worker born 1990 (under 60 throughout) earning 2,500,000 KHR a month from 2027-01 to 2028-06, and one earning
        // 1,000,000. Pension contributable wage = min(max(wage, 400,000), ceiling) (§3.3); rate 4 % (2 + 2) until
        // 2027-09, 8 % (4 + 4) from 2027-10 (§6.1). The last 12 months up to 2028-06-30 are 2027-07 to 2028-06:
        // 3 months at 4 % and 9 months at 8 %.
        //   baseline (ceiling 1,200,000): 1,200,000 × 0.04 × 3 + 1,200,000 × 0.08 × 9 = 144,000 + 864,000 = 1,008,000
        //   reform   (ceiling 2,000,000): 2,000,000 × 0.04 × 3 + 2,000,000 × 0.08 × 9 = 240,000 + 1,440,000 = 1,680,000
        //   delta 672,000, half employer, half worker (336,000 each).
        // All 18 months: baseline 1,200,000 × 0.04 × 9 + 1,200,000 × 0.08 × 9 = 432,000 + 864,000 = 1,296,000;
        //                reform 2,000,000 × 0.04 × 9 + 2,000,000 × 0.08 × 9 = 720,000 + 1,440,000 = 2,160,000.
        // The 1,000,000 earner is under both ceilings: no flip.
        Path file = dir.resolve("two.csv");
        Files.writeString(file, CsvProfiles.HEADER + "\n"
                + "high,1990-01-15,MALE,EMPLOYEE,CONSTRUCTION,2027-01-04,50,2027-01,2028-06,2500000,KHR,,true,\n"
                + "low,1990-01-15,FEMALE,EMPLOYEE,TRADE,2027-01-04,50,2027-01,2028-06,1000000,KHR,,true,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("two");
        CompareSummary s = PopulationRunner.compare(baseline(), baseline().withReform(CEILING),
                new PopulationRunner.Options(AS_OF, file, InputFormat.csv, out, 1, null));
        List<List<String>> flips = Files.readAllLines(out.resolve("flips.csv")).stream().skip(1).map(Csv::split).toList();
        assertThat(flips).hasSize(1);
        List<String> f = flips.get(0);
        // line,id,kind,scheme,benefit,eventDate,change,baselineOutcome,reformOutcome,baselineAmount,reformAmount,period,baselineValue,reformValue,delta
        assertThat(f.subList(0, 15)).containsExactly("2", "high", "CONTRIBUTIONS", "PENSION", "", "", "AMOUNT_UP", "", "", "1296000", "2160000", "",
                "1008000", "1680000", "672000");
        assertThat(s.contributionDelta().totalLast12()).isEqualTo(672_000L);
        assertThat(s.contributionDelta().employerLast12()).isEqualTo(336_000L);
        assertThat(s.contributionDelta().workerLast12()).isEqualTo(336_000L);
        assertThat(s.personsWithFlips()).isEqualTo(1);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/contributionDeltaLast12Months").asLong()).isEqualTo(672_000L);
        assertThat(summary.at("/breakdowns/sex/MALE/contributionDeltaLast12Months").asLong()).isEqualTo(672_000L);
        assertThat(summary.at("/breakdowns/sex/FEMALE/contributionDeltaLast12Months").asLong()).isZero();
        assertThat(summary.at("/breakdowns/sector/CONSTRUCTION/personsWithFlips").asLong()).isEqualTo(1);
        assertThat(summary.at("/breakdowns/ageBand/35-44/persons").asLong()).as("aged 38 on 2028-06-30").isEqualTo(2);
        assertThat(summary.at("/ruleSetVersions/baseline").asText()).isNotEqualTo(summary.at("/ruleSetVersions/reform").asText());
        // "high" pays 2,160,000 − 1,296,000 = 864,000 more over the 18 months and has no pension decision that changes:
        // paying more, neither better nor worse off; "low" is unchanged
        assertThat(summary.at("/persons/personsChanged").asLong()).isEqualTo(1);
        assertThat(summary.at("/persons/payingMore").asLong()).isEqualTo(1);
        assertThat(summary.at("/persons/betterOff").asLong()).isZero();
        assertThat(summary.at("/persons/worseOff").asLong()).isZero();
        // wages 2,500,000 and 1,000,000 fall in the bands "2,000,000 and over" and "800,000 to 1,199,999"
        assertThat(summary.at("/breakdowns/wageBand/2,000,000 and over/payingMore").asLong()).isEqualTo(1);
        assertThat(summary.at("/breakdowns/wageBand/800,000 to 1,199,999/personsChanged").asLong()).isZero();
        assertThat(summary.at("/annualCostByPayer/NSSF/delta").asLong()).isZero();
        assertThat(summary.at("/warnings").size()).isZero();
    }
}
