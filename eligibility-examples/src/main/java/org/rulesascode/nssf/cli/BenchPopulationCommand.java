package org.rulesascode.nssf.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.eligibility.json.NssfReforms;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nssf bench-population}: the cost of a population run and a reform comparison on a JSON lines population
 * (e.g. the calibrated one of {@code nssf population}), as process CPU time, wall time and marginal CPU per worker
 * (the big run minus the small run, so that start-up, compilation and warm-up cancel out), with the peak heap; then the
 * latency of single explained assessments. A quick measurement in one JVM, not a JMH benchmark.
 */
@Command(name = "bench-population",
        header = "Measures run and compare on a population file (CPU, wall time, marginal cost, heap).",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Reads the first --small and then the first --big rows of a JSON lines",
                "population (reading and parsing included), assesses each with",
                "assessAll(..., OUTCOMES) in batches on --threads threads and formats one",
                "result line per worker (outcomes, amounts, contribution totals) into a",
                "discarding sink. With --reform, the same rows are then compared: each batch",
                "is assessed with the standard rules and with the reform in one call",
                "(assessAllWith, as compare does: the reform side shares what it can), and",
                "the workers whose decisions differ (column 'changed') are assessed again,",
                "explained, on both sides for their reasons.",
                "Prints process CPU time, wall time, marginal CPU per worker ((big - small)",
                "/ (big rows - small rows)) and the peak heap of each measurement, then the",
                "CPU time of single explained assessments (engine.assess).",
                "",
                "Example: nssf population --size 200000 --seed 11 --until 2028-06-30 --out pop.jsonl",
                "         nssf bench-population --population pop.jsonl --as-of 2028-06-30 \\",
                "              --reform eligibility-examples/reforms/pension-ceiling-2027.yaml",
                ""})
