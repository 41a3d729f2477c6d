package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rulesascode.nssf.cli.NssfCommandTests.assertUserError;
import static org.rulesascode.nssf.cli.NssfCommandTests.run;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.cli.NssfCommandTests.Run;

/** {@code nssf bench-population}, in-process on a tiny population: the figures it prints, its one-line errors. */
class BenchPopulationCommandTests {

    @TempDir
    Path dir;

    Path population(int size) {
        Path f = dir.resolve("workers.jsonl");
        Run r = run("population", "--size", String.valueOf(size), "--seed", "3", "--until", "2028-06-30", "--out", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return f;
    }

    @Test
    void benchPopulation_printsRunCompareMarginalAndSingleFigures() {
        Path pop = population(24);
        Run r = run("bench-population", "--population", pop.toString(), "--as-of", "2028-06-30", "--small", "8", "--big", "24",
                "--threads", "2", "--batch", "5", "--single", "4",
                "--reform", Path.of("reforms", "pension-ceiling-2027.yaml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("reform: Pension ceiling", "run       marginal CPU per row", "compare   marginal CPU per row",
                "((big - small) / 16 rows)", "single explained assess", "4 rows");
        assertThat(r.out()).containsPattern("run\\s+24\\s");
    }

    @Test
    void benchPopulation_badOptions_areOneLineErrors() {
        Path pop = population(10);
        assertUserError(run("bench-population", "--population", pop.toString(), "--as-of", "2028-06-30", "--small", "5", "--big", "5"), "--big");
        assertUserError(run("bench-population", "--population", pop.toString(), "--as-of", "2028-06-30", "--small", "5", "--big", "11"), "--big");
        assertUserError(run("bench-population", "--population", dir.resolve("none.jsonl").toString(), "--as-of", "2028-06-30"), "--population");
        assertUserError(run("bench-population", "--population", pop.toString(), "--as-of", "2028-06-30", "--small", "2", "--big", "4", "--threads", "0"), "--threads");
    }
}
