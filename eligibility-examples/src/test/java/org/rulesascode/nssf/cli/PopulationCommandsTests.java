package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rulesascode.nssf.cli.NssfCommandTests.assertUserError;
import static org.rulesascode.nssf.cli.NssfCommandTests.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.cli.NssfCommandTests.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The population, run, compare and bench-compare commands, in-process: files written, exit codes, one-line errors. */
class PopulationCommandsTests {

    @TempDir
    Path dir;

    static final String CEILING_YAML = """
            name: "Pension ceiling of 2,000,000 riel from 2027"
            description: "Test reform of PopulationCommandsTests."
            parameters:
              pension.contributable_wage.ceiling:
                2027-01-01: 2000000
            """;

    Path population(int size, String until) {
        Path f = dir.resolve("workers-" + size + "-" + until + ".jsonl");
        Run r = run("population", "--size", String.valueOf(size), "--seed", "3", "--until", until, "--out", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return f;
    }

    @Test
    void population_writesTheFile_sameSeedSameBytes() throws IOException {
        Path a = population(40, "2025-06-30");
        Path b = dir.resolve("again.jsonl");
        Run r = run("population", "--size", "40", "--seed", "3", "--until", "2025-06-30", "--out", b.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("40 workers", "seed 3");
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllLines(a)).hasSize(40);
    }

    @Test
    void population_badOptions_areOneLineErrors() {
        assertUserError(run("population", "--size", "0", "--out", dir.resolve("x.jsonl").toString()), "--size");
        assertUserError(run("population", "--size", "5", "--until", "2010-01-01", "--out", dir.resolve("x.jsonl").toString()), "--until");
        assertUserError(run("population", "--size", "5", "--out", dir.resolve("no/such/dir/x.jsonl").toString()), "--out");
    }

    @Test
    void run_writesTheThreeFiles_andPrintsTheCounts() throws IOException {
        Path pop = population(30, "2025-06-30");
        Files.writeString(pop, "{not json\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("out");
        Run r = run("run", "--as-of", "2025-06-30", "--population", pop.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("31 rows in, 30 assessed, 1 rejected");
        assertThat(r.err()).as("no progress bar without a terminal").isEmpty();
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(30);
        assertThat(Files.readAllLines(out.resolve("errors.csv"))).hasSize(2).element(1).asString().startsWith("31,,$,");
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.at("/rows/in").asInt()).isEqualTo(31);
    }

    @Test
    void run_andCompare_withWeights_sayHowManyRowsCarryOne_andWhatTheyAddUpTo() throws IOException {
        Path pop = population(4, "2025-06-30");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(pop));
        lines.set(0, "{\"weight\": 2.5, " + lines.get(0).substring(1));
        lines.set(2, "{\"weight\": 0, " + lines.get(2).substring(1)); // rejected: not positive
        Files.write(pop, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("weighted");
        Run r = run("run", "--as-of", "2025-06-30", "--population", pop.toString(), "--out", out.toString(), "--scale-to", "9");
        assertThat(r.code()).as(r.err()).isZero();
        // 3 assessed: 2.5 + 1 + 1 = 4.5
        assertThat(r.out()).contains("4 rows in, 3 assessed, 1 rejected", "weights: 1 of the 3 assessed rows carry one; they add up to 4.5 persons");
        assertThat(Files.readAllLines(out.resolve("errors.csv")).get(1)).startsWith("3,").contains(",$.weight,");
        Path reform = dir.resolve("ceiling.yaml");
        Files.writeString(reform, CEILING_YAML, StandardCharsets.UTF_8);
        Path cmp = dir.resolve("weighted-compare");
        Run c = run("compare", "--as-of", "2025-06-30", "--population", pop.toString(), "--reform", reform.toString(), "--out", cmp.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("weights: 1 of the 3 assessed rows carry one; they add up to 4.5 persons");
        assertThat(Files.readString(cmp.resolve("report.html"))).contains("weights adding up to 4.5");
    }

    @Test
    void run_userMistakes_areOneLineErrors() throws IOException {
        Path out = dir.resolve("o");
        assertUserError(run("run", "--as-of", "2025-06-30", "--population", dir.resolve("missing.jsonl").toString(), "--out", out.toString()), "--population");
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,birth,sex\n", StandardCharsets.UTF_8);
        assertUserError(run("run", "--as-of", "2025-06-30", "--population", csv.toString(), "--out", out.toString()), csv + ":1 header");
        Path pop = population(3, "2025-06-30");
        assertUserError(run("run", "--as-of", "2025-06-30", "--population", pop.toString(), "--out", out.toString(), "--threads", "0"), "--threads");
        assertUserError(run("run", "--population", pop.toString(), "--out", out.toString()), "--as-of");
        assertUserError(run("run", "--as-of", "2025-06-30", "--population", pop.toString(), "--out", out.toString(),
                "--reform", dir.resolve("nope.yaml").toString()), "--reform");
    }

    @Test
    void run_badOptions_areExitTwo_beforeAnyRowIsRead() throws IOException {
        Path pop = population(3, "2025-06-30");
        Path out = dir.resolve("never");
        // the rule base covers 2008-01-01 to 2060-12-31: refused as an option, not as 3 rejected rows
        Run late = run("run", "--as-of", "2061-01-01", "--population", pop.toString(), "--out", out.toString());
        assertUserError(late, "--as-of");
        assertThat(late.err()).contains("2060-12-31");
        assertThat(out).doesNotExist();
        // an --out that cannot be made a folder (its parent is a file)
        Run unwritable = run("run", "--as-of", "2025-06-30", "--population", pop.toString(), "--out", pop.resolve("out").toString());
        assertUserError(unwritable, "--out");
        assertThat(unwritable.err()).contains("cannot be written");
    }

    @Test
    void progress_countsRows_andEstimatesTheTimeLeft() {
        // 2,000 rows in 10 s with a quarter of the file read: 30 s left
        assertThat(Progress.line(2_000, 0.25, 10_000_000_000L)).contains(" 25% [", "2,000 rows", "200 rows/s", "about 30 s left");
        assertThat(Progress.line(1, Double.NaN, 1_000_000_000L)).contains("1 row,").doesNotContain("%", "left");
        assertThat(Progress.duration(200)).isEqualTo("3 min 20 s");
        assertThat(Progress.duration(3_900)).isEqualTo("1 h 05 min");
        java.io.StringWriter w = new java.io.StringWriter();
        long[] now = {0};
        Progress p = new Progress(new java.io.PrintWriter(w), () -> now[0]);
        p.phase("building the engine");
        assertThat(w.toString()).contains("building the engine");
        now[0] = 60_000_000_000L;
        p.rowsStart();
        now[0] += 4_000_000_000L;
        p.update(400, 0.5);
        assertThat(w.toString()).as("the time left counts from the first row, not from the engine build").contains("100 rows/s", "about 4 s left");
    }

    @Test
    void compare_writesTheReport_andRefusesRulesWithoutTrust() throws IOException {
        Path pop = population(40, "2028-06-30");
        Path reform = dir.resolve("ceiling.yaml");
        Files.writeString(reform, CEILING_YAML, StandardCharsets.UTF_8);
        Path out = dir.resolve("cmp");
        Run r = run("compare", "--as-of", "2028-06-30", "--population", pop.toString(), "--reform", reform.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Pension ceiling of 2,000,000 riel from 2027", "40 rows in, 40 assessed, 0 rejected");
        for (String f : new String[] {"report.html", "summary.json", "flips.csv", "errors.csv"}) assertThat(out.resolve(f)).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h1>Pension ceiling of 2,000,000 riel from 2027</h1>");
        assertThat(r.out()).contains("better off", "annual benefit cost: NSSF ");

        Path scaled = dir.resolve("scaled");
        Run s = run("compare", "--as-of", "2028-06-30", "--population", pop.toString(), "--reform", reform.toString(), "--out", scaled.toString(),
                "--scale-to", "4335501", "--usd-rate", "4000");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(Files.readString(scaled.resolve("report.html"))).contains("Estimate for 4,335,501 (from the sample of 40)", "4,000 riel per US dollar", "US$");
        assertThat(new ObjectMapper().readTree(scaled.resolve("summary.json").toFile()).at("/scaling/sampleSize").asLong()).isEqualTo(40);
        assertUserError(run("compare", "--as-of", "2028-06-30", "--population", pop.toString(), "--reform", reform.toString(), "--out", scaled.toString(),
                "--scale-to", "0"), "--scale-to");

        assertUserError(run("compare", "--as-of", "2028-06-30", "--population", pop.toString(), "--out", out.toString()), "--reform");
        Path structural = dir.resolve("structural.yaml");
        Files.writeString(structural, "name: \"with rules\"\nrules:\n  - extra.drl\n", StandardCharsets.UTF_8);
        Run refused = run("compare", "--as-of", "2028-06-30", "--population", pop.toString(), "--reform", structural.toString(), "--out", out.toString());
        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).startsWith("nssf: ").doesNotContain("Exception");
    }

    @Test
    void benchCompare_printsWorkersPerSecondAndHeap() {
        Run r = run("bench-compare", "--size", "20", "--warmup", "0", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("20 workers in", "workers/s", "heap: max used", "20 assessed, 0 rejected");
    }
}
