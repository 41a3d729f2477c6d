package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.population.RunSummary;
import org.rulesascode.nssf.eligibility.EligibilityEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nssf run}: assesses a whole population file on a date. */
@Command(name = "run",
        header = "Assesses every worker of a population file (JSON lines or CSV).",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Streams the population, assesses every row on --as-of on all cores and",
                "writes into --out: results.jsonl (one line per person, in input order:",
                "outcomes and amounts of each decision, contribution totals), results.csv",
                "(the same, flat: one row per person), errors.csv",
                "(each rejected row: line, id, field, problem) and summary.json (rows in =",
                "assessed + rejected, counts per scheme, benefit and outcome, amounts).",
                "A bad row never stops the run. Memory stays flat with the population size.",
                "The files are renamed into place when the run completes (summary.json last).",
                "",
                "Example: nssf run --as-of 2025-06-30 --population workers.jsonl --out run1",
                ""})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Mixin
    PopulationOptions common;

    @Option(names = "--reform", paramLabel = "FILE", description = "assess under this reform (YAML) instead of the standard rules")
    Path reform;

    @Option(names = "--compliance", description = "also count compliance findings by sector (declared below the minimum wage, unpaid months, "
            + "contributions missing); assesses every row explained, so slower")
    boolean compliance;

    @Override
    public Integer call() throws Exception {
        PopulationRunner.Options o = common.options(spec.commandLine().getErr(), compliance);
        if (!compliance) JitDirectives.add();
        common.progress.phase("building the engine");
        EligibilityEngine engine = nssf.engine();
        if (reform != null) engine = common.reformed(engine, reform);
        long t0 = System.nanoTime();
        common.progress.rowsStart();
        RunSummary s = PopulationRunner.run(engine, o);
        common.progress.done(s.rowsIn());
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "nssf run: %,d rows in, %,d assessed, %,d rejected%s%n", s.rowsIn(), s.assessed(), s.rejected(),
                s.rejected() > 0 ? " (see " + o.out().resolve("errors.csv") + ")" : "");
        if (s.weighted()) {
            out.printf(Locale.ROOT, "weights: %,d of the %,d assessed rows carry one; they add up to %s persons (weighted estimates under \"weighted\" in summary.json)%n",
                    s.weightedRows(), s.assessed(), String.format(Locale.ROOT, "%,." + Math.max(0, s.weightTotal().stripTrailingZeros().scale()) + "f", s.weightTotal()));
        }
        out.printf(Locale.ROOT, "%.1f s on %d thread%s (%,.0f rows/s); wrote %s, %s, %s, %s%n", seconds, o.threads(), o.threads() == 1 ? "" : "s",
                s.rowsIn() / Math.max(seconds, 1e-9), o.out().resolve("results.jsonl"), o.out().resolve("results.csv"), o.out().resolve("errors.csv"),
                o.out().resolve("summary.json"));
        out.flush();
        return 0;
    }
}
