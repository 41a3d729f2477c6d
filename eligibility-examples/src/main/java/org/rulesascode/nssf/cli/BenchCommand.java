package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nssf bench}: how long the engine takes to build and how many synthetic profiles it assesses per second
 * with 1, 2, … threads sharing it. A quick measurement, not a JMH benchmark: one JVM, one run per thread count.
 */
@Command(name = "bench",
        header = "Measures engine build time and throughput.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Measures the engine: the time EligibilityEngine.standard() and the first",
                "assessment take in this JVM, then the throughput over seeded synthetic",
                "profiles (36-month histories) for each thread count, after a warm-up.",
                "Profiles are generated before timing starts. Not a JMH benchmark.",
                "",
                "Tip: JAVA_OPTS='-Xmx2g -XX:+UseParallelGC' ./nssf bench",
                ""})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--profiles", defaultValue = "200000", paramLabel = "N", description = "profiles per measurement (default: ${DEFAULT-VALUE})")
    int profiles;

    @Option(names = "--threads", defaultValue = "1,2", split = ",", paramLabel = "T", description = "thread counts to measure (default: ${DEFAULT-VALUE})")
    List<Integer> threads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "seed of the profile generator (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N",
            description = "profiles per EligibilityEngine.assessAll call (1: one assess call per profile; default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--detail", defaultValue = "EXPLAINED", paramLabel = "D",
            description = "detail of the assessments: EXPLAINED, DECISIONS (explained, no compliance checks) or OUTCOMES (the population fast path; default: ${DEFAULT-VALUE})")
    Detail detail;

    @Option(names = "--warmup", defaultValue = "50000", paramLabel = "N", description = "assessments before timing (default: ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
        check();
        // first thing after the options: the engine, so its build time is not hidden in other work
        long t0 = System.nanoTime();
        EligibilityEngine engine = nssf.engine();
        long buildNs = System.nanoTime() - t0;

        PrintWriter out = spec.commandLine().getOut();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "nssf bench: %,d synthetic profiles (seed %d), 36-month histories, warm-up %,d, %d per assessAll call, %s%n",
                profiles, seed, warmup, batch, detail);
        out.printf(Locale.ROOT, "JVM: %s %s, %d processors, max heap %,d MB, GC %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
        out.printf(Locale.ROOT, "engine: EligibilityEngine.standard() %.3f s (%d rules, %d parameter values)%n", buildNs / 1e9,
                engine.rules().size(), engine.parameterAudit().size());
        out.flush();

        gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long g0 = System.nanoTime();
        AssessmentRequest[] requests = SyntheticProfiles.generate(profiles, seed);
        long genNs = System.nanoTime() - g0;
        gc();
        long heapProfiles = Math.max(0, memory.getHeapMemoryUsage().getUsed() - heapBefore);

        long f0 = System.nanoTime();
        Assessment first = engine.assess(requests[0]);
        long firstNs = System.nanoTime() - f0;
        out.printf(Locale.ROOT, "first assessment %.3f s (rule set %s)%n", firstNs / 1e9, first.ruleSetVersion());
        out.printf(Locale.ROOT, "profiles generated in %.2f s, about %,d MB of heap%n", genNs / 1e9, heapProfiles >> 20);
        out.flush();

        int maxThreads = threads.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (warmup > 0) {
            long w0 = System.nanoTime();
            run(engine, requests, maxThreads, warmup, batch, detail);
            out.printf(Locale.ROOT, "warm-up: %,d assessments on %d thread%s in %.2f s%n", warmup, maxThreads, maxThreads == 1 ? "" : "s",
                    (System.nanoTime() - w0) / 1e9);
        }
        out.println();
        String head = String.format(Locale.ROOT, "%7s  %12s  %9s  %14s  %12s  %18s  %14s", "threads", "profiles/s", "seconds",
                "CPU µs/profile", "decisions", "contribution lines", "heap used (MB)");
        out.println(head);
        out.println("-".repeat(head.length()));
        out.flush();
        for (int t : threads) {
            gc();
            long s0 = System.nanoTime();
            long[] sums = run(engine, requests, t, profiles, batch, detail);
            double seconds = (System.nanoTime() - s0) / 1e9;
            long heapUsed = memory.getHeapMemoryUsage().getUsed();
            out.printf(Locale.ROOT, "%7d  %,12.0f  %9.3f  %,14.1f  %,12d  %,18d  %,14d%n", t, profiles / seconds, seconds,
                    sums[2] / 1e3 / profiles, sums[0], sums[1], heapUsed >> 20);
            out.flush();
        }
        return 0;
    }

    private void check() {
        if (profiles < 1) throw new InvalidInputException("--profiles", "is " + profiles, "a whole number >= 1");
        if (batch < 1 || batch > 10_000) throw new InvalidInputException("--batch", "is " + batch, "a whole number from 1 to 10000");
        if (warmup < 0) throw new InvalidInputException("--warmup", "is " + warmup, "a whole number >= 0");
        if (threads == null || threads.isEmpty()) throw new InvalidInputException("--threads", "is empty", "a comma-separated list of thread counts >= 1");
        for (int t : threads) {
            if (t < 1 || t > 1024) throw new InvalidInputException("--threads", "contains " + t, "thread counts from 1 to 1024");
        }
    }

    /**
     * Assesses {@code count} requests (cycling over the array) on {@code threads} threads, each taking a contiguous
     * slice. @return {decisions, contribution lines, CPU nanoseconds of the worker threads} summed (the sums also keep
     * the work from being optimised away); CPU time is steadier than wall time on a shared machine
     */
    static long[] run(EligibilityEngine engine, AssessmentRequest[] requests, int threads, int count, int batch, Detail detail) throws InterruptedException {
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "nssf-bench-" + names.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<long[]>> futures = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int from = (int) ((long) count * i / threads);
                int to = (int) ((long) count * (i + 1) / threads);
                futures.add(pool.submit(() -> {
                    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long decisions = 0;
                    long lines = 0;
                    List<AssessmentRequest> chunk = new ArrayList<>(batch);
                    for (int k = from; k < to; k += batch) {
                        chunk.clear();
                        for (int j = k; j < Math.min(to, k + batch); j++) chunk.add(requests[j % requests.length]);
                        List<Assessment> as = batch == 1 && detail == Detail.EXPLAINED ? List.of(engine.assess(chunk.get(0))) : engine.assessAll(chunk, Locale.ENGLISH, detail);
                        for (Assessment a : as) {
                            decisions += a.decisions().size();
                            lines += a.contributions().size();
                        }
                    }
                    return new long[] {decisions, lines, cpu.getCurrentThreadCpuTime() - c0};
                }));
            }
            long[] sums = new long[3];
            for (Future<long[]> f : futures) {
                long[] s = f.get();
                for (int i = 0; i < sums.length; i++) sums[i] += s[i];
            }
            return sums;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("java:S1215") // a benchmark wants a quiet heap before each measurement
    private static void gc() {
        System.gc();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