final class BenchPopulationCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--population", required = true, paramLabel = "FILE", description = "the population (JSON lines)")
    Path population;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "the date of every assessment")
    LocalDate asOf;

    @Option(names = "--reform", paramLabel = "FILE", description = "also measure compare with this reform (YAML, parameters only)")
    Path reformFile;

    @Option(names = "--small", defaultValue = "20000", paramLabel = "N", description = "rows of the small run (default: ${DEFAULT-VALUE})")
    int small;

    @Option(names = "--big", defaultValue = "200000", paramLabel = "N", description = "rows of the big run (default: ${DEFAULT-VALUE})")
    int big;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "N", description = "rows per assessAll call (default: ${DEFAULT-VALUE}, as a population run)")
    int batch;

    @Option(names = "--memo", defaultValue = "true", paramLabel = "true|false", arity = "1",
            description = "replay the memo of rule outcomes (default: ${DEFAULT-VALUE}); false: Drools judges every fact")
    boolean memo;

    @Option(names = "--detail", defaultValue = "OUTCOMES", paramLabel = "D",
            description = "detail of the bulk assessments: OUTCOMES or EXPLAINED (default: ${DEFAULT-VALUE})")
    Detail detail;

    @Option(names = "--single", defaultValue = "2000", paramLabel = "N",
            description = "single explained assessments timed at the end, 0 for none (default: ${DEFAULT-VALUE})")
    int single;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N", description = "measurements of each kind (default: ${DEFAULT-VALUE})")
    int repeat;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Override
    public Integer call() throws Exception {
        check();
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "nssf bench-population: %s, as of %s, small %,d rows, big %,d rows, %d thread%s, %d per assessAll, %s, memo %s%n",
                population, asOf, small, big, threads, threads == 1 ? "" : "s", batch, detail, memo ? "on" : "off");
        out.printf(Locale.ROOT, "JVM: %s %s, %d processors, max heap %,d MB, GC %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        EligibilityEngine baseline = MemoSwitch.with(nssf.engine(), memo);
        EligibilityEngine reformed = null;
        if (reformFile != null) {
            Reform reform = NssfReforms.read(reformFile);
            reformed = baseline.withReform(reform);
            out.printf(Locale.ROOT, "reform: %s%n", reform.name());
        }
        out.printf(Locale.ROOT, "engines built: %.2f s CPU, %.2f s wall%n", (os.getProcessCpuTime() - c0) / 1e9, (System.nanoTime() - t0) / 1e9);
        out.flush();

        // warm-up: the small run once, not counted
        measure(baseline, reformed, small);
        out.println();
        String head = String.format(Locale.ROOT, "%-8s  %9s  %10s  %10s  %11s  %13s  %12s  %9s", "kind", "rows", "CPU s", "wall s",
                "CPU µs/row", "heap peak MB", "decisions", "changed");
        out.println(head);
        out.println("-".repeat(head.length()));
        out.flush();
        for (int r = 0; r < repeat; r++) {
            report(out, "run", baseline, null);
            if (reformed != null) report(out, "compare", baseline, reformed);
        }
        MemoSwitch.Statistics st = MemoSwitch.statistics(baseline);
        if (st != null) {
            out.printf(Locale.ROOT, "%nmemo of rule outcomes: %s; %,d facts replayed, %,d judged by Drools, %,d keys kept; "
                            + "life-event benefits of %,d workers replayed, of %,d judged by Drools, of %,d taken by the reform side "
                            + "from the baseline's%n", st.enabled() ? "on" : "off",
                    st.replayed(), st.judged(), st.entries(), st.eventsReplayed(), st.eventsJudged(), st.eventsShared());
        }
        if (single > 0) singles(out, baseline);
        return 0;
    }

    private void report(PrintWriter out, String kind, EligibilityEngine baseline, EligibilityEngine reformed) throws Exception {
        Figures s = measure(baseline, reformed, small);
        print(out, kind, s);
        Figures b = measure(baseline, reformed, big);
        print(out, kind, b);
        out.printf(Locale.ROOT, "%-8s  marginal CPU per row %.1f µs ((big - small) / %,d rows), wall %.1f µs%n", kind,
                (b.cpuNs - s.cpuNs) / 1e3 / (b.rows - s.rows), b.rows - s.rows, (b.wallNs - s.wallNs) / 1e3 / (b.rows - s.rows));
        out.flush();
    }

    private static void print(PrintWriter out, String kind, Figures f) {
        out.printf(Locale.ROOT, "%-8s  %,9d  %10.2f  %10.2f  %11.1f  %,13d  %,12d  %,9d%n", kind, f.rows, f.cpuNs / 1e9, f.wallNs / 1e9,
                f.cpuNs / 1e3 / f.rows, f.heapPeak >> 20, f.decisions, f.changed);
    }

    private void check() throws IOException {
        if (small < 1) throw new InvalidInputException("--small", "is " + small, "a whole number >= 1");
        if (big <= small) throw new InvalidInputException("--big", "is " + big, "a whole number greater than --small (" + small + ")");
        if (threads < 1 || threads > 1024) throw new InvalidInputException("--threads", "is " + threads, "a whole number from 1 to 1024");
        if (batch < 1 || batch > 10_000) throw new InvalidInputException("--batch", "is " + batch, "a whole number from 1 to 10000");
        if (single < 0) throw new InvalidInputException("--single", "is " + single, "a whole number >= 0");
        if (repeat < 1) throw new InvalidInputException("--repeat", "is " + repeat, "a whole number >= 1");
        if (!Files.isRegularFile(population)) throw new InvalidInputException("--population", "is " + population + ", which is not a readable file", "a JSON lines population file");
        int lines = 0;
        try (BufferedReader in = Files.newBufferedReader(population, StandardCharsets.UTF_8)) {
            while (lines < big && in.readLine() != null) lines++;
        } catch (IOException e) {
            throw new InvalidInputException("--population", "is " + population + ", which cannot be read (" + e.getMessage() + ")", "a JSON lines population file");
        }
        if (lines < big) throw new InvalidInputException("--big", "is " + big, "at most the " + lines + " rows of " + population);
    }

    /** What one measurement found. */
    private record Figures(int rows, long cpuNs, long wallNs, long heapPeak, long decisions, long changed) { }

    /** Reads, assesses and formats the first {@code rows} rows; compares them when {@code reformed} is given. */
    private Figures measure(EligibilityEngine baseline, EligibilityEngine reformed, int rows) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong decisions = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "nssf-bench-" + names.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        Semaphore inFlight = new Semaphore(threads * 4); // streaming: a few batches in memory, whatever the file's size
        List<Future<?>> futures = new ArrayList<>();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int read = 0;
        try (BufferedReader in = Files.newBufferedReader(population, StandardCharsets.UTF_8)) {
            while (read < rows) {
                List<String> lines = new ArrayList<>(batch);
                String line;
                while (lines.size() < batch && read < rows && (line = in.readLine()) != null) {
                    lines.add(line);
                    read++;
                }
                if (lines.isEmpty()) break;
                inFlight.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        List<AssessmentRequest> requests = new ArrayList<>(lines.size());
                        for (String l : lines) {
                            WorkerProfile p = NssfJson.readProfile(l);
                            requests.add(AssessmentRequest.of(p, asOf));
                        }
                        // a comparison assesses the pair in one call, as compare does (the reform side shares what it can)
                        List<List<Assessment>> pair = reformed == null ? null : baseline.assessAllWith(reformed, requests, Locale.ENGLISH, detail);
                        List<Assessment> as = pair == null ? baseline.assessAll(requests, Locale.ENGLISH, detail) : pair.get(0);
                        List<Assessment> rs = pair == null ? null : pair.get(1);
                        long d = 0;
                        long bytes = 0;
                        for (int i = 0; i < as.size(); i++) {
                            Assessment a = as.get(i);
                            d += a.decisions().size();
                            bytes += line(a).length();
                            if (rs != null) {
                                Assessment r = rs.get(i);
                                bytes += line(r).length();
                                if (!a.decisions().equals(r.decisions())) {
                                    changed.incrementAndGet();
                                    // the reasons of a changed decision: both sides explained, as compare does for the workers with a changed decision
                                    bytes += baseline.assess(requests.get(i)).decisions().size() + reformed.assess(requests.get(i)).decisions().size();
                                }
                            }
                        }
                        decisions.addAndGet(d);
                        sink.addAndGet(bytes);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--population", "is " + population + ", which does not exist", "a JSON lines population file");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - c0;
        if (read < rows) throw new IllegalStateException("read " + read + " rows of " + population + ", expected " + rows);
        long peak = 0;
        for (MemoryPoolMXBean p : heap) peak += p.getPeakUsage().getUsed();
        if (sink.get() < 0) throw new IllegalStateException("impossible"); // keeps the formatting from being optimised away
        return new Figures(read, cpu, wall, peak, decisions.get(), changed.get());
    }

    /** One result line, as a population run writes it: outcomes and amounts of each decision, contribution totals. */
    private static String line(Assessment a) {
        StringBuilder sb = new StringBuilder(1024).append("{\"id\":\"").append(a.profileId()).append("\",\"decisions\":[");
        for (Decision d : a.decisions()) {
            sb.append("{\"scheme\":\"").append(d.scheme()).append("\",\"benefit\":\"").append(d.benefit()).append("\",\"outcome\":\"")
                    .append(d.outcome()).append('"');
            if (d.entitlement() != null && d.entitlement().amount() != null) sb.append(",\"amount\":").append(d.entitlement().amount());
            if (d.provisional()) sb.append(",\"provisional\":true");
            sb.append("},");
        }
        long employer = 0;
        long worker = 0;
        for (ContributionLine l : a.contributions()) {
            employer += l.employer();
            worker += l.worker();
        }
        return sb.append("],\"employer\":").append(employer).append(",\"worker\":").append(worker).append('}').toString();
    }

    /** CPU time of single explained assessments of the first rows (the first half warms up, the second is timed). */
    private void singles(PrintWriter out, EligibilityEngine engine) throws IOException {
        List<AssessmentRequest> requests = new ArrayList<>(single);
        try (BufferedReader in = Files.newBufferedReader(population, StandardCharsets.UTF_8)) {
            String line;
            while (requests.size() < single && (line = in.readLine()) != null) requests.add(AssessmentRequest.of(NssfJson.readProfile(line), asOf));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (AssessmentRequest r : requests) engine.assess(r);
        long[] ns = new long[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long c = cpu.getCurrentThreadCpuTime();
            engine.assess(requests.get(i));
            ns[i] = cpu.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(ns);
        long sum = 0;
        for (long n : ns) sum += n;
        out.println();
        out.printf(Locale.ROOT, "single explained assess (engine.assess, one thread, %,d rows after a warm-up pass): mean %.0f µs, median %.0f µs, "
                + "90th percentile %.0f µs CPU%n", ns.length, sum / 1e3 / ns.length, ns[ns.length / 2] / 1e3, ns[(int) (ns.length * 0.9)] / 1e3);
        out.flush();
    }
}
