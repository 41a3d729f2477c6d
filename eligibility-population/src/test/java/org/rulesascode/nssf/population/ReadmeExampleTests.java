package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.json.NssfReforms;

/**
 * The README's Java example of a reform comparison ("Population runs"), as a user would write it: it compiles and
 * runs, and the summary it writes is the same file as the one {@code nssf compare} writes for the same rows.
 */
class ReadmeExampleTests {

    @TempDir
    Path dir;

    @Test
    void readmeReformComparison_runs_andWritesTheSummaryOfCompare() throws Exception {
        StringWriter w = new StringWriter();
        new PopulationGenerator(11, LocalDate.of(2028, 6, 30)).write(120, w);
        Path workers = dir.resolve("workers.jsonl");
        Files.writeString(workers, w.toString(), StandardCharsets.UTF_8);
        Path reformFile = Path.of("../eligibility-examples/reforms/pension-ceiling-2027.yaml");
        Path summaryFile = dir.resolve("summary.json");
        StringWriter printed = new StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(printed);

        // ---- as in README.md ----
        EligibilityEngine baseline = EligibilityEngine.standard();
        EligibilityEngine reform = baseline.withReform(NssfReforms.read(reformFile));
        LocalDate asOf = LocalDate.of(2028, 6, 30);
        try (RowSource rows = Population.open(workers)) {
            CompareSummary s = PopulationRunner.compare(baseline, reform, rows, asOf, 2, ResultSink.NONE);
            out.printf("%,d of %,d workers change; contributions %+,d riel, benefits %+,d riel a year%n",
                    s.personsWithFlips(), s.baseline().assessed(), s.contributionDelta().totalLast12(), s.annualCostDelta());
            Files.writeString(summaryFile, PopulationRunner.summaryJson(s, baseline, reform, asOf, InputFormat.jsonl));
        }
        // ---- end ----

        out.flush();
        assertThat(printed.toString()).matches("\\d+ of 120 workers change; contributions \\+[\\d,]+ riel, benefits [+-]?[\\d,]+ riel a year\\R");
        Path cli = dir.resolve("cli");
        PopulationRunner.compare(baseline, reform, new PopulationRunner.Options(asOf, workers, InputFormat.jsonl, cli, 1, null));
        assertThat(Files.readString(summaryFile)).isEqualTo(Files.readString(cli.resolve("summary.json")));
    }
}
