package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.rulesascode.nssf.population.CompareSummary;
import org.rulesascode.nssf.population.Population;
import org.rulesascode.nssf.population.PopulationGenerator;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nssf bench-compare}: how fast {@code compare} runs. Generates the synthetic population on the fly (nothing
 * held in memory: memory stays flat), assesses each worker with the baseline and with a built-in reform (the
 * pension ceiling raised to 2,000,000 KHR from 2027), compares, and prints workers per second, elapsed time and
 * the heap used. A quick measurement in one JVM, not a JMH benchmark.
 */
@Command(name = "bench-compare",
        header = "Measures compare (baseline + reform) on a generated population.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Generates N synthetic workers on the fly (as 'nssf population' does), assesses",
                "each with the standard rules and with a built-in reform (pension contributable-",
                "wage ceiling 2,000,000 KHR from 2027-01-01), compares them as 'nssf compare'",
                "does (no files written), and prints workers per second, elapsed time and the",
                "heap used. Each worker is two full assessments (all schemes, 36-month history).",
                "",
                "Tip: JAVA_OPTS='-Xmx1g -XX:+UseParallelGC' ./nssf bench-compare --size 1000000",
                ""})
final class BenchCompareCommand implements Callable<Integer> {

    /** The built-in reform: the first example. */
    static final Reform CEILING_2M = new Reform("Pension ceiling of 2,000,000 riel from 2027 (built-in benchmark reform)",
            "Raises the ceiling of the pension contributable wage from 1,200,000 to 2,000,000 KHR on 2027-01-01.",
            List.of(new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L, false,
                    "benchmark reform built in Java", "")), List.of());

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "100000", paramLabel = "N", description = "workers to compare (default: ${DEFAULT-VALUE})")
    long size;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of the population (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--as-of", defaultValue = "2028-06-30", paramLabel = "YYYY-MM-DD",
            description = "as-of date, also the end of the generated histories (default: ${DEFAULT-VALUE}, after the reform's 2027 start)")
    LocalDate asOf;

    @Option(names = "--warmup", defaultValue = "5000", paramLabel = "N", description = "workers compared before timing (default: ${DEFAULT-VALUE})")
    long warmup;

    @Override
    public Integer call() throws Exception {
        if (size < 1) throw new InvalidInputException("--size", "is " + size, "a whole number >= 1");
        if (threads < 1 || threads > 1024) throw new InvalidInputException("--threads", "is " + threads, "a whole number from 1 to 1024");
        if (warmup < 0) throw new InvalidInputException("--warmup", "is " + warmup, "a whole number >= 0");
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "nssf bench-compare: %,d synthetic workers (seed %d, 36-month histories to %s), baseline + reform, %d thread%s%n",
                size, seed, asOf, threads, threads == 1 ? "" : "s");
        out.printf(Locale.ROOT, "JVM: %s %s, %d processors, max heap %,d MB, GC %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
        long t0 = System.nanoTime();
        EligibilityEngine baseline = nssf.engine();
        long t1 = System.nanoTime();
        EligibilityEngine reformed = baseline.withReform(CEILING_2M);
        long t2 = System.nanoTime();
        out.printf(Locale.ROOT, "engines: baseline %.2f s, reform (withReform) %.2f s; reform: %s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, CEILING_2M.name());
        out.flush();

        PopulationGenerator g = new PopulationGenerator(seed, asOf);
        if (warmup > 0) {
            long w0 = System.nanoTime();
            // the warm-up uses persons after the measured ones, so the measured run sees fresh profiles
            PopulationRunner.compare(baseline, reformed, Population.generated(g, size, size + warmup), asOf, threads, null);
            out.printf(Locale.ROOT, "warm-up: %,d workers in %.1f s%n", warmup, (System.nanoTime() - w0) / 1e9);
            out.flush();
        }
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] maxUsed = {memory.getHeapMemoryUsage().getUsed()};
        long s0 = System.nanoTime();
        CompareSummary s = PopulationRunner.compare(baseline, reformed, Population.generated(g, 0, size), asOf, threads, null,
                rows -> maxUsed[0] = Math.max(maxUsed[0], memory.getHeapMemoryUsage().getUsed()));
        double seconds = (System.nanoTime() - s0) / 1e9;
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long committed = memory.getHeapMemoryUsage().getCommitted();

        out.printf(Locale.ROOT, "%n%,d workers in %.1f s: %,.0f workers/s (%,.0f assessments/s)%n", s.baseline().rowsIn(), seconds,
                s.baseline().rowsIn() / seconds, 2 * s.baseline().rowsIn() / seconds);
        out.printf(Locale.ROOT, "heap: max used %,d MB (sampled after each batch), sum of heap-pool peaks %,d MB, committed %,d MB, max %,d MB%n",
                maxUsed[0] >> 20, poolPeaks >> 20, committed >> 20, rt.maxMemory() >> 20);
        out.printf(Locale.ROOT, "result: %,d assessed, %,d rejected, %,d persons with changes (%,d decisions, %,d contribution totals); "
                        + "contributions of the last 12 months %+,d riel, annual benefit cost to NSSF %+,d riel%n",
                s.baseline().assessed(), s.baseline().rejected(), s.personsWithFlips(), s.decisionFlips(), s.contributionFlips(),
                s.contributionDelta().totalLast12(), s.annualCostDelta(org.rulesascode.nssf.population.Payer.NSSF));
        out.flush();
        return 0;
    }
}
