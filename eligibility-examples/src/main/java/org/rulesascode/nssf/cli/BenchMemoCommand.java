package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.population.PopulationGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nssf bench-memo}: the differential check of the memo of rule outcomes at benchmark scale. Generates a
 * calibrated population in memory (as {@code nssf population} does), assesses every profile with the memo and with
 * Drools alone ({@link Detail#OUTCOMES}, under the standard rules and, with {@code --reform}, under the reform too) and
 * requires identical assessments; prints the counts, the memo's statistics and the CPU time of each side.
 */
@Command(name = "bench-memo",
        header = "Checks that the memo of rule outcomes changes no answer, on a generated population.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Generates --size profiles of the calibrated population (seed --seed, histories",
                "until --as-of) in memory, assesses each with the memo of rule outcomes and with",
                "Drools judging every fact, under the standard rules and under --reform if given,",
                "and compares the assessments. Exit status 1 on the first difference, with the",
                "profile. Prints the profiles compared, the facts the memo replayed and sent to",
                "Drools, and the CPU time of both sides.",
                "",
                "Example: nssf bench-memo --size 1000000 --as-of 2028-06-30 \\",
                "              --reform eligibility-examples/reforms/pension-ceiling-2027.yaml",
                ""})
final class BenchMemoCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "1000000", paramLabel = "N", description = "profiles to compare (default: ${DEFAULT-VALUE})")
    long size;

    @Option(names = "--seed", defaultValue = "11", paramLabel = "N", description = "the population's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--as-of", defaultValue = "2028-06-30", paramLabel = "YYYY-MM-DD", description = "the date of every assessment and the end of the histories (default: ${DEFAULT-VALUE})")
    LocalDate asOf;

    @Option(names = "--reform", paramLabel = "FILE", description = "also compare under this reform (YAML)")
    java.nio.file.Path reformFile;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    private static final int BATCH = 256;

    @Override
    public Integer call() throws Exception {
        if (size < 1 || size > 100_000_000L) throw new InvalidInputException("--size", "is " + size, "a whole number from 1 to 100000000");
        if (threads < 1 || threads > 1024) throw new InvalidInputException("--threads", "is " + threads, "a whole number from 1 to 1024");
        PrintWriter out = spec.commandLine().getOut();
        List<EligibilityEngine> memo = new ArrayList<>();
        memo.add(MemoSwitch.with(nssf.engine(), true));
        if (reformFile != null) {
            Reform reform = NssfReforms.read(reformFile);
            memo.add(memo.get(0).withReform(reform));
            out.printf(Locale.ROOT, "reform: %s%n", reform.name());
        }
        List<EligibilityEngine> plain = new ArrayList<>();
        for (EligibilityEngine e : memo) plain.add(MemoSwitch.with(e, false));
        PopulationGenerator generator = new PopulationGenerator(seed, asOf);
        AtomicLong memoNs = new AtomicLong();
        AtomicLong plainNs = new AtomicLong();
        AtomicLong compared = new AtomicLong();
        AtomicLong decisions = new AtomicLong();
        AtomicReference<String> difference = new AtomicReference<>();
        var bean = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nssf-bench-memo");
            t.setDaemon(true);
            return t;
        });
        out.printf(Locale.ROOT, "nssf bench-memo: %,d profiles (seed %d, as of %s), %d thread%s, %d engine%s%n", size, seed, asOf, threads,
                threads == 1 ? "" : "s", memo.size(), memo.size() == 1 ? "" : "s");
        out.flush();
        try {
            List<Future<?>> inFlight = new ArrayList<>();
            for (long from = 0; from < size && difference.get() == null; from += BATCH) {
                long start = from;
                long end = Math.min(size, from + BATCH);
                inFlight.add(pool.submit(() -> {
                    List<AssessmentRequest> rs = new ArrayList<>((int) (end - start));
                    for (long i = start; i < end; i++) rs.add(AssessmentRequest.of(generator.profile(i), asOf));
                    for (int k = 0; k < memo.size(); k++) {
                        EligibilityEngine e = memo.get(k);
                        long c0 = bean.getCurrentThreadCpuTime();
                        List<Assessment> a = e.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
                        long c1 = bean.getCurrentThreadCpuTime();
                        List<Assessment> b = plain.get(k).assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
                        long c2 = bean.getCurrentThreadCpuTime();
                        memoNs.addAndGet(c1 - c0);
                        plainNs.addAndGet(c2 - c1);
                        for (int i = 0; i < rs.size(); i++) {
                            decisions.addAndGet(b.get(i).decisions().size());
                            if (!a.get(i).equals(b.get(i))) {
                                difference.compareAndSet(null, "profile " + (start + i) + " (" + e.ruleSetVersion() + "): "
                                        + NssfJson.writeCompact(rs.get(i).profile()) + "\n  with the memo: " + a.get(i) + "\n  Drools alone:  " + b.get(i));
                            }
                        }
                        compared.addAndGet(rs.size());
                    }
                    return null;
                }));
                if (inFlight.size() >= threads * 4) {
                    inFlight.remove(0).get();
                }
            }
            for (Future<?> f : inFlight) f.get();
        } finally {
            pool.shutdownNow();
        }
        MemoSwitch.Statistics st = MemoSwitch.statistics(memo.get(0));
        if (st == null) throw new IllegalStateException("the engine has no memo of rule outcomes");
        out.printf(Locale.ROOT, "compared %,d assessments (%,d decisions): %s%n", compared.get(), decisions.get(),
                difference.get() == null ? "all identical" : "DIFFERENCE");
        out.printf(Locale.ROOT, "memo: %,d facts replayed, %,d judged by Drools (%.2f %% replayed), %,d keys kept%n", st.replayed(), st.judged(),
                100.0 * st.replayed() / Math.max(1, st.replayed() + st.judged()), st.entries());
        out.printf(Locale.ROOT, "event memo: %,d workers' life-event benefits replayed, %,d judged by Drools%n", st.eventsReplayed(), st.eventsJudged());
        out.printf(Locale.ROOT, "thread CPU of the assessments: %.1f µs per assessment with the memo, %.1f µs with Drools alone%n",
                memoNs.get() / 1e3 / Math.max(1, compared.get()), plainNs.get() / 1e3 / Math.max(1, compared.get()));
        if (difference.get() != null) {
            out.println(difference.get());
            out.flush();
            return 1;
        }
        out.flush();
        return 0;
    }
}
