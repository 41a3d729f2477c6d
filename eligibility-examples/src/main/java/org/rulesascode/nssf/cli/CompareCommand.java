package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.population.CompareSummary;
import org.rulesascode.nssf.population.Payer;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.eligibility.EligibilityEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nssf compare}: the baseline and a reform on the same population, in one pass. */
@Command(name = "compare",
        header = "Compares a reform with the standard rules on a population: who flips and why.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Assesses every row of the population twice, with the standard rules and with",
                "the reform, and writes into --out: flips.csv (every changed decision or",
                "contribution, with the rules and parameters that caused it), summary.json",
                "(gainers and losers per benefit, annual cost and contribution deltas, by",
                "sector, sex, employment status and age band), report.html (a self-contained",
                "report with tables and charts) and errors.csv (rejected rows).",
                "",
                "Example: nssf compare --as-of 2028-06-30 --population workers.jsonl \\",
                "           --reform eligibility-examples/reforms/pension-ceiling-2027.yaml --out cmp1",
                ""})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Mixin
    PopulationOptions common;

    @Option(names = "--reform", required = true, paramLabel = "FILE", description = "the reform (YAML)")
    Path reform;

    @Override
    public Integer call() throws Exception {
        PopulationRunner.Options o = common.options(spec.commandLine().getErr());
        JitDirectives.add();
        common.progress.phase("building the engines");
        EligibilityEngine baseline = nssf.engine();
        EligibilityEngine reformed = common.reformed(baseline, reform);
        long t0 = System.nanoTime();
        common.progress.rowsStart();
        CompareSummary s = PopulationRunner.compare(baseline, reformed, o);
        common.progress.done(s.baseline().rowsIn());
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "nssf compare: %s%n", reformed.reform().name());
        out.printf(Locale.ROOT, "%,d rows in, %,d assessed, %,d rejected; %,d persons changed (%,d decisions, %,d contribution totals)%n",
                s.baseline().rowsIn(), s.baseline().assessed(), s.baseline().rejected(), s.all().personsChanged(), s.decisionFlips(), s.contributionFlips());
        out.printf(Locale.ROOT, "%,d better off, %,d worse off, %,d paying more, %,d paying less%n", s.all().betterOff(), s.all().worseOff(),
                s.all().payingMore(), s.all().payingLess());
        out.printf(Locale.ROOT, "annual benefit cost: NSSF %+,d riel, employers %+,d riel, State %+,d riel; contributions of the last 12 months %+,d riel%n",
                s.annualCostDelta(Payer.NSSF), s.annualCostDelta(Payer.EMPLOYER), s.annualCostDelta(Payer.STATE), s.contributionDelta().totalLast12());
        if (s.weighted()) {
            out.printf(Locale.ROOT, "weights: %,d of the %,d assessed rows carry one; they add up to %s persons (weighted estimates in the report and under \"weighted\" in summary.json)%n",
                    s.baseline().weightedRows(), s.baseline().assessed(), String.format(Locale.ROOT, "%,." + Math.max(0, s.baseline().weightTotal().stripTrailingZeros().scale()) + "f", s.baseline().weightTotal()));
        }
        for (String w : s.warnings(reformed.reform(), o.asOf())) out.println("warning: " + w);
        out.printf(Locale.ROOT, "%.1f s on %d thread%s (%,.0f rows/s); wrote %s, %s, %s, %s%n", seconds, o.threads(), o.threads() == 1 ? "" : "s",
                s.baseline().rowsIn() / Math.max(seconds, 1e-9), o.out().resolve("report.html"), o.out().resolve("summary.json"),
                o.out().resolve("flips.csv"), o.out().resolve("errors.csv"));
        out.flush();
        return 0;
    }
}
