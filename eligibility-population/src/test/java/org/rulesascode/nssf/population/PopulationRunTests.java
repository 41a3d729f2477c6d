package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.population.internal.Csv;
import org.rulesascode.nssf.population.internal.CsvProfiles;
import org.rulesascode.nssf.eligibility.Reform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Population runs over small generated populations with deliberately bad rows: counts reconcile, bad rows are
 * reported with their line numbers, outputs do not depend on the thread count or the input order, aggregates are
 * the sums of the per-person results, and a comparison of the rules with themselves finds nothing.
 */
class PopulationRunTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final int GENERATED = 240;

    @TempDir
    static Path dir;
    static Path population;
    static List<String> lines;

    /** The bad rows, by the line they are inserted at (1-based), with the field each error must name. */
    static final Map<Integer, String> BAD = new java.util.TreeMap<>(Map.of(
            5, "$",               // malformed JSON
            17, "$.sex",          // an unknown enum value
            30, "$",              // an empty line
            44, "$",              // not JSON at all
            61, "$.birthDate",    // an impossible date
            100, "--as-of"));     // born after the as-of date

    @BeforeAll
    static void population() throws IOException {
        StringWriter w = new StringWriter();
        new PopulationGenerator(42, AS_OF).write(GENERATED, w);
        List<String> good = new ArrayList<>(w.toString().lines().toList());
        lines = new ArrayList<>();
        int g = 0;
        for (int line = 1; line <= GENERATED + BAD.size(); line++) {
            String bad = switch (line) {
                case 5 -> "{\"id\": \"broken\", \"birthDate\": \"1990-01-01\", ";
                case 17 -> good.get(0).replace("\"id\":\"w00000001\"", "\"id\":\"badsex\"").replaceFirst("\"sex\":\"(FE)?MALE\"", "\"sex\":\"X\"");
                case 30 -> "";
                case 44 -> "this is not json";
                case 61 -> "{\"id\":\"baddate\",\"birthDate\":\"1990-02-30\",\"sex\":\"MALE\",\"employmentStatus\":\"EMPLOYEE\"}";
                case 100 -> "{\"id\":\"future\",\"birthDate\":\"2026-01-01\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\"}";
                default -> null;
            };
            lines.add(bad != null ? bad : good.get(g++));
        }
        population = dir.resolve("workers.jsonl");
        Files.write(population, lines, StandardCharsets.UTF_8);
    }

    static EligibilityEngine engine() {
        return EligibilityEngine.standard();
    }

    static PopulationRunner.Options options(Path file, Path out, int threads) {
        return new PopulationRunner.Options(AS_OF, file, InputFormat.of(file), out, threads, null);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static List<List<String>> csv(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8).stream().skip(1).map(Csv::split).toList();
    }

    @Test
    void run_countsReconcile_andEveryBadRowIsReportedWithItsLineAndField() throws Exception {
        Path out = dir.resolve("run-1");
        RunSummary s = PopulationRunner.run(engine(), options(population, out, 2));
        assertThat(s.rowsIn()).isEqualTo(GENERATED + BAD.size());
        assertThat(s.assessed()).isEqualTo(GENERATED);
        assertThat(s.rejected()).isEqualTo(BAD.size());
        assertThat(s.assessed() + s.rejected()).isEqualTo(s.rowsIn());

        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/rows/in").asLong()).isEqualTo(246);
        assertThat(summary.at("/rows/assessed").asLong()).isEqualTo(240);
        assertThat(summary.at("/rows/rejected").asLong()).isEqualTo(6);

        List<List<String>> errors = csv(out.resolve("errors.csv"));
        assertThat(errors).hasSize(BAD.size());
        Map<Integer, String> fields = new java.util.TreeMap<>();
        for (List<String> e : errors) {
            assertThat(e).hasSize(5);
            fields.put(Integer.parseInt(e.get(0)), e.get(2));
            assertThat(e.get(3)).as("problem of line %s", e.get(0)).isNotBlank();
        }
        assertThat(fields).isEqualTo(BAD);
        assertThat(errors.get(1).get(1)).as("the id of a row that is JSON").isEqualTo("badsex");
        assertThat(errors.get(5).get(1)).isEqualTo("future");
        assertThat(errors.get(0).get(1)).as("no id from malformed JSON").isEmpty();

        List<String> results = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(results).hasSize(GENERATED);
        long previous = 0;
        for (String r : results) {
            long line = JSON.readTree(r).get("line").asLong();
            assertThat(line).isGreaterThan(previous).isNotIn(BAD.keySet().stream().map(Integer::longValue).toList());
            previous = line;
        }
    }

    @Test
    void run_sameBytesForOneAndTwoThreads_andSameSummaryForShuffledInput() throws Exception {
        Path one = dir.resolve("threads-1");
        Path two = dir.resolve("threads-2");
        PopulationRunner.run(engine(), options(population, one, 1));
        PopulationRunner.run(engine(), options(population, two, 2));
        for (String f : List.of("results.jsonl", "results.csv", "errors.csv", "summary.json")) {
            assertThat(read(two.resolve(f))).as(f).isEqualTo(read(one.resolve(f)));
        }

        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(shuffled).isNotEqualTo(lines);
        Path file = dir.resolve("shuffled.jsonl");
        Files.write(file, shuffled, StandardCharsets.UTF_8);
        Path out = dir.resolve("shuffled");
        PopulationRunner.run(engine(), options(file, out, 2));
        assertThat(read(out.resolve("summary.json"))).isEqualTo(read(one.resolve("summary.json")));
        // the per-person results are the same set, in the new input order
        assertThat(withoutLine(Files.readAllLines(out.resolve("results.jsonl")))).containsExactlyInAnyOrderElementsOf(
                withoutLine(Files.readAllLines(one.resolve("results.jsonl"))));
    }

    private static List<String> withoutLine(List<String> results) {
        return results.stream().map(r -> r.replaceFirst("^\\{\"line\":\\d+,", "{")).toList();
    }

    @Test
    void run_aggregatesAreTheSumsOfThePerPersonResults() throws Exception {
        Path out = dir.resolve("sums");
        PopulationRunner.run(engine(), options(population, out, 2));
        Map<String, Long> sums = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            for (JsonNode d : r.get("decisions")) {
                String k = d.get("scheme").asText() + "/" + d.get("benefit").asText();
                sums.merge(k + "/decisions", 1L, Long::sum);
                sums.merge(k + "/outcome/" + d.get("outcome").asText(), 1L, Long::sum);
                if (d.has("value")) sums.merge(k + "/totalValue", d.get("value").asLong(), Long::sum);
                if (d.has("value") && d.path("lastYear").asBoolean()) sums.merge(k + "/annualCost", d.get("value").asLong(), Long::sum);
                if (d.path("undetermined").asBoolean()) sums.merge(k + "/undetermined", 1L, Long::sum);
            }
            r.get("contributions").fields().forEachRemaining(e -> e.getValue().fields()
                    .forEachRemaining(c -> sums.merge("contributions/" + e.getKey() + "/" + c.getKey(), c.getValue().asLong(), Long::sum)));
            r.get("contributionsTotal").fields().forEachRemaining(c -> sums.merge("contributions/all/" + c.getKey(), c.getValue().asLong(), Long::sum));
        }
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> schemes = summary.get("decisions").fields(); schemes.hasNext(); ) {
            Map.Entry<String, JsonNode> s = schemes.next();
            for (Iterator<Map.Entry<String, JsonNode>> benefits = s.getValue().fields(); benefits.hasNext(); ) {
                Map.Entry<String, JsonNode> b = benefits.next();
                String k = s.getKey() + "/" + b.getKey();
                JsonNode t = b.getValue();
                assertThat(t.get("decisions").asLong()).as(k).isEqualTo(sums.getOrDefault(k + "/decisions", 0L));
                t.get("outcomes").fields().forEachRemaining(o ->
                        assertThat(o.getValue().asLong()).as(k + " " + o.getKey()).isEqualTo(sums.getOrDefault(k + "/outcome/" + o.getKey(), 0L)));
                assertThat(t.get("totalValue").asLong()).as(k + " totalValue").isEqualTo(sums.getOrDefault(k + "/totalValue", 0L));
                assertThat(t.get("annualCost").asLong()).as(k + " annualCost").isEqualTo(sums.getOrDefault(k + "/annualCost", 0L));
                assertThat(t.get("eligibleAmountUndetermined").asLong()).as(k).isEqualTo(sums.getOrDefault(k + "/undetermined", 0L));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
        for (Iterator<Map.Entry<String, JsonNode>> cs = summary.get("contributions").fields(); cs.hasNext(); ) {
            Map.Entry<String, JsonNode> c = cs.next();
            c.getValue().fields().forEachRemaining(f -> assertThat(f.getValue().asLong()).as(c.getKey() + " " + f.getKey())
                    .isEqualTo(sums.getOrDefault("contributions/" + c.getKey() + "/" + f.getKey(), 0L)));
        }
        assertThat(summary.at("/contributions/PENSION/totalLast12Months").asLong()).isPositive();
        assertThat(summary.at("/decisions/HEALTH_CARE/CHILDBIRTH_ALLOWANCE/annualCost").asLong()).isPositive();
    }

    @Test
    void csv_badRowsAreReportedWithTheirLineNumbers_headerIsLineOne() throws Exception {
        Path file = dir.resolve("workers.csv");
        Files.writeString(file, String.join("\n",
                CsvProfiles.HEADER,
                "ok1,1990-05-01,FEMALE,EMPLOYEE,GARMENT,2020-01-06,500,2022-07,2025-06,208,USD,4100,true,",
                "short,1990-05-01,FEMALE,EMPLOYEE",
                "baddate,1990-13-01,FEMALE,EMPLOYEE,,,,,,,,,,",
                "badsex,1990-05-01,F,EMPLOYEE,,,,,,,,,,",
                "nousdrate,1990-05-01,MALE,EMPLOYEE,,,,2024-01,2025-06,300,USD,,,",
                "ok2,1980-01-01,MALE,SELF_EMPLOYED,TRADE,,,2023-06,2025-06,600000,,,,VOLUNTARY_HEALTH_CARE",
                "\"quoted, id\",1985-01-01,MALE,PUBLIC_EMPLOYEE,PUBLIC_ADMINISTRATION,,,2022-01,2025-06,1100000,KHR,,true,") + "\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("csv");
        RunSummary s = PopulationRunner.run(engine(), options(file, out, 2));
        assertThat(s.rowsIn()).isEqualTo(7);
        assertThat(s.assessed()).isEqualTo(3);
        assertThat(s.rejected()).isEqualTo(4);
        List<List<String>> errors = csv(out.resolve("errors.csv"));
        assertThat(errors).extracting(e -> e.get(0) + " " + e.get(1) + " " + e.get(2))
                .containsExactly("3 short $", "4 baddate birthDate", "5 badsex sex", "6 nousdrate exchangeRate");
        assertThat(errors.get(0).get(3)).isEqualTo("has 4 fields, the header has 14");
        List<String> ids = Files.readAllLines(out.resolve("results.jsonl")).stream().map(l -> {
            try {
                return JSON.readTree(l).get("id").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(ids).containsExactly("ok1", "ok2", "quoted, id");
    }

    @Test
    void compare_anEngineWithItself_findsNoFlip() throws Exception {
        Path out = dir.resolve("self");
        CompareSummary s = PopulationRunner.compare(engine(), engine(), options(population, out, 2));
        assertThat(s.baseline().rowsIn()).isEqualTo(246);
        assertThat(s.baseline().rejected()).isEqualTo(6);
        assertThat(s.personsWithFlips()).isZero();
        assertThat(s.decisionFlips() + s.contributionFlips()).isZero();
        assertThat(s.annualCostDelta()).isZero();
        assertThat(s.contributionDelta()).isEqualTo(PersonResult.Contributions.ZERO);
        assertThat(Files.readAllLines(out.resolve("flips.csv"))).containsExactly(PopulationRunner.FLIPS_HEADER);
        assertThat(csv(out.resolve("errors.csv"))).hasSize(6);
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/flips/personsWithFlips").asLong()).isZero();
        assertThat(summary.at("/baseline/decisions")).isEqualTo(summary.at("/reformed/decisions"));
        String html = read(out.resolve("report.html"));
        assertSelfContained(html);
        assertThat(html).contains("No person's decisions or contributions change.", "rejected 6");
    }

    @Test
    void compare_withTheEmptyReform_findsNoFlip() throws Exception {
        EligibilityEngine none = engine().withReform(Reform.none());
        CompareSummary s = PopulationRunner.compare(engine(), none, options(population, dir.resolve("none"), 2));
        assertThat(s.baseline().assessed()).isEqualTo(GENERATED);
        assertThat(s.personsWithFlips()).isZero();
        assertThat(s.decisionFlips() + s.contributionFlips()).isZero();
    }

    static void assertSelfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "</html>");
        // nothing to fetch: no script, no external style sheet, image, font or frame (the SVG namespace is a name, not a fetch)
        assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href=");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://");
    }
}
